import { describe, expect, it } from 'vitest';
import type { SpikeSource } from '../core/component';
import { Clock } from '../core/clock';
import { Rng } from '../core/rng';
import { LifGroup } from '../neurons/lif';
import { csrFromDense, csrRandom } from './csr';
import { DenseProjection } from './denseProjection';
import { SparseProjection } from './sparseProjection';

const P = { tau_m: 20, el: -70, v_th: 1e9, v_reset: -70, t_ref: 0, tau_e: 5, tau_i: 10 };

/** A spike source whose spikes the test sets directly. */
function source(size: number): SpikeSource {
  return { name: 'src', size, spikes: new Int32Array(size * 2), spikeCount: 0 };
}

function randomDense(rng: Rng, nPre: number, nPost: number): Float32Array {
  const w = new Float32Array(nPre * nPost);
  for (let k = 0; k < w.length; k++) w[k] = rng.uniform() < 0.3 ? Math.fround(rng.normal()) : 0;
  return w;
}

describe('sparse (CSR) and dense projections', () => {
  it('deliver identical input for the same weights, sub-range included', () => {
    const rng = new Rng(3);
    const nSrc = 40, start = 10, count = 25, nPost = 30;
    const w = randomDense(rng, count, nPost);
    const src = source(nSrc);
    const a = new LifGroup('a', nPost, P, 0.1);
    const b = new LifGroup('b', nPost, P, 0.1);
    const dense = new DenseProjection({ name: 'd', source: src, sourceStart: start, sourceCount: count, target: a, receptor: 'inh' }, w);
    const sparse = new SparseProjection({ name: 's', source: src, sourceStart: start, sourceCount: count, target: b, receptor: 'inh' }, csrFromDense(w, count, nPost));
    const c = { clock: new Clock(0.1), rng };
    for (let step = 0; step < 200; step++) {
      src.spikeCount = 0;
      for (let i = 0; i < nSrc; i++) if (rng.uniform() < 0.2) src.spikes[src.spikeCount++] = i;
      if (step % 7 === 0) src.spikes[src.spikeCount++] = start; // a repeated index counts twice
      dense.propagate(c);
      sparse.propagate(c);
      for (let j = 0; j < nPost; j++) expect(b.gi[j]).toBeCloseTo(a.gi[j], 9);
      c.clock.step++;
    }
    expect(a.gi.some((x) => x !== 0)).toBe(true);
    expect(sparse.synapseCount).toBe(w.filter((x) => x !== 0).length);
    expect(sparse.deliveredEvents).toBeGreaterThan(0);
  });

  it('a delay of d steps shifts the arrival by exactly d steps', () => {
    const rng = new Rng(1);
    const src = source(5);
    const csr = csrRandom(rng, 5, 8, 0.5, 1.5);
    const run = (delay: number): number[] => {
      const g = new LifGroup('g', 8, P, 0.1);
      const proj = new SparseProjection({ name: 'p', source: src, target: g, receptor: 'exc', delaySteps: delay }, csr);
      const c = { clock: new Clock(0.1), rng };
      const trace: number[] = [];
      for (let step = 0; step < 20; step++) {
        src.spikeCount = 0;
        if (step === 3) {
          src.spikes[0] = 0;
          src.spikes[1] = 2;
          src.spikeCount = 2;
        }
        g.receive(c);
        proj.propagate(c);
        trace.push(Array.from(g.ge).reduce((x, y) => x + y, 0));
        c.clock.step++;
      }
      return trace;
    };
    const d0 = run(0);
    const d4 = run(4);
    const firstNonZero = (t: number[]) => t.findIndex((x) => x !== 0);
    expect(firstNonZero(d0)).toBe(3);
    expect(firstNonZero(d4)).toBe(7);
    expect(d4[7]).toBeCloseTo(d0[3], 12);
  });

  it('random connectivity has p·nPre·nPost synapses (within 4 SD) and sorted rows', () => {
    const nPre = 800, nPost = 1000, p = 0.02;
    const csr = csrRandom(new Rng(8), nPre, nPost, p, 1);
    const mean = p * nPre * nPost;
    expect(Math.abs(csr.col.length - mean)).toBeLessThan(4 * Math.sqrt(mean * (1 - p)));
    for (let i = 0; i < nPre; i++) {
      for (let k = csr.rowPtr[i] + 1; k < csr.rowPtr[i + 1]; k++) expect(csr.col[k]).toBeGreaterThan(csr.col[k - 1]);
    }
    expect(csr.rowPtr[nPre]).toBe(csr.col.length);
    // Out-degrees spread like Binomial(nPost, p): no row is empty-biased or saturated.
    const deg = Array.from({ length: nPre }, (_, i) => csr.rowPtr[i + 1] - csr.rowPtr[i]);
    const m = deg.reduce((a, b) => a + b, 0) / nPre;
    const v = deg.reduce((a, b) => a + (b - m) ** 2, 0) / nPre;
    expect(v / (nPost * p * (1 - p))).toBeGreaterThan(0.8);
    expect(v / (nPost * p * (1 - p))).toBeLessThan(1.2);
  });
});

describe('sparse projection with equal weights (the 16-bit, weight-free loop)', () => {
  it('adds exactly what the per-synapse loop adds, before and after fillWeights, into float64 and float32 targets', () => {
    for (const precision of ['float64', 'float32'] as const) {
      const rng = new Rng(11);
      const nSrc = 50, nPost = 70;
      const csr = csrRandom(rng.fork('c'), nSrc, nPost, 0.2, 1.62);
      // The same synapses with one weight changed on a row that never spikes: the general loop, same input.
      const general = { ...csr, w: csr.w.slice() };
      const silentRow = nSrc - 1;
      general.w[csr.rowPtr[silentRow]] = 7;
      const src = source(nSrc);
      const a = new LifGroup('a', nPost, P, 0.1, precision);
      const b = new LifGroup('b', nPost, P, 0.1, precision);
      const pa = new SparseProjection({ name: 'pa', source: src, target: a, receptor: 'exc' }, csr);
      const pb = new SparseProjection({ name: 'pb', source: src, target: b, receptor: 'exc' }, general);
      const c = { clock: new Clock(0.1), rng: new Rng(1) };
      for (let step = 0; step < 40; step++) {
        if (step === 20) { pa.fillWeights(-0.7); pb.fillWeights(-0.7); general.w[csr.rowPtr[silentRow]] = 3; }
        src.spikeCount = 0;
        for (let i = 0; i < nSrc - 1; i++) if (rng.uniform() < 0.2) src.spikes[src.spikeCount++] = i;
        pa.propagate(c);
        pb.propagate(c);
        expect(Array.from(a.ge)).toEqual(Array.from(b.ge));
        c.clock.step++;
      }
      expect(a.ge.some((x) => x !== 0)).toBe(true);
      expect(pa.deliveredEvents).toBe(pb.deliveredEvents);
    }
  });
});
