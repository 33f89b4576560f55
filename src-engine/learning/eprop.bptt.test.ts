/**
 * e-prop against exact BPTT (SCIENCE.md §5.2). The reference below differentiates the same
 * discrete LIF/ALIF network by hand, backwards in time, with the same pseudo-derivative ψ for
 * ∂z/∂v (and −β ψ for ∂z/∂a). With the gradient paths through the recurrence and through the reset
 * stopped (or W_rec = 0 and the reset stopped) e-prop is exactly BPTT — for ALIF with the
 * adaptation path z_j^t → a_j^{t+1} kept, since ε^a carries it; with the full gradient it is an
 * approximation.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { EpropCore, type EpropLifParams } from './epropCore';
import { pseudoDerivative } from './surrogate';

interface Task {
  nIn: number; n: number; nOut: number; T: number;
  wIn: Float64Array; wRec: Float64Array; wOut: Float64Array;
  /** x[t][i] for t = 1..T (index t − 1). */
  x: number[][];
  target: number[][];
  p: EpropLifParams; kappa: number;
  /** One private input per neuron (x_j → j): W_in is dense here but zero off the diagonal. */
  diagonal: boolean;
}

/** ALIF variant of the task: adaptation β, ρ, more steps and a stronger drive (so that neurons adapt). */
interface AlifOpts { beta_a: number; rho: number; T: number; pIn: number; kappa?: number; diagonal?: boolean }

function makeTask(seed: number, recurrent: boolean, alif?: AlifOpts): Task {
  const rng = new Rng(seed);
  const diagonal = alif?.diagonal ?? false;
  const n = 5, nIn = diagonal ? n : 4, nOut = 2, T = alif?.T ?? 20, pIn = alif?.pIn ?? 0.35;
  const wIn = Float64Array.from({ length: nIn * n }, (_, q) => (diagonal ? (q % (n + 1) === 0 ? 1.2 + 0.3 * rng.normal() : 0) : 0.35 + 0.35 * rng.normal()));
  const wRec = Float64Array.from({ length: n * n }, () => (recurrent ? 0.3 * rng.normal() : 0));
  const wOut = Float64Array.from({ length: n * nOut }, () => rng.normal());
  const x = Array.from({ length: T }, () => Array.from({ length: nIn }, () => (rng.uniform() < pIn ? 1 : 0)));
  const target = Array.from({ length: T }, () => Array.from({ length: nOut }, () => rng.normal()));
  const p: EpropLifParams = { alpha: Math.exp(-1 / 20), v_th: 1, gamma: 0.3, n_ref: 0 };
  if (alif) Object.assign(p, { beta_a: alif.beta_a, rho: alif.rho });
  return { nIn, n, nOut, T, wIn, wRec, wOut, x, target, p, kappa: alif?.kappa ?? Math.exp(-1 / 10), diagonal };
}

/** Diagonal of an n × n pre-major matrix. */
const diag = (w: Float64Array, n: number) => Float64Array.from({ length: n }, (_, j) => w[j * n + j]);

/**
 * e-prop gradients (symmetric feedback B = W_outᵀ, online κ-filtered traces when κ > 0; for a
 * diagonal task gIn holds the n diagonal weights). maxAdapt = max over steps and neurons of β a / v_th.
 */
function epropGrad(t: Task): { gIn: Float64Array; gRec: Float64Array; spikes: number; maxAdapt: number } {
  const wIn = t.diagonal ? diag(t.wIn, t.n) : t.wIn.slice();
  const core = new EpropCore(t.nIn, t.n, wIn, t.wRec.slice(), t.p, t.kappa, true, t.diagonal);
  const y = new Float64Array(t.nOut), L = new Float64Array(t.n);
  let spikes = 0, maxAdapt = 0;
  for (let s = 0; s < t.T; s++) {
    const ids: number[] = [];
    t.x[s].forEach((v, i) => { if (v) ids.push(i); });
    core.step(ids, ids.length);
    spikes += core.spikeCount;
    if (core.alif) for (const a of core.alif.a) maxAdapt = Math.max(maxAdapt, ((t.p.beta_a ?? 0) * a) / t.p.v_th);
    for (let k = 0; k < t.nOut; k++) {
      let a = 0;
      for (let j = 0; j < t.n; j++) a += t.wOut[j * t.nOut + k] * core.z[j];
      y[k] = t.kappa * y[k] + (1 - t.kappa) * a;
    }
    for (let j = 0; j < t.n; j++) {
      let l = 0;
      for (let k = 0; k < t.nOut; k++) l += t.wOut[j * t.nOut + k] * (y[k] - t.target[s][k]);
      L[j] = l;
    }
    core.accumulate(L);
  }
  return { gIn: core.gIn, gRec: core.gRec, spikes, maxAdapt };
}

