/**
 * The top two principal directions of a short trajectory: T points of dimension D (row-major),
 * centred on their mean; power iteration on the covariance XᵀX (applied as Xᵀ(X v), never formed),
 * the second direction deflated against the first. Deterministic: the iteration starts from the
 * displacement first → last point (PC 1) and from the point farthest from the PC-1 line (PC 2).
 * Directions without variance come back as zero vectors with zero variance.
 */

export interface Pca2 {
  /** Unit directions (length D), or zero when the trajectory has no variance along them. */
  readonly d1: Float64Array;
  readonly d2: Float64Array;
  /** Variance along each direction (sum of squared projections / T). */
  var1: number;
  var2: number;
}

export function createPca2(D: number): Pca2 {
  return { d1: new Float64Array(D), d2: new Float64Array(D), var1: 0, var2: 0 };
}

const ITERATIONS = 60;

/** Fills out with the principal directions of points[0 .. T·D); scratch needs length ≥ T + D. */
export function pca2(points: Float64Array, T: number, D: number, out: Pca2, scratch: Float64Array): void {
  const mean = scratch.subarray(0, D);
  const proj = scratch.subarray(D, D + T);
  mean.fill(0);
  for (let t = 0; t < T; t++) for (let k = 0; k < D; k++) mean[k] += points[t * D + k] / T;
  // PC 1 starts from first → last.
  for (let k = 0; k < D; k++) out.d1[k] = T > 1 ? points[(T - 1) * D + k] - points[k] : 0;
  out.var1 = powerIterate(points, T, D, mean, out.d1, null, proj);
  // PC 2 starts from the point farthest from the PC-1 line through the mean.
  let far = -1, best = 0;
  for (let t = 0; t < T; t++) {
    let a = 0, n2 = 0;
    for (let k = 0; k < D; k++) a += (points[t * D + k] - mean[k]) * out.d1[k];
    for (let k = 0; k < D; k++) n2 += (points[t * D + k] - mean[k] - a * out.d1[k]) ** 2;
    if (n2 > best) [best, far] = [n2, t];
  }
  for (let k = 0; k < D; k++) out.d2[k] = far >= 0 ? points[far * D + k] - mean[k] : 0;
  out.var2 = powerIterate(points, T, D, mean, out.d2, out.d1, proj);
}

/** Power iteration for the top eigenvector of the centred covariance, orthogonal to `against`. */
function powerIterate(points: Float64Array, T: number, D: number, mean: Float64Array, v: Float64Array, against: Float64Array | null, proj: Float64Array): number {
  let variance = 0;
  for (let it = 0; it <= ITERATIONS; it++) {
    if (against) orthogonalise(v, against);
    const n = norm(v);
    if (!(n > 1e-300)) {
      v.fill(0);
      return 0;
    }
    for (let k = 0; k < D; k++) v[k] /= n;
    if (it === ITERATIONS) break;
    // v ← Xᵀ X v (X centred), variance = ‖X v‖² / T.
    variance = 0;
    for (let t = 0; t < T; t++) {
      let a = 0;
      for (let k = 0; k < D; k++) a += (points[t * D + k] - mean[k]) * v[k];
      proj[t] = a;
      variance += a * a;
    }
    variance /= T;
    v.fill(0);
    for (let t = 0; t < T; t++) for (let k = 0; k < D; k++) v[k] += proj[t] * (points[t * D + k] - mean[k]);
  }
  return variance;
}

export function orthogonalise(v: Float64Array, against: Float64Array): void {
  let a = 0;
  for (let k = 0; k < v.length; k++) a += v[k] * against[k];
  for (let k = 0; k < v.length; k++) v[k] -= a * against[k];
}

export function norm(v: Float64Array): number {
  let s = 0;
  for (let k = 0; k < v.length; k++) s += v[k] * v[k];
  return Math.sqrt(s);
}
