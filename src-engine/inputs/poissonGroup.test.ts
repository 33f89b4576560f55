/**
 * Poisson sources against the Poisson distribution (SCIENCE.md §1.2): per step and source the
 * event count is k ~ Poisson(λ = ν·dt). Beyond the mean rate (also in poisson.test.ts) this checks
 * the shape of the count distribution: variance λ (a Bernoulli draw would give λ(1 − λ)) and the
 * fraction of steps with two or more events, which matters at high rates.
 *
 * Tolerances: with n independent (source, step) slots,
 *   SE(total count)      = √(nλ)                      (Poisson total),
 *   SE(sample variance)  ≈ √((μ4 − σ⁴)/n) = √((λ + 2λ²)/n)   (Poisson: μ4 = λ + 3λ², σ² = λ),
 *   SE(fraction P(k≥2))  = √(p(1 − p)/n).
 * Every check uses 3 SE and a fixed seed.
 */
import { describe, expect, it } from 'vitest';
import { Network } from '../core/network';
import { Rng } from '../core/rng';
import { LifGroup } from '../neurons/lif';
import { PoissonGroup } from './poissonGroup';
import { PoissonInput } from './poissonInput';

const DT = 0.1;

interface CountStats {
  slots: number;
  total: number;
  sumSq: number;
  multi: number;
  /** Spike-list entries out of range or out of ascending order (must stay 0). */
  disorder: number;
}

/** Runs a PoissonGroup for `steps` steps and tallies the per-(source, step) counts. */
function tally(rate: number, size: number, steps: number, seed: number): CountStats {
  const net = new Network(DT, new Rng(seed));
  const g = net.add(new PoissonGroup('p', size, rate));
  const k = new Int32Array(size);
  const st: CountStats = { slots: size * steps, total: 0, sumSq: 0, multi: 0, disorder: 0 };
  for (let s = 0; s < steps; s++) {
    net.step();
    k.fill(0);
    for (let j = 0; j < g.spikeCount; j++) {
      const i = g.spikes[j];
      // Indices in range and ascending (repeats adjacent), as forEachPoissonHit promises.
      if (!(i >= 0 && i < size) || (j > 0 && i < g.spikes[j - 1])) { st.disorder++; continue; }
      k[i]++;
    }
    st.total += g.spikeCount;
    for (let i = 0; i < size; i++) {
      st.sumSq += k[i] * k[i];
      if (k[i] >= 2) st.multi++;
    }
  }
  return st;
}

describe('PoissonGroup count distribution', () => {
  // [rate Hz, sources, steps, seed]; λ = rate·dt/1000 per slot.
  const cases: [number, number, number, number][] = [
    [1, 1000, 10000, 21], //   λ = 1e-4, 1000 expected events
    [40, 500, 5000, 22], //    λ = 0.004
    [500, 200, 5000, 23], //   λ = 0.05
    [2000, 500, 4000, 24], //  λ = 0.2: multiple events per step are common
  ];
  for (const [rate, size, steps, seed] of cases) {
    it(`${rate} Hz: total, variance and P(k ≥ 2) within 3 SE of Poisson(ν·dt)`, () => {
      const lambda = (rate * DT) / 1000;
      const st = tally(rate, size, steps, seed);
      expect(st.disorder).toBe(0);
      const n = st.slots;
      const expected = n * lambda;
      expect(Math.abs(st.total - expected)).toBeLessThan(3 * Math.sqrt(expected));
      const mean = st.total / n;
      const variance = st.sumSq / n - mean * mean;
      expect(Math.abs(variance - lambda)).toBeLessThan(3 * Math.sqrt((lambda + 2 * lambda * lambda) / n));
      const p2 = 1 - Math.exp(-lambda) * (1 + lambda);
      expect(Math.abs(st.multi / n - p2)).toBeLessThan(3 * Math.sqrt((p2 * (1 - p2)) / n) + 1 / n);
    });
  }

  it('2000 Hz: the count variance is Poisson (λ), clearly not Bernoulli (λ(1 − λ))', () => {
    // λ = 0.2: the two hypotheses differ by λ² = 0.04, about 100 SE at n = 2e6.
    const st = tally(2000, 500, 4000, 25);
    const n = st.slots;
    const mean = st.total / n;
    const variance = st.sumSq / n - mean * mean;
    expect(Math.abs(variance - 0.2)).toBeLessThan(Math.abs(variance - 0.16) / 10);
    expect(st.multi).toBeGreaterThan(0.015 * n);
  });

  it('produces no events at rate 0, and a rate change acts from the next step', () => {
    const net = new Network(DT, new Rng(5));
    const g = net.add(new PoissonGroup('p', 300, 0));
    for (let s = 0; s < 2000; s++) {
      net.step();
      expect(g.spikeCount).toBe(0);
    }
    g.rate = 1000; // λ = 0.1 per source
    net.step();
    // 300 sources: P(no event at all) = e^{−30}.
    expect(g.spikeCount).toBeGreaterThan(0);
    g.rate = 0;
    net.step();
    expect(g.spikeCount).toBe(0);
  });

  it('continues identically after a network snapshot/restore', () => {
    const net = new Network(DT, new Rng(77));
    const g = net.add(new PoissonGroup('p', 100, 300));
    net.run(137);
    const snap = structuredClone(net.snapshot());
    const record = (): number[] => {
      const out: number[] = [];
      for (let s = 0; s < 300; s++) {
        net.step();
        out.push(-1, ...g.spikes.subarray(0, g.spikeCount));
      }
      return out;
    };
    const a = record();
    g.rate = 5;
    net.restore(snap);
    expect(g.rate).toBe(300);
    expect(record()).toEqual(a);
  });
});

