/**
 * e-prop against exact BPTT (SCIENCE.md §5.2). The reference below differentiates the same
 * discrete LIF network by hand, backwards in time, with the same pseudo-derivative ψ for ∂z/∂v.
 * With the gradient paths through the recurrence and through the reset stopped (or W_rec = 0 and
 * the reset stopped) e-prop is exactly BPTT; with the full gradient it is an approximation.
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
}

function makeTask(seed: number, recurrent: boolean): Task {
  const rng = new Rng(seed);
  const nIn = 4, n = 5, nOut = 2, T = 20;
  const wIn = Float64Array.from({ length: nIn * n }, () => 0.35 + 0.35 * rng.normal());
  const wRec = Float64Array.from({ length: n * n }, () => (recurrent ? 0.3 * rng.normal() : 0));
  const wOut = Float64Array.from({ length: n * nOut }, () => rng.normal());
  const x = Array.from({ length: T }, () => Array.from({ length: nIn }, () => (rng.uniform() < 0.35 ? 1 : 0)));
  const target = Array.from({ length: T }, () => Array.from({ length: nOut }, () => rng.normal()));
  return { nIn, n, nOut, T, wIn, wRec, wOut, x, target, p: { alpha: Math.exp(-1 / 20), v_th: 1, gamma: 0.3, n_ref: 0 }, kappa: Math.exp(-1 / 10) };
}

/** e-prop gradients (symmetric feedback B = W_outᵀ, online κ-filtered traces). */
function epropGrad(t: Task): { gIn: Float64Array; gRec: Float64Array; spikes: number } {
  const core = new EpropCore(t.nIn, t.n, t.wIn.slice(), t.wRec.slice(), t.p, t.kappa);
  const y = new Float64Array(t.nOut), L = new Float64Array(t.n);
  let spikes = 0;
  for (let s = 0; s < t.T; s++) {
    const ids: number[] = [];
    t.x[s].forEach((v, i) => { if (v) ids.push(i); });
    core.step(ids, ids.length);
    spikes += core.spikeCount;
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
  return { gIn: core.gIn, gRec: core.gRec, spikes };
}

/** Exact BPTT through the same network (∂z/∂v := ψ), optionally stopping the recurrent and reset paths. */
function bpttGrad(t: Task, stopRec: boolean, stopReset: boolean): { gIn: Float64Array; gRec: Float64Array } {
  const { n, nIn, nOut, T, p } = t;
  const v: number[][] = [new Array(n).fill(0)], z: number[][] = [new Array(n).fill(0)], psi: number[][] = [new Array(n).fill(0)];
  for (let s = 0; s < T; s++) {
    const vn = new Array(n).fill(0), zn = new Array(n).fill(0), pn = new Array(n).fill(0);
    for (let j = 0; j < n; j++) {
      let a = p.alpha * v[s][j] - z[s][j] * p.v_th;
      for (let i = 0; i < n; i++) a += t.wRec[i * n + j] * z[s][i];
      for (let i = 0; i < nIn; i++) a += t.wIn[i * n + j] * t.x[s][i];
      vn[j] = a;
      zn[j] = a >= p.v_th ? 1 : 0;
      pn[j] = pseudoDerivative(a, p.v_th, p.gamma);
    }
    v.push(vn); z.push(zn); psi.push(pn);
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
  for (let s = T; s >= 1; s--) {
    for (let j = 0; j < n; j++) {
      let dz = 0;
      for (let k = 0; k < nOut; k++) dz += (1 - t.kappa) * t.wOut[j * nOut + k] * dy[s][k];
      if (!stopRec) for (let k = 0; k < n; k++) dz += t.wRec[j * n + k] * dv[s + 1][k];
      if (!stopReset) dz -= p.v_th * dv[s + 1][j];
      dv[s][j] = psi[s][j] * dz + p.alpha * dv[s + 1][j];
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
