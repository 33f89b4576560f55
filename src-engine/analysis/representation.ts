/**
 * Measures of a learned representation Z (E samples × M units, row-major), used by the LPL
 * experiments: temporal variance, invariance (within- minus between-sequence similarity), mean
 * |correlation| between units, nearest-class-mean readout and receptive-field contrast.
 */

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
  let within = 0, nw = 0, between = 0, nb = 0;
  const dots = new Float64Array(8);
  for (let a = 0; a < E; a++) {
    const ra = a * M;
    for (let b0 = a + 1; b0 < E; b0 += 8) {
      // Up to eight partners at a time: independent dot products, each summed over i in ascending
      // order (bit-identical to one at a time, without the additions waiting for each other).
      const nq = Math.min(8, E - b0);
      if (nq === 8) {
        const r0 = b0 * M, r1 = r0 + M, r2 = r1 + M, r3 = r2 + M, r4 = r3 + M, r5 = r4 + M, r6 = r5 + M, r7 = r6 + M;
        let d0 = 0, d1 = 0, d2 = 0, d3 = 0, d4 = 0, d5 = 0, d6 = 0, d7 = 0;
        for (let i = 0; i < M; i++) {
          const ci = C[ra + i];
          d0 += ci * C[r0 + i];
          d1 += ci * C[r1 + i];
          d2 += ci * C[r2 + i];
          d3 += ci * C[r3 + i];
          d4 += ci * C[r4 + i];
          d5 += ci * C[r5 + i];
          d6 += ci * C[r6 + i];
          d7 += ci * C[r7 + i];
        }
        dots[0] = d0;
        dots[1] = d1;
        dots[2] = d2;
        dots[3] = d3;
        dots[4] = d4;
        dots[5] = d5;
        dots[6] = d6;
        dots[7] = d7;
      } else {
        for (let q = 0; q < nq; q++) {
          let dot = 0;
          for (let i = 0; i < M; i++) dot += C[ra + i] * C[(b0 + q) * M + i];
          dots[q] = dot;
        }
      }
      // Added to the means in the order of b, as before.
      for (let q = 0; q < nq; q++) {
        const b = b0 + q;
        if (norm[a] < 1e-12 || norm[b] < 1e-12) continue;
        const cos = dots[q] / (norm[a] * norm[b]);
        if (seq[a] === seq[b]) {
          within += cos;
          nw++;
        } else {
          between += cos;
          nb++;
        }
      }
    }
  }
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
