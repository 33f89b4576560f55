/**
 * Branching-ratio estimators and avalanches for population activity A_t (spike counts per bin),
 * SCIENCE.md §5.3.
 *
 * - Naive ratio ⟨A_{t+1}/A_t⟩: reads ≈ 1 for any stationary process (shown for contrast only).
 * - Regression r₁ = Cov(A_t, A_{t+1})/Var(A_t): exact under full observation, biased by subsampling.
 * - MR estimator (Wilting & Priesemann 2018): r_k = Cov(A_t, A_{t+k})/Var(A_t) for k = 1..k_max,
 *   least-squares fit of r_k = b·m^k with 0 ≤ b ≤ 1; m̂ is invariant to (binomial) subsampling,
 *   which only scales b.
 * - Avalanches: runs of non-empty bins between empty ones; their sizes (total spikes) are compared
 *   with the Borel distribution P(S = s) = e^{−ms}(ms)^{s−1}/s! of a branching process started by
 *   one ancestor (mean 1/(1 − m); tail ∝ s^{−3/2} at m = 1).
 * - A driven Poisson branching process A_{t+1} ~ Poisson(m·A_t + h) for tests and references:
 *   ⟨A⟩ = h/(1 − m), Var A = ⟨A⟩/(1 − m²).
 */
import type { Rng } from '../core/rng';

export function naiveRatio(a: ArrayLike<number>): number {
  let s = 0, n = 0;
  for (let t = 0; t + 1 < a.length; t++) {
    if (a[t] > 0) {
      s += a[t + 1] / a[t];
      n++;
    }
  }
  return n ? s / n : NaN;
}

/** r_k = Cov(A_t, A_{t+k}) / Var(A_t) with the means of both slices (as in the MR estimator). */
export function lagRegression(a: ArrayLike<number>, k: number): number {
  const n = a.length - k;
  if (n < 2) return NaN;
  let m0 = 0, m1 = 0;
  for (let t = 0; t < n; t++) {
    m0 += a[t];
    m1 += a[t + k];
  }
  m0 /= n;
  m1 /= n;
  let c = 0, v = 0;
  for (let t = 0; t < n; t++) {
    const d0 = a[t] - m0;
    c += d0 * (a[t + k] - m1);
    v += d0 * d0;
  }
  return v > 0 ? c / v : NaN;
}

export interface MrFit {
  /** Fitted branching ratio m̂. */
  m: number;
  /** Fitted amplitude b (≈ 1 under full observation, smaller under subsampling). */
  b: number;
  /** r_k for k = 1..kMax. */
  rk: number[];
  /** Autocorrelation time −Δt/ln m̂ in bins. */
  tauBins: number;
}

/** Least-squares fit of r_k = b m^k; for fixed m the best b is Σ r_k m^k / Σ m^{2k}. */
export function mrEstimate(a: ArrayLike<number>, kMax = 40): MrFit {
  // Grid search over m ∈ (0, 1) and golden-section refinement; the best b is closed-form per m.
  const rk: number[] = [];
  for (let k = 1; k <= kMax; k++) rk.push(lagRegression(a, k));
  const sse = (m: number): [number, number] => {
    let num = 0, den = 0;
    for (let k = 0; k < rk.length; k++) {
      const mk = m ** (k + 1);
      if (Number.isFinite(rk[k])) {
        num += rk[k] * mk;
        den += mk * mk;
      }
    }
    // b ∈ [0, 1]: subsampling can only shrink it; unbounded, r_k ≈ 0 beyond k = 1 would be fitted
    // by m → 0 with b → ∞.
    const b = den > 0 ? Math.min(1, Math.max(0, num / den)) : 0;
    let e = 0;
    for (let k = 0; k < rk.length; k++) if (Number.isFinite(rk[k])) e += (rk[k] - b * m ** (k + 1)) ** 2;
    return [e, b];
  };
  // Coarse grid, then golden-section refinement around the best cell.
  let best = 0.5, bestE = Infinity;
  for (let g = 1; g < 1000; g++) {
    const m = g / 1000;
    const e = sse(m)[0];
    if (e < bestE) { bestE = e; best = m; }
  }
  let lo = Math.max(1e-6, best - 0.001), hi = Math.min(0.999999, best + 0.001);
  const phi = (Math.sqrt(5) - 1) / 2;
  for (let it = 0; it < 60; it++) {
    const m1 = hi - phi * (hi - lo), m2 = lo + phi * (hi - lo);
    if (sse(m1)[0] < sse(m2)[0]) hi = m2;
    else lo = m1;
  }
  const m = (lo + hi) / 2;
  return { m, b: sse(m)[1], rk, tauBins: -1 / Math.log(m) };
}

