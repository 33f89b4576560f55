/**
 * Batched dense products for measuring a layer on many samples, with the SIMD loops of
 * denseBatchKernel.wat: a layer's pre-activations for every held-out sample at once, and the
 * pairwise cosine sums of the invariance measure. Each sum runs over its index in ascending order
 * in float64, as the scalar loops do, so the results are bit-identical to them
 * (denseBatchKernel.test.ts checks this). Inputs are copied into one scratch memory, grown when a
 * call needs more (nothing keeps views of it between calls).
 */
import { denseBatchKernelWasm } from './denseBatchKernel.wasm';
import { instantiate } from './wasmApi';

type ForwardFn = (E: number, N: number, blocks: number, x: number, packed: number, s: number) => void;
type PairCosineFn = (E: number, M: number, c: number, ct: number, norm: number, seq: number, d: number, out: number) => void;

let scratch: { buffer: ArrayBuffer; bytes: number; forward: ForwardFn; pairCosine: PairCosineFn } | null = null;

/** The scratch memory with room for `bytes` (16-byte aligned offsets are the caller's job). */
function memory(bytes: number) {
  if (!scratch || scratch.bytes < bytes) {
    const size = Math.max(bytes, 2 * (scratch?.bytes ?? 0));
    const { exports, buffer } = instantiate(denseBatchKernelWasm, size);
    scratch = { buffer, bytes: size, forward: exports.forward as ForwardFn, pairCosine: exports.pairCosine as PairCosineFn };
  }
  return scratch;
}

const align = (n: number) => Math.ceil(n / 16) * 16;

/**
 * S[e·nOut + i] = Σ_j W[i·nIn + j]·X[e·nIn + j] for the E samples in X (row-major E × nIn) and
 * the weights W (row-major nOut × nIn): each sum in float64 over j = 0 … nIn−1, as a single-sample
 * loop `s += W[i·nIn + j] * x[j]` takes it.
 */
export function batchForward(W: Float32Array, nIn: number, nOut: number, X: Float32Array, E: number, S: Float64Array): void {
  if (W.length < nIn * nOut || X.length < E * nIn || S.length < E * nOut) throw new Error('batchForward: arrays shorter than their sizes');
  // The kernel takes the weights packed by blocks of eight units, P[(b·nIn + j)·8 + k] = W[(8b + k)·nIn + j], zero-padded.
  const blocks = Math.ceil(nOut / 8), padded = 8 * blocks;
  const xo = 0, po = align(E * nIn * 4), so = po + align(padded * nIn * 4);
  const m = memory(so + E * padded * 8);
  new Float32Array(m.buffer, xo, E * nIn).set(X.subarray(0, E * nIn));
  const P = new Float32Array(m.buffer, po, padded * nIn);
  for (let i = 0; i < padded; i++) {
    const b = i >> 3, k = i & 7;
    for (let j = 0; j < nIn; j++) P[(b * nIn + j) * 8 + k] = i < nOut ? W[i * nIn + j] : 0;
  }
  m.forward(E, nIn, blocks, xo, po, so);
  const out = new Float64Array(m.buffer, so, E * padded);
  if (padded === nOut) S.set(out);
  else for (let e = 0; e < E; e++) S.set(out.subarray(e * padded, e * padded + nOut), e * nOut);
}

/** Sums of cos(C_a, C_b) = (C_a·C_b)/(norm_a·norm_b) over pairs a < b with both norms ≥ 1e−12, split by whether seq_a = seq_b (C row-major E × M). */
export function pairCosineSums(C: Float64Array, norm: Float64Array, seq: Int32Array, E: number, M: number): { within: number; nWithin: number; between: number; nBetween: number } {
  if (C.length < E * M || norm.length < E || seq.length < E) throw new Error('pairCosineSums: arrays shorter than their sizes');
  const co = 0, cto = align(E * M * 8), no = cto + align(E * M * 8), so = no + align(E * 8), d = so + align(E * 4), out = d + align(E * 8);
  const m = memory(out + 32);
  new Float64Array(m.buffer, co, E * M).set(C.subarray(0, E * M));
  const ct = new Float64Array(m.buffer, cto, E * M);
  for (let e = 0; e < E; e++) for (let i = 0; i < M; i++) ct[i * E + e] = C[e * M + i];
  new Float64Array(m.buffer, no, E).set(norm.subarray(0, E));
  new Int32Array(m.buffer, so, E).set(seq.subarray(0, E));
  m.pairCosine(E, M, co, cto, no, so, d, out);
  const r = new Float64Array(m.buffer, out, 4);
  return { within: r[0], nWithin: r[1], between: r[2], nBetween: r[3] };
}