/**
 * Exact BPTT through the same network (∂z/∂v := ψ, ∂z/∂a := −β ψ), optionally stopping the
 * recurrent, reset and adaptation (z_j^t → a_j^{t+1}) paths. ALIF: a^{t+1} = ρ a^t + z^t, A = v_th + β a.
 */
function bpttGrad(t: Task, stopRec: boolean, stopReset: boolean, stopAdapt = false): { gIn: Float64Array; gRec: Float64Array } {
  const { n, nIn, nOut, T, p } = t;
  const beta = p.beta_a ?? 0, rho = p.rho ?? 0;
  const v: number[][] = [new Array(n).fill(0)], z: number[][] = [new Array(n).fill(0)], psi: number[][] = [new Array(n).fill(0)];
  const ad: number[][] = [new Array(n).fill(0)];
  for (let s = 0; s < T; s++) {
    const vn = new Array(n).fill(0), zn = new Array(n).fill(0), pn = new Array(n).fill(0), an = new Array(n).fill(0);
    for (let j = 0; j < n; j++) {
      let a = p.alpha * v[s][j] - z[s][j] * p.v_th;
      for (let i = 0; i < n; i++) a += t.wRec[i * n + j] * z[s][i];
      for (let i = 0; i < nIn; i++) a += t.wIn[i * n + j] * t.x[s][i];
      an[j] = rho * ad[s][j] + z[s][j];
      const thr = p.v_th + beta * an[j];
      vn[j] = a;
      zn[j] = a >= thr ? 1 : 0;
      pn[j] = pseudoDerivative(a, p.v_th, p.gamma, thr);
    }
    v.push(vn); z.push(zn); psi.push(pn); ad.push(an);
  }
  // Readout y^t, t = 1..T, and dE/dy^t = (y^t − y*^t) + κ dE/dy^{t+1}.
  const y: number[][] = [new Array(nOut).fill(0)];
  for (let s = 1; s <= T; s++) {
    y.push(Array.from({ length: nOut }, (_, k) => {
      let a = 0;
      for (let j = 0; j < n; j++) a += t.wOut[j * nOut + k] * z[s][j];
      return t.kappa * y[s - 1][k] + (1 - t.kappa) * a;
    }));
  }
  const dy: number[][] = Array.from({ length: T + 2 }, () => new Array(nOut).fill(0));
  for (let s = T; s >= 1; s--) for (let k = 0; k < nOut; k++) dy[s][k] = y[s][k] - t.target[s - 1][k] + t.kappa * dy[s + 1][k];
  const dv: number[][] = Array.from({ length: T + 2 }, () => new Array(n).fill(0));
  const da: number[][] = Array.from({ length: T + 2 }, () => new Array(n).fill(0));
  for (let s = T; s >= 1; s--) {
    for (let j = 0; j < n; j++) {
      let dz = 0;
      for (let k = 0; k < nOut; k++) dz += (1 - t.kappa) * t.wOut[j * nOut + k] * dy[s][k];
      if (!stopRec) for (let k = 0; k < n; k++) dz += t.wRec[j * n + k] * dv[s + 1][k];
      if (!stopReset) dz -= p.v_th * dv[s + 1][j];
      if (!stopAdapt) dz += da[s + 1][j];
      dv[s][j] = psi[s][j] * dz + p.alpha * dv[s + 1][j];
      da[s][j] = -beta * psi[s][j] * dz + rho * da[s + 1][j];
    }
  }
  const gIn = new Float64Array(nIn * n), gRec = new Float64Array(n * n);
  for (let s = 1; s <= T; s++) {
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < nIn; i++) gIn[i * n + j] += t.x[s - 1][i] * dv[s][j];
      for (let i = 0; i < n; i++) gRec[i * n + j] += z[s - 1][i] * dv[s][j];
    }
  }
  return { gIn, gRec };
}

