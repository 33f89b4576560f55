/**
 * Per-synapse eligibility traces of dense, row-major synapse matrices in WebAssembly memory, with
 * the SIMD loops of traceKernel.wat (two synapses per instruction). A rule allocates the arrays the
 * loops touch from one TraceArena (they are ordinary Float64Array views of the arena's memory, so
 * snapshots, optimisers and charts use them like any other array) and calls the arena's loops.
 * Each loop computes exactly what the formula in traceKernel.wat's header computes, with the same
 * float64 operations in the same order as the rule's scalar form, so results and fingerprints do
 * not change (traceKernel.test.ts checks this bit for bit). The e-prop loops flush traces below the
 * smallest normal float64 to zero (ftz, see the .wat header and flushSubnormal).
 */
import { traceKernelWasm } from './traceKernel.wasm';
import { instantiate } from './wasmApi';

type AlphaFn = (rows: number, cols: number, h: number, el: number, g: number, bsig: number, err: number, pre: number, ar: number, ad: number, bd: number) => void;
type FilteredFn = (rows: number, cols: number, f: number, g: number, pb: number, psi: number, lsig: number, k: number) => void;
type EpsFn = (rows: number, cols: number, eps: number, pre: number, psi: number, coef: number) => void;
type AlifFilteredFn = (rows: number, cols: number, f: number, g: number, pre: number, eps: number, bpsi: number, lsig: number, k: number, beta: number) => void;

export class TraceArena {
  private readonly buffer: ArrayBuffer;
  private readonly capacity: number;
  private used = 0;
  private readonly fns: { alpha: AlphaFn; filtered: FilteredFn; eps: EpsFn; alifFiltered: AlifFilteredFn };

  /** An arena for float64 arrays of the given lengths (allocated later with f64, in any order). */
  constructor(lengths: readonly number[]) {
    this.capacity = lengths.reduce((s, n) => s + padded(n), 0);
    const { exports, buffer } = instantiate(traceKernelWasm, this.capacity * 8);
    this.buffer = buffer;
    this.fns = {
      alpha: exports.alphaTraces as AlphaFn,
      filtered: exports.filteredTraces as FilteredFn,
      eps: exports.alifEps as EpsFn,
      alifFiltered: exports.alifFilteredTraces as AlifFilteredFn,
    };
  }

  /** A zero-filled array of `length` float64 values in the arena's memory (16-byte aligned). */
  f64(length: number): Float64Array {
    if (this.used + padded(length) > this.capacity) throw new Error('trace arena: more arrays than sized for');
    const a = new Float64Array(this.buffer, this.used * 8, length);
    this.used += padded(length);
    return a;
  }

  /** SuperSpike: a = ar·h + bsig_c·pre_r; h = a; l = ad·el + bd·a; el = l; g += l·err_c. */
  alphaTraces(rows: number, cols: number, h: Float64Array, el: Float64Array, g: Float64Array, bsig: Float64Array, err: Float64Array, pre: Float64Array, ar: number, ad: number, bd: number): void {
    this.fns.alpha(rows, cols, this.at(h, rows * cols), this.at(el, rows * cols), this.at(g, rows * cols), this.at(bsig, cols), this.at(err, cols), this.at(pre, rows), ar, ad, bd);
  }

  /** e-prop LIF, κ-filtered: fv = ftz(k·f + pb_r·psi_c); f = fv; g += L_c·fv. */
  filteredTraces(rows: number, cols: number, f: Float64Array, g: Float64Array, pb: Float64Array, psi: Float64Array, L: Float64Array, k: number): void {
    this.fns.filtered(rows, cols, this.at(f, rows * cols), this.at(g, rows * cols), this.at(pb, rows), this.at(psi, cols), this.at(L, cols), k);
  }

  /** e-prop ALIF: eps = ftz(psi_c·pre_r + coef_c·eps). */
  alifEps(rows: number, cols: number, eps: Float64Array, pre: Float64Array, psi: Float64Array, coef: Float64Array): void {
    this.fns.eps(rows, cols, this.at(eps, rows * cols), this.at(pre, rows), this.at(psi, cols), this.at(coef, cols));
  }

  /** e-prop ALIF, κ-filtered: fv = ftz(k·f + bpsi_c·(pre_r − β·eps)); f = fv; g += L_c·fv. */
  alifFilteredTraces(rows: number, cols: number, f: Float64Array, g: Float64Array, pre: Float64Array, eps: Float64Array, bpsi: Float64Array, L: Float64Array, k: number, beta: number): void {
    this.fns.alifFiltered(rows, cols, this.at(f, rows * cols), this.at(g, rows * cols), this.at(pre, rows), this.at(eps, rows * cols), this.at(bpsi, cols), this.at(L, cols), k, beta);
  }

  /** Byte offset of an arena array with at least `length` values (a foreign array would be read from the wrong memory). */
  private at(a: Float64Array, length: number): number {
    if (a.buffer !== this.buffer || a.length < length) throw new Error('trace arena: array is not one of this arena\'s (or too short)');
    return a.byteOffset;
  }
}

/** The smallest normal float64, 2^−1022. */
export const MIN_NORMAL = 2.2250738585072014e-308;

/** x, or 0 when |x| < 2^−1022 (what the kernel's ftz does, for the rules' scalar loops). */
export function flushSubnormal(x: number): number {
  return Math.abs(x) < MIN_NORMAL ? 0 : x;
}

/** Lengths rounded up to an even count, so every array starts 16-byte aligned. */
function padded(n: number): number {
  return n + (n & 1);
}
