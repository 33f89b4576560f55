/**
 * Plain Hebbian rule for a rate neuron:  dw_i/dt = η·x_i·y  (η in 1/s, rates dimensionless).
 * Nothing limits the growth: with y = w·x the weights run away exponentially.
 */
export function hebbStep(w: Float64Array, x: Float64Array, y: number, eta: number, dt_s: number): void {
  const k = eta * y * dt_s;
  for (let i = 0; i < w.length; i++) w[i] += k * x[i];
}