const concat = (a: Float64Array, b: Float64Array) => Float64Array.from([...a, ...b]);
function relErr(a: Float64Array, b: Float64Array): number {
  let d = 0, s = 0;
  for (let k = 0; k < a.length; k++) { d = Math.max(d, Math.abs(a[k] - b[k])); s = Math.max(s, Math.abs(b[k])); }
  return d / s;
}
function cosine(a: Float64Array, b: Float64Array): number {
  let ab = 0, aa = 0, bb = 0;
  for (let k = 0; k < a.length; k++) { ab += a[k] * b[k]; aa += a[k] * a[k]; bb += b[k] * b[k]; }
  return ab / Math.sqrt(aa * bb);
}

describe('e-prop = BPTT where the theory says so (issue 5; SCIENCE.md §5 test 2)', () => {
  it('W_rec = 0, reset path stopped: e-prop equals BPTT to 1e-10 (5 neurons, 20 steps, 5 seeds)', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const t = makeTask(seed, false);
      const e = epropGrad(t);
      expect(e.spikes).toBeGreaterThan(3);
      const b = bpttGrad(t, false, true);
      expect(relErr(e.gIn, b.gIn)).toBeLessThan(1e-10);
    }
  });

  it('recurrent weights, recurrent and reset paths stopped: equal to 1e-10', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const t = makeTask(seed, true);
      const e = epropGrad(t);
      const b = bpttGrad(t, true, true);
      expect(relErr(concat(e.gIn, e.gRec), concat(b.gIn, b.gRec))).toBeLessThan(1e-10);
    }
  });

  it('full BPTT through recurrence and reset: e-prop stays aligned (cosine > 0.8) and is not identical', () => {
    const cos: number[] = [];
    let maxDiff = 0;
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const t = makeTask(seed, true);
      const e = concat(...(Object.values(epropGrad(t)).slice(0, 2) as [Float64Array, Float64Array]));
      const bg = bpttGrad(t, false, false);
      const b = concat(bg.gIn, bg.gRec);
      cos.push(cosine(e, b));
      maxDiff = Math.max(maxDiff, relErr(e, b));
    }
    for (const c of cos) expect(c).toBeGreaterThan(0.8);
    expect(maxDiff).toBeGreaterThan(1e-3);
  });
});