/** Sizes of avalanches: maximal runs of bins with A > 0, each summed. */
export function avalancheSizes(a: ArrayLike<number>): number[] {
  const out: number[] = [];
  let s = 0;
  for (let t = 0; t < a.length; t++) {
    if (a[t] > 0) s += a[t];
    else if (s > 0) {
      out.push(s);
      s = 0;
    }
  }
  return out;
}

/** Borel probability P(S = s) for a branching process with Poisson(m) offspring from one ancestor. */
export function borelPmf(s: number, m: number): number {
  if (s < 1 || m <= 0) return s === 1 ? 1 : 0;
  // log form: −ms + (s − 1) ln(ms) − ln s!
  let lf = 0;
  for (let k = 2; k <= s; k++) lf += Math.log(k);
  return Math.exp(-m * s + (s - 1) * Math.log(m * s) - lf);
}

/** A_{t+1} ~ Poisson(m·A_t + h), started at the stationary mean. */
export function drivenBranchingProcess(rng: Rng, m: number, h: number, steps: number): Float64Array {
  const a = new Float64Array(steps);
  let x = Math.round(h / (1 - m));
  for (let t = 0; t < steps; t++) {
    x = rng.poisson(m * x + h);
    a[t] = x;
  }
  return a;
}

/** Total size of one avalanche: one ancestor, Poisson(m) offspring per unit, until extinction (capped). */
export function avalancheFromOneAncestor(rng: Rng, m: number, cap = 1e6): number {
  let gen = 1, total = 1;
  while (gen > 0 && total < cap) {
    gen = rng.poisson(m * gen);
    total += gen;
  }
  return total;
}

/** Keeps each event with probability q (binomial subsampling of a count series). */
export function subsample(rng: Rng, a: ArrayLike<number>, q: number): Float64Array {
  const out = new Float64Array(a.length);
  for (let t = 0; t < a.length; t++) {
    let k = 0;
    for (let e = 0; e < a[t]; e++) if (rng.uniform() < q) k++;
    out[t] = k;
  }
  return out;
}

/** Where the variance of binned counts comes from (SCIENCE.md §5.3), in count² per bin. */
export interface VarianceSplit {
  mean: number;
  variance: number;
  /** Var/mean: 1 for independent Poisson neurons, 1/(1 − m²) for a driven branching process. */
  fano: number;
  /** Lag-1 regression r₁ = Cov(A_t, A_t+1)/Var(A_t). */
  r1: number;
  /** The Poisson floor ⟨A⟩ (independent neurons at the same mean). */
  poisson: number;
  /** Across bins: the part predictable from the previous bin, r₁²·Var (what a branching estimator sees). */
  across: number;
  /** Within a bin: the unpredictable part beyond the Poisson floor, (1 − r₁²)·Var − ⟨A⟩ (zero-lag synchrony). */
  within: number;
}

/**
 * Splits Var(A) = ⟨A⟩ + r₁²·Var + [(1 − r₁²)·Var − ⟨A⟩]: Poisson floor, correlation across bins and
 * synchrony within a bin. For a driven Poisson branching process (1 − m²)Var = ⟨A⟩, so the last
 * term is 0 and all excess variance is across bins; a network can instead raise the variance by
 * synchronising spikes inside a bin, which no branching estimator can see.
 */
export function varianceSplit(a: ArrayLike<number>): VarianceSplit {
  let s = 0;
  for (let t = 0; t < a.length; t++) s += a[t];
  const mean = a.length ? s / a.length : NaN;
  let v = 0;
  for (let t = 0; t < a.length; t++) v += (a[t] - mean) ** 2;
  const variance = a.length ? v / a.length : NaN;
  const r1 = lagRegression(a, 1);
  const r = Number.isFinite(r1) ? Math.max(0, r1) : 0;
  return { mean, variance, fano: variance / mean, r1, poisson: mean, across: r * r * variance, within: (1 - r * r) * variance - mean };
}
