/**
 * Fokker–Planck solver for the membrane-potential density P(V, t) of white-noise integrate-and-
 * fire neurons (SCIENCE.md §1.3–1.6; Brunel's convention, voltages from rest, mV; ms):
 *
 *   ∂P/∂t = −∂J/∂V + ν(t − τ_ref)·δ(V − V_r),   J = A(V)·P − D·∂P/∂V,
 *   A(V) = (−V + μ + ψ(V))/τ,  ψ = 0 (LIF) or Δ_T exp((V − V_T)/Δ_T) (EIF),  D = σ²/(2τ),
 *   P(θ) = 0 (absorbing threshold, or EIF cutoff), J(V_low) = 0 (reflecting floor far below),
 *   ν(t) = J(θ, t): the rate; the flux that leaves at θ re-enters at V_r after τ_ref.
 *
 * Space: a conservative finite-volume scheme with Scharfetter–Gummel fluxes on a uniform grid of
 * cells [V_low, θ]: J_{i+½} = (D/h)[B(−z)P_i − B(z)P_{i+1}], z = A(V_{i+½})h/D, B(z) = z/(e^z − 1),
 * which is exact for locally constant drift, upwinds itself where drift dominates and keeps P ≥ 0.
 * At θ the density vanishes half a cell beyond the last centre. Time: implicit Euler (a
 * tridiagonal solve, factored once per parameter set), unconditionally stable. Every unit of
 * probability leaving at θ is held in a delay line for τ_ref and put back at V_r (split linearly
 * between the two nearest cell centres), so ∫P dV + (refractory mass) = 1 to rounding error.
 *
 * Stationary state: the same operator L solved once, L p = −e_r (unit re-injection), then
 * ν = 1/(∫p dV + τ_ref) and P = ν p — the discrete form of Richardson's threshold integration.
 */
import type { WhiteNoiseIfParams } from './whiteNoiseIf';
import * as det from '../core/detMath';

/** The neurons' parameters (whiteNoiseIf.ts) plus the drive they all share. */
export interface FpParams extends WhiteNoiseIfParams {
  /** Mean input μ (mV). */
  mu: number;
  /** Noise amplitude σ (mV). */
  sigma: number;
}

export interface FpGrid {
  /** Lower edge V_low and cell width h (mV); cells i cover [V_low + i·h, V_low + (i+1)·h). */
  vLow: number;
  h: number;
  cells: number;
}

/** A floor that the density never reaches in practice: 4σ below the lower of V_r and μ. */
export function fpFloor(p: FpParams): number {
  return Math.min(p.v_reset, p.mu) - 4 * Math.max(p.sigma, 0.5) - 2;
}

/** B(z) = z/(e^z − 1), with its limits. */
function bernoulli(z: number): number {
  if (Math.abs(z) < 1e-8) return 1 - z / 2;
  if (z > 700) return 0;
  return z / det.expm1(z);
}

/** Drift A(V) (mV/ms). */
function drift(p: FpParams, v: number): number {
  const psi = p.model === 'eif' ? p.delta_t * det.exp(Math.min((v - p.v_t) / p.delta_t, 50)) : 0;
  return (-v + p.mu + psi) / p.tau_m;
}

/**
 * The generator L as a tridiagonal matrix: dP_i/dt = sub_i P_{i−1} + diag_i P_i + sup_i P_{i+1}
 * (sub_0 = sup_{M−1} = 0), and `exit` = γ such that the rate (per ms) is γ·h·P_{M−1}.
 */
export function fpOperator(p: FpParams, g: FpGrid): { sub: Float64Array; diag: Float64Array; sup: Float64Array; exit: number } {
  const M = g.cells, h = g.h;
  const D = Math.max((p.sigma * p.sigma) / (2 * p.tau_m), 1e-12);
  const sub = new Float64Array(M), diag = new Float64Array(M), sup = new Float64Array(M);
  for (let i = 0; i + 1 < M; i++) {
    const z = (drift(p, g.vLow + (i + 1) * h) * h) / D;
    const right = (D / (h * h)) * bernoulli(-z); // P_i → cell i+1
    const left = (D / (h * h)) * bernoulli(z); // P_{i+1} → cell i
    diag[i] -= right;
    sub[i + 1] += right;
    diag[i + 1] -= left;
    sup[i] += left;
  }
  const zt = (drift(p, g.vLow + M * h) * (h / 2)) / D;
  const exit = ((2 * D) / (h * h)) * bernoulli(-zt);
  diag[M - 1] -= exit;
  return { sub, diag, sup, exit };
}

/** Solves the tridiagonal system (sub, diag, sup) x = rhs in place of rhs (Thomas algorithm). */
function solveTridiagonal(sub: Float64Array, diag: Float64Array, sup: Float64Array, rhs: Float64Array): void {
  const n = diag.length;
  const c = new Float64Array(n);
  let b = diag[0];
  rhs[0] /= b;
  for (let i = 1; i < n; i++) {
    c[i - 1] = sup[i - 1] / b;
    b = diag[i] - sub[i] * c[i - 1];
    rhs[i] = (rhs[i] - sub[i] * rhs[i - 1]) / b;
  }
  for (let i = n - 2; i >= 0; i--) rhs[i] -= c[i] * rhs[i + 1];
}

/** Cells k, k+1 and weight of k for re-injection at V_r (linear split between centres). */
export function resetWeights(g: FpGrid, vReset: number): { k: number; w: number } {
  const x = (vReset - g.vLow) / g.h - 0.5;
  const k = Math.max(0, Math.min(g.cells - 2, Math.floor(x)));
  const w = Math.max(0, Math.min(1, 1 - (x - k)));
  return { k, w };
}

/** Stationary density (per mV, non-refractory part) and rate (Hz) on a grid. */
export function fpStationary(p: FpParams, g: FpGrid): { density: Float64Array; rate: number } {
  const { sub, diag, sup } = fpOperator(p, g);
  // −L p = e_r: unit injection per ms at V_r.
  for (let i = 0; i < g.cells; i++) {
    sub[i] = -sub[i];
    diag[i] = -diag[i];
    sup[i] = -sup[i];
  }
  const rhs = new Float64Array(g.cells);
  const { k, w } = resetWeights(g, p.v_reset);
  rhs[k] = w / g.h;
  rhs[k + 1] = (1 - w) / g.h;
  solveTridiagonal(sub, diag, sup, rhs);
  let mass = 0;
  for (let i = 0; i < g.cells; i++) mass += rhs[i] * g.h;
  const nu = 1 / (mass + p.t_ref); // per ms
  for (let i = 0; i < g.cells; i++) rhs[i] *= nu;
  return { density: rhs, rate: 1000 * nu };
}

/** Grid spanning [fpFloor(p), θ] with `cells` cells. */
export function fpGrid(p: FpParams, cells: number): FpGrid {
  const vLow = fpFloor(p);
  return { vLow, h: (p.v_th - vLow) / cells, cells };
}
