/**
 * Linear readout of a representation, as the LPL paper measures it (a linear classifier trained
 * on frozen features): ridge-regularised least squares onto one-hot class targets,
 *
 *   W = argmin ‖[Ẑ 1]·W − Y‖² + α‖W‖²,   Ẑ = features z-scored with the training samples' statistics,
 *   predicted class = argmax_c ([ẑ 1]·W)_c
 *
 * trained on the samples with train[e] = 1 and scored on the others (held-out sequences, so a
 * sequence never contributes frames to both sides). The normal equations (M + 1)² are solved by
 * Cholesky; α (default 1e-2 per training sample) keeps them well posed for collapsed units.
 */

/** Mean and standard deviation of each feature over the training samples (sd 1 for constant features). */
function trainingStats(Z: Float64Array, E: number, M: number, train: Uint8Array): { mu: Float64Array; sd: Float64Array; nTrain: number } {
  const mu = new Float64Array(M), sd = new Float64Array(M);
  let nTrain = 0;
  for (let e = 0; e < E; e++) if (train[e]) {
    nTrain++;
    for (let i = 0; i < M; i++) mu[i] += Z[e * M + i];
  }
  if (nTrain === 0) return { mu, sd: sd.fill(1), nTrain };
  for (let i = 0; i < M; i++) mu[i] /= nTrain;
  for (let e = 0; e < E; e++) if (train[e]) for (let i = 0; i < M; i++) sd[i] += (Z[e * M + i] - mu[i]) ** 2;
  for (let i = 0; i < M; i++) sd[i] = Math.sqrt(sd[i] / nTrain) || 1;
  return { mu, sd, nTrain };
}

/** Sample e's z-scored features followed by a constant 1 (the bias), into out (length M + 1). */
function features(Z: Float64Array, M: number, e: number, mu: Float64Array, sd: Float64Array, out: Float64Array): void {
  for (let i = 0; i < M; i++) out[i] = (Z[e * M + i] - mu[i]) / sd[i];
  out[M] = 1;
}

/** Test accuracy of the least-squares one-hot classifier (NaN when nothing is held out). */
export function leastSquaresAccuracy(Z: Float64Array, E: number, M: number, labels: Int32Array, train: Uint8Array, classes: number, alphaPerSample = 1e-2): number {
  const D = M + 1;
  const { mu, sd, nTrain } = trainingStats(Z, E, M, train);
  if (nTrain === 0) return NaN;
  const feat = (e: number, out: Float64Array) => features(Z, M, e, mu, sd, out);
  const A = new Float64Array(D * D), B = new Float64Array(D * classes), f = new Float64Array(D);
  for (let e = 0; e < E; e++) {
    if (!train[e]) continue;
    feat(e, f);
    for (let a = 0; a < D; a++) {
      for (let b = 0; b <= a; b++) A[a * D + b] += f[a] * f[b];
      B[a * classes + labels[e]] += f[a];
    }
  }
  const alpha = alphaPerSample * nTrain;
  for (let a = 0; a < D; a++) {
    for (let b = 0; b < a; b++) A[b * D + a] = A[a * D + b];
    A[a * D + a] += alpha;
  }
  const W = solveSpd(A, B, D, classes);
  let right = 0, total = 0;
  for (let e = 0; e < E; e++) {
    if (train[e]) continue;
    feat(e, f);
    let best = 0, bestV = -Infinity;
    for (let c = 0; c < classes; c++) {
      let v = 0;
      for (let a = 0; a < D; a++) v += f[a] * W[a * classes + c];
      if (v > bestV) {
        bestV = v;
        best = c;
      }
    }
    total++;
    if (best === labels[e]) right++;
  }
  return total ? right / total : NaN;
}

/** X with A·X = B for symmetric positive-definite A (D × D) and B (D × K), by Cholesky. */
export function solveSpd(A: Float64Array, B: Float64Array, D: number, K: number): Float64Array {
  const L = new Float64Array(D * D);
  for (let i = 0; i < D; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i * D + j];
      for (let k = 0; k < j; k++) s -= L[i * D + k] * L[j * D + k];
      L[i * D + j] = i === j ? Math.sqrt(Math.max(s, 1e-300)) : s / L[j * D + j];
    }
  }
  const X = new Float64Array(D * K);
  for (let c = 0; c < K; c++) {
    const y = new Float64Array(D);
    for (let i = 0; i < D; i++) {
      let s = B[i * K + c];
      for (let k = 0; k < i; k++) s -= L[i * D + k] * y[k];
      y[i] = s / L[i * D + i];
    }
    for (let i = D - 1; i >= 0; i--) {
      let s = y[i];
      for (let k = i + 1; k < D; k++) s -= L[k * D + i] * X[k * K + c];
      X[i * K + c] = s / L[i * D + i];
    }
  }
  return X;
}

/**
 * R² on the held-out samples of a ridge regression y ≈ [ẑ 1]·β trained on the samples with
 * train[e] = 1 (features z-scored with the training statistics), as the spiking LPL paper decodes
 * its slow input signals from binned activity. 1 − SSE/SS_tot of the held-out part; ≤ 0 means no
 * better than the held-out mean.
 */
export function ridgeR2(Z: Float64Array, E: number, M: number, y: ArrayLike<number>, train: Uint8Array, alphaPerSample = 1e-2): number {
  const D = M + 1;
  const { mu, sd, nTrain } = trainingStats(Z, E, M, train);
  if (nTrain === 0 || nTrain === E) return NaN;
  const f = new Float64Array(D);
  const feat = (e: number) => features(Z, M, e, mu, sd, f);
  const A = new Float64Array(D * D), b = new Float64Array(D);
  for (let e = 0; e < E; e++) {
    if (!train[e]) continue;
    feat(e);
    for (let a = 0; a < D; a++) {
      for (let c = 0; c < D; c++) A[a * D + c] += f[a] * f[c];
      b[a] += f[a] * y[e];
    }
  }
  for (let a = 0; a < M; a++) A[a * D + a] += alphaPerSample * nTrain;
  A[M * D + M] += 1e-9;
  const beta = solveSpd(A, b, D, 1);
  let yMean = 0, nTest = 0;
  for (let e = 0; e < E; e++) if (!train[e]) (yMean += y[e]), nTest++;
  yMean /= nTest;
  let sse = 0, sst = 0;
  for (let e = 0; e < E; e++) {
    if (train[e]) continue;
    feat(e);
    let pred = 0;
    for (let a = 0; a < D; a++) pred += f[a] * beta[a];
    sse += (y[e] - pred) ** 2;
    sst += (y[e] - yMean) ** 2;
  }
  return sst > 0 ? 1 - sse / sst : NaN;
}
