import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { flushSubnormal, MIN_NORMAL, TraceArena } from './traceKernel';

/** Random values of mixed sign and scale (zeros, subnormals and values at 2^−1022 included), the same for the kernel and the reference. */
function fill(rng: Rng, a: Float64Array): Float64Array {
  for (let q = 0; q < a.length; q++) {
    const r = q % 11;
    a[q] = r === 3 ? 0 : r === 5 ? (rng.int(20) - 10) * 5e-324 : r === 7 ? MIN_NORMAL * (1 + rng.int(3)) : (rng.uniform() - 0.4) * 10 ** (rng.int(7) - 3);
  }
  return a;
}

/** Kernel arrays and plain copies with equal contents. */
function pair(arena: TraceArena, rng: Rng, n: number): [Float64Array, Float64Array] {
  const k = fill(rng, arena.f64(n));
  return [k, k.slice()];
}

const bits = (a: Float64Array) => Array.from(new BigUint64Array(a.buffer, a.byteOffset, a.length));

describe('trace WebAssembly kernel (dense per-synapse eligibility traces)', () => {
  for (const [rows, cols] of [[1, 1], [3, 2], [5, 7], [50, 25], [200, 64]]) {
    it(`every loop matches its scalar float64 formula bit for bit, subnormal traces flushed in e-prop's (${rows} × ${cols}, odd columns take the scalar tail)`, () => {
      const rng = new Rng(rows * 1000 + cols);
      const m = rows * cols;
      const arena = new TraceArena([m, m, m, m, cols, cols, cols, rows]);
      const [h, h0] = pair(arena, rng, m), [el, el0] = pair(arena, rng, m), [g, g0] = pair(arena, rng, m), [eps, eps0] = pair(arena, rng, m);
      const [colA, colA0] = pair(arena, rng, cols), [colB, colB0] = pair(arena, rng, cols), [colC, colC0] = pair(arena, rng, cols), [pre, pre0] = pair(arena, rng, rows);
      const ar = 0.8187307530779818, ad = 0.9048374180359595, bd = 0.0951625819640405, beta = 0.2;
      for (let step = 0; step < 3; step++) {
        // SuperSpike (learning/superSpike.ts): colA = br·σ′, colB = error.
        arena.alphaTraces(rows, cols, h, el, g, colA, colB, pre, ar, ad, bd);
        for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) {
          const q = r * cols + c;
          const a = ar * h0[q] + colA0[c] * pre0[r];
          h0[q] = a;
          const l = ad * el0[q] + bd * a;
          el0[q] = l;
          g0[q] += l * colB0[c];
        }
        // e-prop LIF, κ-filtered (learning/epropCore.ts): pre = (1 − κ)·pre, colA = ψ, colB = L; h is f.
        arena.filteredTraces(rows, cols, h, g, pre, colA, colB, ad);
        for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) {
          const q = r * cols + c;
          const fv = flushSubnormal(ad * h0[q] + pre0[r] * colA0[c]);
          h0[q] = fv;
          g0[q] += colB0[c] * fv;
        }
        // e-prop ALIF ε^a (learning/epropAlif.ts): colA = ψ, colC = ρ − ψβ.
        arena.alifEps(rows, cols, eps, pre, colA, colC);
        for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) {
          const q = r * cols + c;
          eps0[q] = flushSubnormal(colA0[c] * pre0[r] + colC0[c] * eps0[q]);
        }
        // e-prop ALIF, κ-filtered: colA = (1 − κ)·ψ, colB = L; el is f.
        arena.alifFilteredTraces(rows, cols, el, g, pre, eps, colA, colB, ad, beta);
        for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) {
          const q = r * cols + c;
          const fv = flushSubnormal(ad * el0[q] + colA0[c] * (pre0[r] - beta * eps0[q]));
          el0[q] = fv;
          g0[q] += colB0[c] * fv;
        }
      }
      expect(bits(h)).toEqual(bits(h0));
      expect(bits(el)).toEqual(bits(el0));
      expect(bits(g)).toEqual(bits(g0));
      expect(bits(eps)).toEqual(bits(eps0));
      expect(g.some((x) => x !== 0)).toBe(true);
      // The e-prop loops leave no subnormal trace behind (h and el end as e-prop's filtered traces).
      for (const a of [h, el, eps]) expect(a.some((x) => x !== 0 && Math.abs(x) < MIN_NORMAL)).toBe(false);
    });
  }

  it('refuses arrays that are not in its memory, and more arrays than it was sized for', () => {
    const arena = new TraceArena([4, 2, 2, 2]);
    const [f, g, psi, L] = [arena.f64(4), arena.f64(2), arena.f64(2), arena.f64(2)];
    expect(() => arena.filteredTraces(2, 2, f, new Float64Array(4), g, psi, L, 0.5)).toThrow(/not one of this arena/);
    expect(() => arena.filteredTraces(3, 2, f, g, psi, psi, L, 0.5)).toThrow(/too short/);
    expect(() => arena.f64(1)).toThrow(/more arrays than sized for/);
  });
});
