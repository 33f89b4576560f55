import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { CondLifGroup } from '../neurons/condLif';
import { LifKernel, type LifStepConstants } from './lifKernel';

/** The scalar step the kernel must reproduce bit for bit (neurons/lif.ts header). */
function scalarStep(c: LifStepConstants, v: Float64Array, ge: Float64Array, gi: Float64Array, refr: Int32Array, spikes: number[]): void {
  for (let i = 0; i < v.length; i++) {
    const e = ge[i], g = gi[i];
    ge[i] = e * c.ae;
    gi[i] = g * c.ai;
    if (refr[i] > 0) { refr[i]--; v[i] = c.vr; continue; }
    const vi = c.el + (v[i] - c.el) * c.am + e * c.ke + g * c.ki;
    if (vi >= c.vth) { v[i] = c.vr; refr[i] = c.refSteps; spikes.push(i); } else v[i] = vi;
  }
}

describe('LIF WebAssembly kernel', () => {
  for (const n of [1, 3, 4, 7, 1000]) {
    it(`matches the scalar float64 step bit for bit (n = ${n}, refractory, threshold ties, NaN-free random input)`, () => {
      const rng = new Rng(n);
      const k = new LifKernel(n);
      const c: LifStepConstants = { el: -49, am: Math.exp(-0.1 / 20), ae: Math.exp(-0.1 / 5), ai: Math.exp(-0.1 / 10), ke: 0.0049, ki: 0.0098, vth: -50, vr: -60, refSteps: 3 };
      const v = new Float64Array(n), ge = new Float64Array(n), gi = new Float64Array(n), refr = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        v[i] = -60 + 10.5 * rng.uniform();
        if (i % 5 === 0) v[i] = c.vth + 0.5; // above threshold: spikes at once unless refractory
        if (i % 5 === 2) v[i] = c.vth; // exactly at threshold
        refr[i] = i % 5 !== 0 && rng.int(3) === 0 ? rng.int(4) : 0;
      }
      k.v.set(v); k.refr.set(refr);
      let total = 0;
      for (let step = 0; step < 600; step++) {
        for (let i = 0; i < n; i++) {
          if (rng.uniform() < 0.1) { const x = 5 * rng.normal(); ge[i] += x; k.ge[i] += x; }
          if (rng.uniform() < 0.05) { const x = -9 * rng.uniform(); gi[i] += x; k.gi[i] += x; }
        }
        const expected: number[] = [];
        scalarStep(c, v, ge, gi, refr, expected);
        const count = k.integrate(c);
        expect(Array.from(k.spikes.subarray(0, count))).toEqual(expected);
        expect(Array.from(k.v)).toEqual(Array.from(v));
        expect(Array.from(k.ge)).toEqual(Array.from(ge));
        expect(Array.from(k.gi)).toEqual(Array.from(gi));
        expect(Array.from(k.refr)).toEqual(Array.from(refr));
        total += count;
      }
      expect(total).toBeGreaterThan(0);
    });
  }
});

describe('LIF WebAssembly kernel, conductance-based step', () => {
  for (const n of [1, 3, 4, 7, 1000]) {
    it(`matches CondLifGroup's scalar loop bit for bit (n = ${n}, refractory, random conductance jumps, live bias change)`, () => {
      const params = { tau_m: 20, el: -60, e_exc: 0, e_inh: -80, v_th: -50, v_reset: -60, t_ref: 2, tau_e: 5, tau_i: 10, i_bias: 12 };
      const k = new CondLifGroup('k', n, params, 0.1), s = new CondLifGroup('s', n, params, 0.1);
      s.useKernel = false;
      const rng = new Rng(n + 7);
      for (let i = 0; i < n; i++) k.v[i] = s.v[i] = -60 + 10.5 * rng.uniform();
      let total = 0;
      for (let step = 0; step < 600; step++) {
        if (step === 300) for (const g of [k, s]) g.setParams({ i_bias: 8 });
        for (let i = 0; i < n; i++) {
          if (rng.uniform() < 0.1) { const x = 0.3 * rng.uniform(); k.ge[i] += x; s.ge[i] += x; }
          if (rng.uniform() < 0.05) { const x = 0.5 * rng.uniform(); k.gi[i] += x; s.gi[i] += x; }
        }
        k.integrate();
        s.integrate();
        expect(Array.from(k.spikes.subarray(0, k.spikeCount))).toEqual(Array.from(s.spikes.subarray(0, s.spikeCount)));
        expect(Array.from(k.v)).toEqual(Array.from(s.v));
        expect(Array.from(k.ge)).toEqual(Array.from(s.ge));
        expect(Array.from(k.gi)).toEqual(Array.from(s.gi));
        expect(Array.from(k.refr)).toEqual(Array.from(s.refr));
        total += k.spikeCount;
      }
      expect(total).toBeGreaterThan(0);
    });
  }
});
