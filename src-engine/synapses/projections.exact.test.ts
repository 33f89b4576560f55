/**
 * Projections, exactly (complements projections.test.ts):
 *  - SparseProjection (CSR) and DenseProjection deliver bit-identical input for the same weights,
 *    equal to a naive reference sum, for a source sub-range, repeated and out-of-range indices,
 *    both receptors, with and without delay;
 *  - inside the full network schedule a delay of d steps shifts the membrane response by exactly
 *    d steps, several delays onto one target superpose, and in-flight input survives a snapshot;
 *  - csrRandom has Binomial(nPre·nPost, p) synapses, strictly ascending columns and uniform columns.
 */
import { describe, expect, it } from 'vitest';
import { Clock } from '../core/clock';
import type { Component, SpikeSource, StepContext } from '../core/component';
import { Network } from '../core/network';
import { Rng } from '../core/rng';
import { LifGroup, type Receptor } from '../neurons/lif';
import { csrFromDense, csrRandom } from './csr';
import { DenseProjection } from './denseProjection';
import { SparseProjection } from './sparseProjection';

const DT = 0.1;
const P = { tau_m: 20, el: -70, v_th: 1e9, v_reset: -70, t_ref: 0, tau_e: 5, tau_i: 10 };

/** Row-major nPre×nPost float32 weights, about 60% zeros. */
function randomDense(rng: Rng, nPre: number, nPost: number): Float32Array {
  const w = new Float32Array(nPre * nPost);
  for (let k = 0; k < w.length; k++) if (rng.uniform() < 0.4) w[k] = Math.fround(3 * rng.normal());
  return w;
}

/** A spike source driven by a script: step → indices emitted in that step (input slot). */
class ScriptedSource implements SpikeSource, Component {
  readonly spikes: Int32Array;
  spikeCount = 0;
  constructor(readonly name: string, readonly size: number, private readonly script: (step: number) => number[]) {
    this.spikes = new Int32Array(size * 4);
  }
  input(ctx: StepContext): void {
    const ids = this.script(ctx.clock.step);
    this.spikes.set(ids);
    this.spikeCount = ids.length;
  }
}

describe('SparseProjection ≡ DenseProjection ≡ reference', () => {
  for (const receptor of ['exc', 'inh'] as Receptor[]) {
    it(`identical input arrays on ${receptor}, sub-range [7, 7+23) of a 40-source, repeats and outsiders`, () => {
      const rng = new Rng(101);
      const nSrc = 40, start = 7, count = 23, nPost = 17;
      const w = randomDense(rng, count, nPost);
      const src: SpikeSource = { name: 'src', size: nSrc, spikes: new Int32Array(200), spikeCount: 0 };
      const a = new LifGroup('a', nPost, P, DT);
      const b = new LifGroup('b', nPost, P, DT);
      const spec = { source: src, sourceStart: start, sourceCount: count, receptor };
      const dense = new DenseProjection({ name: 'd', target: a, ...spec }, w);
      const sparse = new SparseProjection({ name: 's', target: b, ...spec }, csrFromDense(w, count, nPost));
      const ref = new Float64Array(nPost);
      const ctx = { clock: new Clock(DT), rng };
      for (let step = 0; step < 300; step++) {
        src.spikeCount = 0;
        for (let i = 0; i < nSrc; i++) if (rng.uniform() < 0.15) src.spikes[src.spikeCount++] = i;
        if (step % 5 === 0) { src.spikes[src.spikeCount++] = start + 3; src.spikes[src.spikeCount++] = start + 3; }
        dense.propagate(ctx);
        sparse.propagate(ctx);
        for (let s = 0; s < src.spikeCount; s++) {
          const i = src.spikes[s];
          if (i < start || i >= start + count) continue;
          for (let j = 0; j < nPost; j++) if (w[(i - start) * nPost + j] !== 0) ref[j] += w[(i - start) * nPost + j];
        }
        // Same additions in the same order (dense adds exact zeros in between): bit-identical.
        const ga = receptor === 'exc' ? a.ge : a.gi;
        const gb = receptor === 'exc' ? b.ge : b.gi;
        expect(gb).toEqual(ga);
        expect(ga).toEqual(ref);
        expect((receptor === 'exc' ? a.gi : a.ge).every((x) => x === 0)).toBe(true);
        ctx.clock.step++;
      }
      expect(ref.some((x) => x !== 0)).toBe(true);
    });
  }

  it('identical membrane traces with a delay of 3 steps inside the network schedule', () => {
    const rng = new Rng(5);
    const nSrc = 30, nPost = 12;
    const w = randomDense(rng, nSrc, nPost);
    const script = (step: number) => (step % 4 === 1 ? [step % nSrc, (3 * step) % nSrc] : []);
    const traces = (kind: 'dense' | 'sparse'): number[] => {
      const net = new Network(DT, new Rng(1));
      const src = net.add(new ScriptedSource('src', nSrc, script));
      const tgt = net.add(new LifGroup('tgt', nPost, P, DT));
      const spec = { name: 'p', source: src, target: tgt, receptor: 'exc' as const, delaySteps: 3 };
      net.add(kind === 'dense' ? new DenseProjection(spec, w) : new SparseProjection(spec, csrFromDense(w, nSrc, nPost)));
      const out: number[] = [];
      for (let s = 0; s < 200; s++) { net.step(); out.push(...tgt.v); }
      return out;
    };
    expect(traces('sparse')).toEqual(traces('dense'));
  });
});

