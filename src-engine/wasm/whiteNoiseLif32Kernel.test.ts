/**
 * The float32 white-noise LIF kernel (whiteNoiseLif32Kernel.wat) against a scalar float32 reference
 * of the same update (Math.fround after every operation, the lanes' uniforms drawn with Rng on the
 * lane words, the kernel's exp re-done step by step), bit for bit: spikes, V, refractory counts,
 * lane words. The normals are the kernel's own (their distribution: whiteNoiseLif32Normals.test.ts).
 * Then: snapshot/restore of a float32 group replays the same spikes, and its rate and membrane
 * statistics agree with the float64 path's and with Siegert.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { siegertRate } from '../stochastic/siegert';
import { WhiteNoiseIfGroup } from '../stochastic/whiteNoiseIf';
import { WhiteNoiseLif32Kernel, LANES } from './whiteNoiseLif32Kernel';
import { blockSizeFor } from './normalsRing';

const f = Math.fround;
const C = [1.98412698e-4, 1.38888889e-3, 8.33333333e-3, 4.16666667e-2, 0.166666667, 0.5, 1, 1].map(f);

/** Round half to even (f32x4.nearest). */
function nearest(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** The kernel's float32 exp, operation by operation. */
function exp32(x: number): number {
  x = x < -87 ? -87 : x;
  x = 88 < x ? 88 : x;
  const n = nearest(f(x * f(1.44269504088896)));
  const r = f(f(x - f(n * 0.693359375)) - f(n * f(-2.1219444e-4)));
  let p = f(f(r * C[0]) + C[1]);
  for (let k = 2; k < C.length; k++) p = f(f(r * p) + C[k]);
  return f(p * 2 ** n);
}

/** Lane j's generator (word k of lane j at lanes[4k + j]). */
const laneRng = (lanes: Int32Array, j: number) => {
  const r = new Rng(0);
  r.setState({ s: [lanes[j] >>> 0, lanes[LANES + j] >>> 0, lanes[2 * LANES + j] >>> 0, lanes[3 * LANES + j] >>> 0] });
  return r;
};

/** Per block of `blockSize` neurons: lanes, the uniforms' generators; normals, the normals' generators and the block's neuron count (layout 'lanes': one block, the same generators). */
interface RefState { v: Float32Array; refr: Int32Array; lanes: Rng[][]; normals: { rngs: Rng[]; len: number }[]; blockSize: number; bridged: number }

/** One step of the reference (LIF); returns the spike ids. */
function refStep(k: WhiteNoiseLif32Kernel, s: RefState, a: number, vth: number, vr: number, refSteps: number, ge: Float64Array | null, gi: Float64Array | null): number[] {
  const n = k.size, np = (n + 15) & ~15;
  a = f(a); vth = f(vth); vr = f(vr);
  for (const blk of s.normals) for (let g = 0; g < blk.len / 8; g++) for (const r of blk.rngs) { r.nextU32(); r.nextU32(); }
  void np;
  const spikes: number[] = [];
  for (let g = 0; g < n; g += 4) {
    const ids = [0, 1, 2, 3].map((j) => g + j).filter((i) => i < n);
    const v1 = ids.map((i) => f(f(k.mu[i] + f(f(s.v[i] - k.mu[i]) * a)) + f(k.noiseSd[i] * k.zOut[i])));
    const e = ids.map((i, j) => f(f(f(vth - s.v[i]) * f(vth - v1[j])) * k.bridgeK[i]));
    const late = ids.map(() => -1), early = ids.map(() => false);
    if (ids.some((i, j) => s.refr[i] <= 0 && (v1[j] >= vth || e[j] < 17))) {
      // every lane draws, padding lanes (i ≥ n) too
      const us = s.lanes[Math.floor(g / s.blockSize)].map((r) => ((r.nextU32() >>> 9) * 2 + 1) * 2 ** -24);
      ids.forEach((i, j) => {
        const u = us[j];
        const p = exp32(-e[j]), lg = f(f(v1[j] - vth) / f(v1[j] - s.v[i]));
        const bridge = !(v1[j] >= vth) && e[j] < 17 && u < p;
        late[j] = v1[j] >= vth ? lg : bridge ? 0.5 : -1;
        early[j] = v1[j] >= vth ? u < lg : bridge && u < f(p * 0.5);
        if (bridge && s.refr[i] <= 0) s.bridged++;
      });
    }
    ids.forEach((i, j) => {
      if (ge && gi && late[j] < 0) {
        v1[j] = f(v1[j] + f(ge[i] + gi[i]));
        if (v1[j] >= vth) late[j] = 0;
      }
      if (ge && gi) ge[i] = gi[i] = 0;
      if (s.refr[i] > 0) { s.refr[i]--; s.v[i] = vr; return; }
      if (late[j] >= 0) {
        s.v[i] = vr;
        s.refr[i] = refSteps - (early[j] && refSteps > 0 ? 1 : 0);
        spikes.push(i);
      } else s.v[i] = v1[j];
    });
  }
  return spikes;
}

describe('float32 white-noise LIF kernel against a scalar float32 reference', () => {
  for (const [n, mu, sigma, tRef, inputs, layout] of [[1, 22, 5, 2, false, 'lanes'], [1, 25, 5, 2, false, 'ring'], [7, 15, 5, 2, false, 'lanes'], [13, 19, 8, 0, true, 'ring'], [1000, 15, 5, 2, false, 'ring'], [1000, 15, 5, 2, false, 'lanes'], [1000, 19, 8, 0, true, 'lanes'], [300, 30, 2, 1, true, 'ring']] as const) {
    it(`bit for bit: spikes, V, refractory counts, lane words (n = ${n}, μ = ${mu}, σ = ${sigma}, t_ref = ${tRef}${inputs ? ', input jumps' : ''}, streams '${layout}')`, () => {
      const g = new WhiteNoiseIfGroup('n', n, { model: 'lif', tau_m: 20, v_th: 20, v_reset: 10, t_ref: tRef, delta_t: 2, v_t: 15 }, 0.1, 'float32', layout);
      g.setDrive(mu, sigma);
      const init = new Rng(99);
      for (let i = 0; i < n; i++) g.v[i] = 10 + 9.9 * init.uniform();
      if (inputs) g.inputTarget('exc', 0, 0);
      const k = (g as unknown as { kernel32: WhiteNoiseLif32Kernel }).kernel32;
      const ctx = { clock: { step: 0, dt: 0.1 }, rng: new Rng(5).fork('step:n') };
      g.integrate(ctx as never); // seeds the lanes
      const np = (n + 15) & ~15, blockSize = layout === 'ring' ? blockSizeFor(np) : np;
      const normals = Array.from({ length: Math.ceil(np / blockSize) }, (_, b) => ({
        rngs: Array.from({ length: LANES }, (_, j) => laneRng(k.lanes.subarray(16 * b, 16 * b + 16), j)),
        len: Math.min(blockSize, np - b * blockSize),
      }));
      const lanes = k.uniformLanes
        ? normals.map((_, b) => Array.from({ length: LANES }, (_, j) => laneRng(k.uniformLanes!.subarray(16 * b, 16 * b + 16), j)))
        : [normals[0].rngs];
      expect(k.uniformLanes === null).toBe(layout === 'lanes');
      const s: RefState = { v: Float32Array.from(g.v), refr: Int32Array.from(g.refr), lanes, normals, blockSize, bridged: 0 };
      const refSteps = Math.round(tRef / 0.1);
      let spikes = 0;
      for (let step = 0; step < 400; step++) {
        const ge = inputs ? new Float64Array(n) : null, gi = inputs ? new Float64Array(n) : null;
        if (ge && gi && step % 3 === 0) { ge[step % n] = g.ge[step % n] = 0.7; gi[(3 * step) % n] = g.gi[(3 * step) % n] = -0.4; }
        g.integrate(ctx as never);
        const want = refStep(k, s, (g as unknown as { a: number }).a, 20, 10, refSteps, ge, gi);
        expect(Array.from(g.spikes.subarray(0, g.spikeCount))).toEqual(want);
        spikes += want.length;
      }
      expect(Array.from(g.v)).toEqual(Array.from(s.v));
      expect(Array.from(g.refr)).toEqual(Array.from(s.refr));
      s.normals.forEach((blk, b) => blk.rngs.forEach((r, j) => expect(laneRng(k.lanes.subarray(16 * b, 16 * b + 16), j).getState()).toEqual(r.getState())));
      if (k.uniformLanes) s.lanes.forEach((rngs, b) => rngs.forEach((r, j) => expect(laneRng(k.uniformLanes!.subarray(16 * b, 16 * b + 16), j).getState()).toEqual(r.getState())));
      expect(spikes).toBeGreaterThan(0);
      if (n > 1) expect(s.bridged).toBeGreaterThan(0);
    });
  }

  it('the kernel exp equals the reference bit for bit', () => {
    const exp1 = new WhiteNoiseLif32Kernel(8).exports.exp1 as (x: number) => number;
    for (let x = -90; x <= 60; x += 0.01234) expect(exp1(f(x))).toBe(exp32(f(x)));
  });
});

describe('float32 group: rewind and statistics', () => {
  const make = (precision: 'float32' | 'float64', n = 2000) => {
    const g = new WhiteNoiseIfGroup('neurons', n, { model: 'lif', tau_m: 20, v_th: 20, v_reset: 10, t_ref: 2, delta_t: 2, v_t: 15 }, 0.1, precision);
    g.setDrive(15, 5);
    const init = new Rng(3);
    for (let i = 0; i < n; i++) g.v[i] = 12 + 6 * init.uniform();
    return g;
  };

  it('snapshot/restore replays the same spikes and state (the lane words are in the snapshot)', () => {
    const g = make('float32', 500);
    const ctx = { clock: { step: 0, dt: 0.1 }, rng: new Rng(8).fork('step:neurons') };
    for (let s = 0; s < 300; s++) g.integrate(ctx as never);
    const snap = g.snapshot();
    expect(snap.lanes).toBeInstanceOf(Int32Array);
    const run = () => {
      const out: number[] = [];
      for (let s = 0; s < 500; s++) { g.integrate(ctx as never); out.push(-1, ...g.spikes.subarray(0, g.spikeCount)); }
      return { out, v: Array.from(g.v) };
    };
    const first = run();
    g.restore(snap);
    const again = run();
    expect(again.out).toEqual(first.out);
    expect(again.v).toEqual(first.v);
    expect(first.out.length).toBeGreaterThan(500 + 50);
  });

  it('rate and ⟨V⟩, SD(V) of non-refractory neurons agree with float64 and the rate with Siegert', () => {
    const stats = (precision: 'float32' | 'float64') => {
      const g = make(precision);
      const ctx = { clock: { step: 0, dt: 0.1 }, rng: new Rng(11).fork('step:neurons') };
      for (let s = 0; s < 2000; s++) g.integrate(ctx as never);
      let spikes = 0, m = 0, m2 = 0, c = 0;
      for (let s = 0; s < 20000; s++) {
        g.integrate(ctx as never);
        spikes += g.spikeCount;
        if (s % 50 === 0) for (let i = 0; i < g.size; i++) if (g.refr[i] === 0) { m += g.v[i]; m2 += g.v[i] * g.v[i]; c++; }
      }
      return { rate: (spikes * 1e4) / (g.size * 20000), mean: m / c, sd: Math.sqrt(m2 / c - (m / c) ** 2) };
    };
    const a = stats('float32'), b = stats('float64');
    const siegert = siegertRate({ mu: 15, sigma: 5, tau_m: 20, v_th: 20, v_reset: 10, t_ref: 2 });
    // 2000 neurons × 2 s ≈ 38,000 spikes: rate SE ≈ 0.5% (ISI CV ≈ 0.8); 3% bands as fokkerPlanck.test.ts.
    expect(Math.abs(a.rate / siegert - 1)).toBeLessThan(0.03);
    expect(Math.abs(a.rate / b.rate - 1)).toBeLessThan(0.03);
    expect(Math.abs(a.mean - b.mean)).toBeLessThan(0.05);
    expect(Math.abs(a.sd / b.sd - 1)).toBeLessThan(0.02);
  });
});

describe('float32 group: the voltage histogram (binVoltages)', () => {
  it('the WebAssembly bin counts exactly as the float64 path’s loop on the same voltages, edges, NaN and refractory neurons included', () => {
    const n = 1003, lo = -1.6066017177982115, bins = 60, w = (20 - lo) / bins;
    const g32 = new WhiteNoiseIfGroup('a', n, { model: 'lif', tau_m: 20, v_th: 20, v_reset: 10, t_ref: 2, delta_t: 2, v_t: 15 }, 0.1, 'float32');
    const g64 = new WhiteNoiseIfGroup('b', n, { model: 'lif', tau_m: 20, v_th: 20, v_reset: 10, t_ref: 2, delta_t: 2, v_t: 15 }, 0.1, 'float64');
    const r = new Rng(12);
    for (let i = 0; i < n; i++) {
      // Bin edges (as float32), values around them, below lo, at and above the top, NaN.
      const k = i % 7;
      const v = k === 0 ? lo + (i % 61) * w : k === 1 ? lo - 3 * r.uniform() : k === 2 ? 20 + r.uniform() : k === 3 ? NaN : lo + (bins * w + 1) * r.uniform();
      g32.v[i] = v;
      g64.v[i] = g32.v[i];
      g32.refr[i] = g64.refr[i] = i % 11 === 0 ? 3 : 0;
    }
    const a = Array.from(g32.binVoltages(lo, w, bins)), b = Array.from(g64.binVoltages(lo, w, bins));
    expect(a).toEqual(b);
    expect(a.reduce((s, x) => s + x, 0)).toBeGreaterThan(n / 2);
    expect(a[bins]).toBeGreaterThan(0);
  });
});
