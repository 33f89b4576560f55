/**
 * Oja's rule (1982):  dw_i/dt = η·y·(x_i − y·w_i). The decay term normalises |w| → 1 and w
 * converges to the principal component of the input.
 *
 * Integrated over a step with x and y held fixed (exponential Euler):
 *   w_i ← x_i/y + (w_i − x_i/y)·e^{−η y² dt}
 * Plain Euler is unstable once η·y²·dt > 2: started from a runaway Hebbian state (large y), it
 * overshoots and drives the weights to zero instead of normalising them. This form relaxes
 * monotonically towards x/y for any step and equals Euler to first order in η y² dt.
 */
import * as det from '../core/detMath';
export function ojaStep(w: Float64Array, x: Float64Array, y: number, eta: number, dt_s: number): void {
  if (y === 0) return;
  const a = det.exp(-eta * y * y * dt_s);
  for (let i = 0; i < w.length; i++) {
    const target = x[i] / y;
    w[i] = target + (w[i] - target) * a;
  }
}