describe('synaptic delays in the network schedule', () => {
  /** Membrane traces (one row per step) of a target driven through one projection. */
  function run(delays: number[], kind: 'dense' | 'sparse', receptor: Receptor, steps = 120): (Float64Array | Float32Array)[] {
    const nSrc = 6, nPost = 5;
    const w = randomDense(new Rng(9), nSrc, nPost);
    const net = new Network(DT, new Rng(1));
    // Spikes at steps 2 and 10 (with a repeat), nothing else.
    const src = net.add(new ScriptedSource('src', nSrc, (s) => (s === 2 ? [0, 4] : s === 10 ? [1, 1, 5] : [])));
    const tgt = net.add(new LifGroup('tgt', nPost, P, DT));
    delays.forEach((d, k) => {
      const spec = { name: `p${k}`, source: src, target: tgt, receptor, delaySteps: d };
      net.add(kind === 'dense' ? new DenseProjection(spec, w) : new SparseProjection(spec, csrFromDense(w, nSrc, nPost)));
    });
    const out: (Float64Array | Float32Array)[] = [];
    for (let s = 0; s < steps; s++) { net.step(); out.push(tgt.v.slice()); }
    return out;
  }

  for (const kind of ['dense', 'sparse'] as const) {
    for (const d of [1, 3, 7]) {
      it(`${kind}: delay ${d} shifts the response by exactly ${d} steps`, () => {
        const v0 = run([0], kind, 'exc');
        const vd = run([d], kind, 'exc');
        // Without delay a spike in step 2 first moves V in step 3; with delay d in step 3 + d.
        expect(v0[2].every((x) => x === P.el)).toBe(true);
        expect(v0[3].some((x) => x !== P.el)).toBe(true);
        for (let n = 0; n < 3 + d; n++) expect(vd[n].every((x) => x === P.el)).toBe(true);
        for (let n = 0; n + d < vd.length; n++) {
          // Ring input is summed before it joins ge, so only rounding may differ.
          for (let j = 0; j < 5; j++) expect(Math.abs(vd[n + d][j] - v0[n][j])).toBeLessThan(1e-12);
        }
      });
    }
  }

  it('two delays onto one target (ring resized while building) superpose linearly', () => {
    const a = run([1], 'sparse', 'inh');
    const b = run([4], 'sparse', 'inh');
    const both = run([1, 4], 'sparse', 'inh');
    for (let n = 0; n < both.length; n++) {
      for (let j = 0; j < 5; j++) {
        expect(Math.abs(both[n][j] - P.el - (a[n][j] - P.el) - (b[n][j] - P.el))).toBeLessThan(1e-12);
      }
    }
  });

  it('input in flight on the delay ring survives snapshot/restore', () => {
    const nSrc = 8, nPost = 6;
    const w = randomDense(new Rng(4), nSrc, nPost);
    const net = new Network(DT, new Rng(2));
    const src = net.add(new ScriptedSource('src', nSrc, (s) => (s % 3 === 0 ? [s % nSrc] : [])));
    const tgt = net.add(new LifGroup('tgt', nPost, P, DT));
    net.add(new SparseProjection({ name: 'p', source: src, target: tgt, receptor: 'exc', delaySteps: 6 }, csrFromDense(w, nSrc, nPost)));
    net.run(40); // spikes of steps 36 and 39 are still on the ring
    const snap = structuredClone(net.snapshot());
    const trace = (): number[] => {
      const out: number[] = [];
      for (let s = 0; s < 30; s++) { net.step(); out.push(...tgt.v); }
      return out;
    };
    const first = trace();
    net.restore(snap);
    expect(trace()).toEqual(first);
  });
});

