/**
 * Oja's rule (1982):  dw_i/dt = η·y·(x_i − y·w_i). The decay term normalises |w| → 1 and w
 * converges to the principal component of the input; it is stable for any η·dt ≪ 1.
 */
export function ojaStep(w: Float64Array, x: Float64Array, y: number, eta: number, dt_s: number): void {
  const k = eta * y * dt_s;
  for (let i = 0; i < w.length; i++) w[i] += k * (x[i] - y * w[i]);
}
