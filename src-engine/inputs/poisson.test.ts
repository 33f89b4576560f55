import { describe, expect, it } from 'vitest';
import { Clock } from '../core/clock';
import { Rng } from '../core/rng';
import { LifGroup } from '../neurons/lif';
import { PoissonGroup } from './poissonGroup';
import { PoissonInput } from './poissonInput';

function ctx(seed: number, dt = 0.1) {
  return { clock: new Clock(dt), rng: new Rng(seed) };
}

describe('PoissonGroup', () => {
  // Counts over T seconds from n sources are Poisson with mean n·ν·T, so SE = sqrt(n·ν·T).
  for (const [rate, seed] of [[5, 1], [15, 2], [200, 3], [2000, 4]] as const) {
    it(`emits ${rate} Hz within 3 standard errors`, () => {
      const n = 200, steps = 20000, dt = 0.1;
      const g = new PoissonGroup('p', n, rate);
      const c = ctx(seed, dt);
      let count = 0;
      const perSource = new Int32Array(n);
      for (let s = 0; s < steps; s++) {
        g.input(c);
        count += g.spikeCount;
        for (let k = 0; k < g.spikeCount; k++) perSource[g.spikes[k]]++;
        c.clock.step++;
      }
      const T = (steps * dt) / 1000;
      const mean = n * rate * T;
      expect(Math.abs(count - mean)).toBeLessThan(3 * Math.sqrt(mean));
      // Every source takes part: the least active is not far below its expectation.
      const perMean = rate * T;
      expect(Math.min(...perSource)).toBeGreaterThan(perMean - 5 * Math.sqrt(perMean));
    });
  }

  it('puts several events into one step at high rates (no loss to a Bernoulli cap)', () => {
    const g = new PoissonGroup('p', 10, 20000); // λ = 2 per step
    const c = ctx(9);
    let multi = 0;
    for (let s = 0; s < 1000; s++) {
      g.input(c);
      const seen = new Int32Array(10);
      for (let k = 0; k < g.spikeCount; k++) if (++seen[g.spikes[k]] === 2) multi++;
    }
    expect(multi).toBeGreaterThan(1000);
  });

  it('is silent at rate 0 and reproducible for a seed', () => {
    const g = new PoissonGroup('p', 100, 0);
    const c = ctx(1);
    for (let s = 0; s < 1000; s++) {
      g.input(c);
      expect(g.spikeCount).toBe(0);
    }
    const draw = (seed: number) => {
      const h = new PoissonGroup('p', 50, 40);
      const cc = ctx(seed);
      const out: number[] = [];
      for (let s = 0; s < 500; s++) {
        h.input(cc);
        out.push(...h.spikes.subarray(0, h.spikeCount));
      }
      return out;
    };
    expect(draw(5)).toEqual(draw(5));
    expect(draw(5)).not.toEqual(draw(6));
  });
});

describe('PoissonInput', () => {
  it('injects rate·count·weight·T of charge per neuron on average (within 3 SE)', () => {
    const n = 100, rate = 50, count = 4, weight = 0.5, steps = 20000, dt = 0.1;
    const grp = new LifGroup('g', n, { tau_m: 20, el: -70, v_th: 0, v_reset: -70, t_ref: 0, tau_e: 5, tau_i: 5 }, dt);
    const drive = new PoissonInput('d', grp, 'exc', rate, count, weight);
    const c = ctx(11, dt);
    let injected = 0;
    for (let s = 0; s < steps; s++) {
      grp.ge.fill(0);
      drive.input(c);
      for (let i = 0; i < n; i++) injected += grp.ge[i];
    }
    const T = (steps * dt) / 1000;
    const events = n * rate * count * T;
    expect(Math.abs(injected / weight - events)).toBeLessThan(3 * Math.sqrt(events));
  });
});
