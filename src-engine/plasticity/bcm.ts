/**
 * BCM rule with a sliding threshold (Bienenstock, Cooper & Munro 1982; Intrator & Cooper form):
 *
 *   dw_i/dt = η·x_i·y·(y − θ)          potentiation above θ, depression below
 *   τθ dθ/dt = −θ + y²/y0               θ tracks the recent mean of y²/y0; fixed point y = θ = y0
 *
 * Linearising a linear unit y = w·x with constant input x around the fixed point gives the
 * Jacobian [[a, −a], [2/τθ, −1/τθ]] with a = η·|x|²·y0: the fixed point is stable only when
 * τθ < τθ* = 1/(η·|x|²·y0). A threshold slower than the weights cannot catch the Hebbian growth:
 * the "temporal paradox" of Hebbian and homeostatic plasticity (Zenke, Gerstner & Ganguli 2017).
 */
import * as det from '../core/detMath';
export interface BcmParams {
  /** Learning rate η (1/s). */
  eta: number;
  /** Threshold time constant τθ (s). */
  tau_theta: number;
  /** Target activity y0 (the fixed point). */
  y0: number;
}

export function bcmStep(w: Float64Array, x: Float64Array, y: number, theta: number, eta: number, dt_s: number): void {
  const k = eta * y * (y - theta) * dt_s;
  for (let i = 0; i < w.length; i++) w[i] += k * x[i];
}

/** One exact step of τθ dθ/dt = −θ + y²/y0 with y held over the step. */
export function bcmThresholdStep(theta: number, y: number, p: BcmParams, dt_s: number): number {
  const target = (y * y) / p.y0;
  return target + (theta - target) * det.exp(-dt_s / p.tau_theta);
}

/** Critical threshold time constant τθ* = 1/(η·|x|²·y0) (s). */
export function bcmCriticalTau(eta: number, x: Float64Array, y0: number): number {
  let n2 = 0;
  for (let i = 0; i < x.length; i++) n2 += x[i] * x[i];
  return 1 / (eta * n2 * y0);
}
