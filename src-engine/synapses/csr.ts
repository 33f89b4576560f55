/**
 * Compressed sparse row connectivity: row i (a presynaptic neuron) holds its targets in
 * col[rowPtr[i] .. rowPtr[i+1]), with one weight per entry. Built once; weights may change.
 */
import type { Rng } from '../core/rng';
import * as det from '../core/detMath';

export interface Csr {
  readonly nPre: number;
  readonly nPost: number;
  /** Row start offsets, length nPre + 1. */
  readonly rowPtr: Int32Array;
  /** Postsynaptic index per synapse, ascending within a row. */
  readonly col: Int32Array;
  /** Weight per synapse (units of the target receptor, e.g. mV). */
  readonly w: Float32Array;
}

/**
 * Random connectivity: each ordered pair (i, j) exists independently with probability p
 * (self-pairs included, as in the CUBA benchmark). Geometric skipping visits only the
 * existing synapses, so building costs O(p·nPre·nPost). All weights start at `w0`.
 */
export function csrRandom(rng: Rng, nPre: number, nPost: number, p: number, w0: number): Csr {
  if (!(p >= 0 && p <= 1)) throw new Error(`connection probability must be in [0, 1], got ${p}`);
  const rowPtr = new Int32Array(nPre + 1);
  const expected = p * nPre * nPost;
  let col: Int32Array<ArrayBuffer> = new Int32Array(Math.max(16, Math.ceil(expected + 6 * Math.sqrt(expected + 1) + 16)));
  let nnz = 0;
  const logq = det.log1p(-p);
  for (let i = 0; i < nPre; i++) {
    if (p >= 1) {
      if (nnz + nPost > col.length) col = growInt32(col, nnz + nPost);
      for (let j = 0; j < nPost; j++) col[nnz++] = j;
    } else if (p > 0) {
      let j = Math.floor(det.log(rng.uniform()) / logq);
      while (j < nPost) {
        if (nnz >= col.length) col = growInt32(col, nnz + 1);
        col[nnz++] = j;
        j += 1 + Math.floor(det.log(rng.uniform()) / logq);
      }
    }
    rowPtr[i + 1] = nnz;
  }
  return { nPre, nPost, rowPtr, col: col.slice(0, nnz), w: new Float32Array(nnz).fill(w0) };
}

/** CSR holding the non-zero entries of a dense row-major nPre×nPost matrix. */
export function csrFromDense(dense: Float32Array, nPre: number, nPost: number): Csr {
  const rowPtr = new Int32Array(nPre + 1);
  let nnz = 0;
  for (let k = 0; k < dense.length; k++) if (dense[k] !== 0) nnz++;
  const col = new Int32Array(nnz);
  const w = new Float32Array(nnz);
  let k = 0;
  for (let i = 0; i < nPre; i++) {
    for (let j = 0; j < nPost; j++) {
      const x = dense[i * nPost + j];
      if (x !== 0) {
        col[k] = j;
        w[k++] = x;
      }
    }
    rowPtr[i + 1] = k;
  }
  return { nPre, nPost, rowPtr, col, w };
}

function growInt32(a: Int32Array<ArrayBuffer>, min: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(Math.max(min, Math.ceil(a.length * 1.5)));
  b.set(a);
  return b;
}
