/**
 * Measures of a learned representation Z (E samples × M units, row-major), used by the LPL
 * experiments: temporal variance, invariance (within- minus between-sequence similarity), mean
 * |correlation| between units, nearest-class-mean readout and receptive-field contrast.
 */
import { pairCosineSums } from '../wasm/denseBatchKernel';

/** Mean over units of the variance of z over the samples. */
export function outputVariance(Z: Float64Array, E: number, M: number): number {
  let total = 0;
  for (let i = 0; i < M; i++) {
    let s = 0, s2 = 0;
    for (let e = 0; e < E; e++) {
      const v = Z[e * M + i];
      s += v;
      s2 += v * v;
    }
    const m = s / E;
    total += Math.max(0, s2 / E - m * m);
  }
  return total / M;
}

/** Samples centred on the mean over samples (per unit). */
function centred(Z: Float64Array, E: number, M: number): Float64Array {
  const C = new Float64Array(Z.length);
  for (let i = 0; i < M; i++) {
    let s = 0;
    for (let e = 0; e < E; e++) s += Z[e * M + i];
    const m = s / E;
    for (let e = 0; e < E; e++) C[e * M + i] = Z[e * M + i] - m;
  }
  return C;
}

/**
 * Mean cosine similarity of centred representations between frames of the same sequence minus
 * that between frames of different sequences. 0 for a representation blind to sequences; up to 2.
 */
export function invariance(Z: Float64Array, E: number, M: number, seq: Int32Array): number {
  const C = centred(Z, E, M);
  const norm = new Float64Array(E);
  for (let e = 0; e < E; e++) {
    let s = 0;
    for (let i = 0; i < M; i++) s += C[e * M + i] ** 2;
    norm[e] = Math.sqrt(s);
  }
  // Pairs in the order a < b, cosines summed in that order (wasm/denseBatchKernel.wat, SIMD dot products).
  const { within, nWithin: nw, between, nBetween: nb } = pairCosineSums(C, norm, seq, E, M);
  return (nw ? within / nw : 0) - (nb ? between / nb : 0);
}

/** Mean |Pearson correlation| over unit pairs (units with no variance are skipped). */
export function meanAbsCorrelation(Z: Float64Array, E: number, M: number): number {
  const C = centred(Z, E, M);
  const sd = new Float64Array(M);
  for (let i = 0; i < M; i++) {
    let s = 0;
    for (let e = 0; e < E; e++) s += C[e * M + i] ** 2;
    sd[i] = Math.sqrt(s);
  }
  let acc = 0, n = 0;
  for (let i = 0; i < M; i++) {
    for (let k = i + 1; k < M; k++) {
      if (sd[i] < 1e-12 || sd[k] < 1e-12) continue;
      let dot = 0;
      for (let e = 0; e < E; e++) dot += C[e * M + i] * C[e * M + k];
      acc += Math.abs(dot / (sd[i] * sd[k]));
      n++;
    }
  }
  return n ? acc / n : 0;
}

/**
 * Nearest-class-mean readout (a linear classifier: argmax of μ_c·z − |μ_c|²/2) trained on the
 * samples with train[e] = 1 and tested on the rest; returns the test accuracy.
 */
export function centroidAccuracy(Z: Float64Array, E: number, M: number, labels: Int32Array, train: Uint8Array, classes: number): number {
  const mu = new Float64Array(classes * M);
  const cnt = new Int32Array(classes);
  for (let e = 0; e < E; e++) {
    if (!train[e]) continue;
    cnt[labels[e]]++;
    for (let i = 0; i < M; i++) mu[labels[e] * M + i] += Z[e * M + i];
  }
  for (let c = 0; c < classes; c++) for (let i = 0; i < M; i++) if (cnt[c]) mu[c * M + i] /= cnt[c];
  let right = 0, total = 0;
  for (let e = 0; e < E; e++) {
    if (train[e]) continue;
    let best = -1, bestD = Infinity;
    for (let c = 0; c < classes; c++) {
      if (!cnt[c]) continue;
      let d = 0;
      for (let i = 0; i < M; i++) d += (Z[e * M + i] - mu[c * M + i]) ** 2;
      if (d < bestD) {
        bestD = d;
        best = c;
      }
    }
    total++;
    if (best === labels[e]) right++;
  }
  return total ? right / total : NaN;
}

/** Mean over units of the coefficient of variation of |w| across a unit's inputs. */
export function receptiveFieldContrast(W: Float32Array, M: number, N: number): number {
  let acc = 0;
  for (let i = 0; i < M; i++) {
    let s = 0, s2 = 0;
    for (let j = 0; j < N; j++) {
      const a = Math.abs(W[i * N + j]);
      s += a;
      s2 += a * a;
    }
    const m = s / N;
    acc += m > 0 ? Math.sqrt(Math.max(0, s2 / N - m * m)) / m : 0;
  }
  return acc / M;
}