describe('ALIF e-prop = BPTT with the adaptation path kept (SCIENCE.md §5.1–5.2)', () => {
  const ALIF: AlifOpts = { beta_a: 0.5, rho: Math.exp(-1 / 50), T: 30, pIn: 0.5 };
  const SEEDS = [1, 2, 3, 4, 5, 6];
  const grads = (g: { gIn: Float64Array; gRec: Float64Array }) => concat(g.gIn, g.gRec);

  it('recurrent and reset paths stopped: equal to 1e-10 (5 neurons, 30 steps, 6 seeds; κ-filtered and κ = 0), and adaptation matters', () => {
    for (const kappa of [Math.exp(-1 / 10), 0]) {
      for (const seed of SEEDS) {
        const t = makeTask(seed, true, { ...ALIF, kappa });
        const e = epropGrad(t);
        expect(relErr(grads(e), grads(bpttGrad(t, true, true)))).toBeLessThan(1e-10);
        // Adaptation matters: neurons fire repeatedly and the threshold rises by more than v_th;
        // dropping ε^a (= BPTT with the adaptation path stopped too) or β changes the gradient.
        expect(e.spikes).toBeGreaterThan(25);
        expect(e.maxAdapt).toBeGreaterThan(1);
        expect(relErr(grads(e), grads(bpttGrad(t, true, true, true)))).toBeGreaterThan(0.2);
        const lif = epropGrad({ ...t, p: { ...t.p, beta_a: 0 } });
        expect(lif.spikes).toBeGreaterThan(e.spikes);
        expect(relErr(grads(e), grads(lif))).toBeGreaterThan(0.2);
      }
    }
  });

  it('diagonal input (x_j → j, κ = 0): equal to BPTT to 1e-10', () => {
    for (const seed of SEEDS) {
      const t = makeTask(seed, true, { ...ALIF, kappa: 0, diagonal: true });
      const e = epropGrad(t);
      expect(e.maxAdapt).toBeGreaterThan(1);
      const b = bpttGrad(t, true, true);
      expect(relErr(concat(e.gIn, e.gRec), concat(diag(b.gIn, t.n), b.gRec))).toBeLessThan(1e-10);
    }
  });

  it('full BPTT through recurrence, reset and adaptation: cosine > 0.8 and not identical', () => {
    for (const seed of SEEDS) {
      const t = makeTask(seed, true, ALIF);
      const e = grads(epropGrad(t)), b = grads(bpttGrad(t, false, false));
      expect(cosine(e, b)).toBeGreaterThan(0.8);
      expect(relErr(e, b)).toBeGreaterThan(1e-3);
    }
  });

  it('beta_a = 0 gives exactly the LIF gradients, spikes and potentials (any rho)', () => {
    for (const seed of [1, 2, 3]) {
      const t = makeTask(seed, true, { ...ALIF, beta_a: 0 });
      const lif = epropGrad({ ...t, p: { alpha: t.p.alpha, v_th: t.p.v_th, gamma: t.p.gamma, n_ref: t.p.n_ref } });
      const zero = epropGrad(t);
      expect(zero.spikes).toBe(lif.spikes);
      expect(Array.from(zero.gIn)).toEqual(Array.from(lif.gIn));
      expect(Array.from(zero.gRec)).toEqual(Array.from(lif.gRec));
      expect(grads(bpttGrad(t, true, true))).toEqual(grads(bpttGrad({ ...t, p: { ...t.p, rho: undefined } }, true, true)));
    }
  });

  it('bin sums (accumulateBin / flushBin) equal per-step accumulate with a bin-constant learning signal', () => {
    const t = makeTask(3, true, { ...ALIF, kappa: 0 });
    const a = new EpropCore(t.nIn, t.n, t.wIn.slice(), t.wRec.slice(), t.p, 0);
    const b = new EpropCore(t.nIn, t.n, t.wIn.slice(), t.wRec.slice(), t.p, 0);
    const L = new Float64Array(t.n), BIN = 4;
    for (let s = 0; s < t.T; s++) {
      const ids = t.x[s].flatMap((v, i) => (v ? [i] : []));
      a.step(ids, ids.length);
      b.step(ids, ids.length);
      for (let j = 0; j < t.n; j++) L[j] = Math.sin(Math.floor(s / BIN) + 2 * j);
      a.accumulate(L);
      b.accumulateBin();
      if (s % BIN === BIN - 1 || s === t.T - 1) b.flushBin(L);
    }
    expect(relErr(grads(b), grads(a))).toBeLessThan(1e-12);
  });

  it('snapshot / restore carries the adaptation state and ε^a; ALIF needs rho in (0, 1)', () => {
    const t = makeTask(2, true, ALIF);
    const core = new EpropCore(t.nIn, t.n, t.wIn.slice(), t.wRec.slice(), t.p, t.kappa);
    const L = Float64Array.from({ length: t.n }, (_, j) => j - 2);
    const run = (from: number, to: number) => {
      for (let s = from; s < to; s++) {
        const ids = t.x[s].flatMap((v, i) => (v ? [i] : []));
        core.step(ids, ids.length);
        core.accumulate(L);
      }
      return [...grads(core), ...core.alif!.a, ...core.alif!.epsRec];
    };
    run(0, 12);
    const snap = core.snapshot();
    const first = run(12, t.T);
    core.restore(snap);
    expect(run(12, t.T)).toEqual(first);
    expect(() => new EpropCore(t.nIn, t.n, t.wIn, t.wRec, { ...t.p, rho: undefined }, 0)).toThrow(/rho/);
    expect(() => new EpropCore(t.nIn, t.n, t.wIn, t.wRec, { ...t.p, rho: 1 }, 0)).toThrow(/rho/);
  });
});
