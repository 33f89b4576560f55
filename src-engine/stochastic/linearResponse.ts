/**
 * Linear-response prediction of the spike-train covariance of weakly coupled white-noise LIF
 * neurons (SCIENCE.md §8; Lindner et al. 2005, Trousdale et al. 2012), at zero frequency:
 *
 *   one synapse j → k of J mV:  K₀ = J·τ·dν_k/dμ  (extra k-spikes per j-spike)
 *                               ∫C_kj(s) ds = K₀ · ν_j · CV_j²          (Hz)
 *   a network (J_kj mV):         C̄ = (I − K)⁻¹ D (I − K)⁻ᵀ,  K_kj = J_kj τ_k dν_k/dμ,  D = diag(ν_j CV_j²)
 *
 * Rates, CVs and gains come from the Siegert formulas (siegert.ts); τ in seconds for K.
 */
import { siegertCv, siegertGain, siegertRate, type LifNoiseParams } from './siegert';

export interface PairPrediction {
  /** Extra postsynaptic spikes per presynaptic spike. */
  k0: number;
  /** Presynaptic rate (Hz) and ISI CV. */
  ratePre: number;
  cvPre: number;
  /** Predicted ∫C_kj ds (Hz). */
  integral: number;
}

/** Prediction for one coupled pair j → k with jump J (mV). */
export function pairCovariancePrediction(pre: LifNoiseParams, post: LifNoiseParams, jumpMv: number): PairPrediction {
  const k0 = jumpMv * (post.tau_m / 1000) * siegertGain(post);
  const ratePre = siegertRate(pre);
  const cvPre = siegertCv(pre);
  return { k0, ratePre, cvPre, integral: k0 * ratePre * cvPre * cvPre };
}

/** Zero-frequency covariance matrix C̄ (Hz) of a network; J[k][j] is the jump j → k (mV). */
export function networkCovariance(neurons: LifNoiseParams[], J: number[][]): number[][] {
  const n = neurons.length;
  const gain = neurons.map((p) => (p.tau_m / 1000) * siegertGain(p));
  const d = neurons.map((p) => siegertRate(p) * siegertCv(p) ** 2);
  const A = Array.from({ length: n }, (_, k) => Array.from({ length: n }, (_, j) => (k === j ? 1 : 0) - J[k][j] * gain[k]));
  const B = invert(A); // (I − K)⁻¹
  const C: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) for (let m = 0; m < n; m++) C[a][b] += B[a][m] * d[m] * B[b][m];
  return C;
}

/** Inverse of a small dense matrix (Gauss–Jordan with partial pivoting). */
function invert(m: number[][]): number[][] {
  const n = m.length;
  const a = m.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) piv = r;
    [a[c], a[piv]] = [a[piv], a[c]];
    const inv = 1 / a[c][c];
    for (let k = 0; k < 2 * n; k++) a[c][k] *= inv;
    for (let r = 0; r < n; r++) {
      if (r === c || a[r][c] === 0) continue;
      const f = a[r][c];
      for (let k = 0; k < 2 * n; k++) a[r][k] -= f * a[c][k];
    }
  }
  return a.map((row) => row.slice(n));
}
