import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { FLUSH_EVERY, LIF32_MAX_NEURONS, LifKernel32 } from './lifKernel32';
import type { LifStepConstants } from './lifKernel';

const f = Math.fround;

/** The float32 step (lifKernel32.wat's header) in scalar code, every operation rounded with Math.fround. */
function scalarStep32(c: LifStepConstants, step: number, v: Float32Array, ge: Float32Array, gi: Float32Array, until: Int32Array, spikes: number[]): void {
  const k = [c.el * (1 - c.am), c.am, c.ae, c.ai, c.ke, c.ki, c.vth, c.vr].map(f);
  const [cc, am, ae, ai, ke, ki, vth, vr] = k;
  if (step % FLUSH_EVERY === 0) {
    for (let i = 0; i < v.length; i++) {
      if (Math.abs(ge[i]) < 2 ** -100) ge[i] = 0;
      if (Math.abs(gi[i]) < 2 ** -100) gi[i] = 0;
    }
  }
  for (let i = 0; i < v.length; i++) {
    const e = ge[i], g = gi[i];
    ge[i] = f(e * ae);
    gi[i] = f(g * ai);
    const x = f(f(f(f(v[i] * am) + cc) + f(e * ke)) + f(g * ki));
    if (step <= until[i]) { v[i] = vr; continue; }
    if (x >= vth) { v[i] = vr; until[i] = step + c.refSteps; spikes.push(i); } else v[i] = x;
  }
}

describe('float32 LIF WebAssembly kernel', () => {
  for (const n of [1, 5, 8, 13, 1000]) {
    it(`matches the scalar float32 step bit for bit (n = ${n}: refractory, threshold ties, flushes of tiny currents)`, () => {
      const rng = new Rng(n + 100);
      const k = new LifKernel32(n);
      const c: LifStepConstants = { el: -49, am: Math.exp(-0.1 / 20), ae: Math.exp(-0.1 / 5), ai: Math.exp(-0.1 / 10), ke: 0.0049, ki: 0.0098, vth: -50, vr: -60, refSteps: 3 };
      k.setConstants(c);
      const v = new Float32Array(n), ge = new Float32Array(n), gi = new Float32Array(n), until = new Int32Array(n).fill(-1);
      for (let i = 0; i < n; i++) {
        v[i] = -60 + 10.5 * rng.uniform();
        if (i % 5 === 0) v[i] = c.vth + 0.5;
        if (i % 5 === 2) v[i] = c.vth;
        if (i % 7 === 3) ge[i] = 2 ** -98; // decays below the flush bound within a few dozen steps
      }
      k.v.set(v); k.ge.set(ge);
      let total = 0, flushed = 0;
      for (let step = 0; step < 600; step++) {
        for (let i = 0; i < n; i++) {
          if (i % 7 === 3) continue; // no input: its tiny current decays to the flush bound
          if (rng.uniform() < 0.1) { const x = f(5 * rng.normal()); ge[i] = f(ge[i] + x); k.ge[i] = f(k.ge[i] + x); }
          if (rng.uniform() < 0.05) { const x = f(-9 * rng.uniform()); gi[i] = f(gi[i] + x); k.gi[i] = f(k.gi[i] + x); }
        }
        const expected: number[] = [];
        const tinyBefore = ge.filter((x) => x !== 0 && Math.abs(x) < 2 ** -100).length;
        scalarStep32(c, step, v, ge, gi, until, expected);
        if (step % FLUSH_EVERY === 0) flushed += tinyBefore;
        const count = k.integrate(step, c.refSteps);
        expect(Array.from(k.spikes.subarray(0, count))).toEqual(expected);
        expect(Array.from(k.v)).toEqual(Array.from(v));
        expect(Array.from(k.ge)).toEqual(Array.from(ge));
        expect(Array.from(k.gi)).toEqual(Array.from(gi));
        expect(Array.from(k.until)).toEqual(Array.from(until));
        total += count;
      }
      expect(total).toBeGreaterThan(0);
      if (n >= 8) expect(flushed).toBeGreaterThan(0);
    });
  }

  it('holds a neuron at V_r for exactly refSteps steps after its spike, then integrates again', () => {
    const k = new LifKernel32(1);
    k.setConstants({ el: -40, am: 0.995, ae: 0.98, ai: 0.99, ke: 0, ki: 0, vth: -50, vr: -60, refSteps: 4 });
    k.v[0] = -49;
    const vs: number[] = [];
    const spikeSteps: number[] = [];
    for (let step = 0; step < 8; step++) {
      if (k.integrate(step, 4) > 0) spikeSteps.push(step);
      vs.push(k.v[0]);
    }
    expect(spikeSteps).toEqual([0]);
    expect(k.until[0]).toBe(4);
    expect(vs.slice(0, 5)).toEqual([-60, -60, -60, -60, -60]);
    expect(vs[5]).toBeGreaterThan(-60); // step 5 integrates: E_L = −40 mV pulls V up
    expect(vs[6]).toBeGreaterThan(vs[5]);
  });

  it('refuses a group larger than its fixed array spacing', () => {
    expect(() => new LifKernel32(LIF32_MAX_NEURONS + 1)).toThrow(/at most/);
  });
});