describe('PoissonInput injected charge', () => {
  const lifParams = { tau_m: 20, el: -70, v_th: 1e9, v_reset: -70, t_ref: 0, tau_e: 5, tau_i: 10 };

  /** Sums the input written per step into the chosen channel (cleared before each step). */
  function inject(receptor: 'exc' | 'inh', rate: number, count: number, weight: number, size: number, steps: number, seed: number) {
    const net = new Network(DT, new Rng(seed));
    const grp = new LifGroup('g', size, lifParams, DT); // not added: the test reads the raw input
    net.add(new PoissonInput('drive', grp, receptor, rate, count, weight));
    const arr = receptor === 'exc' ? grp.ge : grp.gi;
    const other = receptor === 'exc' ? grp.gi : grp.ge;
    let sum = 0;
    let sumSq = 0;
    let leaked = 0;
    for (let s = 0; s < steps; s++) {
      arr.fill(0);
      net.step();
      for (let i = 0; i < size; i++) {
        sum += arr[i];
        sumSq += arr[i] * arr[i];
        if (other[i] !== 0) leaked++;
      }
    }
    expect(leaked).toBe(0); // the other receptor channel is never touched
    return { sum, sumSq, slots: size * steps };
  }

  for (const [receptor, rate, count, weight, seed] of [
    ['exc', 5, 800, 0.25, 31], //  4 kHz per neuron: λ = 0.4 per step
    ['inh', 20, 10, -1.5, 32], //  200 Hz per neuron
    ['exc', 1, 1, 2, 33], //       1 Hz
  ] as const) {
    it(`${receptor}: mean charge = rate·count·weight·T and per-step count variance λ (rate ${rate} Hz × ${count})`, () => {
      const size = 100;
      const steps = 5000; // T = 0.5 s
      const lambda = (rate * count * DT) / 1000;
      const { sum, sumSq, slots } = inject(receptor, rate, count, weight, size, steps, seed);
      // Events E ~ Poisson(size·rate·count·T); charge = weight·E, so SE(charge) = |weight|·√(mean E).
      const meanEvents = size * rate * count * ((steps * DT) / 1000);
      expect(Math.abs(sum - weight * meanEvents)).toBeLessThan(3 * Math.abs(weight) * Math.sqrt(meanEvents));
      if (lambda > 0.01) {
        const m = sum / weight / slots;
        const variance = sumSq / (weight * weight) / slots - m * m;
        expect(Math.abs(variance - lambda)).toBeLessThan(3 * Math.sqrt((lambda + 2 * lambda * lambda) / slots));
      }
    });
  }

  it('injects nothing at rate 0 or weight 0', () => {
    expect(inject('exc', 0, 100, 1, 50, 1000, 3).sum).toBe(0);
    expect(inject('exc', 100, 100, 0, 50, 1000, 3).sum).toBe(0);
  });
});