describe('csrRandom / csrFromDense', () => {
  for (const [nPre, nPost, p, seed] of [[400, 500, 0.05, 1], [800, 1000, 0.02, 2], [50, 3000, 0.3, 3]] as const) {
    it(`p=${p}, ${nPre}×${nPost}: Binomial synapse count (4 SD), sorted unique rows, uniform columns`, () => {
      const csr = csrRandom(new Rng(seed), nPre, nPost, p, 0.7);
      const n = csr.col.length;
      const mean = p * nPre * nPost;
      expect(Math.abs(n - mean)).toBeLessThan(4 * Math.sqrt(mean * (1 - p)));
      expect(csr.rowPtr.length).toBe(nPre + 1);
      expect(csr.rowPtr[0]).toBe(0);
      expect(csr.rowPtr[nPre]).toBe(n);
      let unsorted = 0;
      const colCount = new Float64Array(nPost);
      for (let i = 0; i < nPre; i++) {
        expect(csr.rowPtr[i + 1]).toBeGreaterThanOrEqual(csr.rowPtr[i]);
        for (let k = csr.rowPtr[i]; k < csr.rowPtr[i + 1]; k++) {
          const j = csr.col[k];
          if (j < 0 || j >= nPost || (k > csr.rowPtr[i] && j <= csr.col[k - 1])) unsorted++;
          else colCount[j]++;
        }
      }
      expect(unsorted).toBe(0);
      expect(csr.w.length).toBe(n);
      expect(csr.w.every((x) => x === Math.fround(0.7))).toBe(true);
      // Column uniformity: each column count ~ Binomial(nPre, p); χ² over nPost columns has mean
      // nPost − 1 and SD √(2(nPost − 1)); 4 SD bound.
      const e = n / nPost;
      let chi2 = 0;
      for (let j = 0; j < nPost; j++) chi2 += (colCount[j] - e) ** 2 / (e * (1 - p));
      expect(chi2).toBeLessThan(nPost - 1 + 4 * Math.sqrt(2 * (nPost - 1)));
      expect(chi2).toBeGreaterThan(nPost - 1 - 4 * Math.sqrt(2 * (nPost - 1)));
    });
  }

  it('p = 0 gives no synapses, p = 1 the full matrix; same seed, same matrix', () => {
    const none = csrRandom(new Rng(1), 30, 40, 0, 1);
    expect(none.col.length).toBe(0);
    expect(Array.from(none.rowPtr).every((x) => x === 0)).toBe(true);
    const all = csrRandom(new Rng(1), 30, 40, 1, 1);
    expect(all.col.length).toBe(1200);
    for (let i = 0; i < 30; i++) expect(Array.from(all.col.subarray(all.rowPtr[i], all.rowPtr[i + 1]))).toEqual(Array.from({ length: 40 }, (_, j) => j));
    const x = csrRandom(new Rng(9), 100, 100, 0.1, 1);
    const y = csrRandom(new Rng(9), 100, 100, 0.1, 1);
    expect(y.col).toEqual(x.col);
    expect(y.rowPtr).toEqual(x.rowPtr);
    expect(() => csrRandom(new Rng(1), 2, 2, 1.5, 1)).toThrow();
  });

  it('csrFromDense keeps exactly the non-zero entries', () => {
    const rng = new Rng(3);
    const w = randomDense(rng, 25, 33);
    const csr = csrFromDense(w, 25, 33);
    const back = new Float32Array(25 * 33);
    for (let i = 0; i < 25; i++) {
      for (let k = csr.rowPtr[i]; k < csr.rowPtr[i + 1]; k++) {
        if (k > csr.rowPtr[i]) expect(csr.col[k]).toBeGreaterThan(csr.col[k - 1]);
        back[i * 33 + csr.col[k]] = csr.w[k];
      }
    }
    expect(back).toEqual(w);
    expect(csr.col.length).toBe(w.filter((x) => x !== 0).length);
  });
});
