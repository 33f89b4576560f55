/**
 * Surrogate derivatives of the spike nonlinearity, used for gradients only (SCIENCE.md §4.1, §5.1).
 *
 *   SuperSpike fast sigmoid:  σ′(U) = (1 + β|U − ϑ|)⁻²             (U, ϑ in mV; β in mV⁻¹; σ′(ϑ) = 1)
 *   e-prop pseudo-derivative: ψ(v)  = (γ_pd / v_th)·max(0, 1 − |(v − A)/v_th|)   (A = v_th for LIF)
 *
 * Zenke's code multiplies the fast sigmoid by β once more; that only rescales the learning rate
 * (and the RMS-normalised update removes the scale anyway), so the textbook form is used here.
 */

/** SuperSpike's fast-sigmoid derivative σ′(U) = 1/(1 + β|U − ϑ|)². */
export function fastSigmoidDerivative(u: number, theta: number, beta: number): number {
  const d = 1 + beta * Math.abs(u - theta);
  return 1 / (d * d);
}

/** e-prop's piecewise-linear pseudo-derivative ψ = (γ/v_th)·max(0, 1 − |(v − A)/v_th|). */
export function pseudoDerivative(v: number, vth: number, gamma: number, a: number = vth): number {
  const x = 1 - Math.abs((v - a) / vth);
  return x > 0 ? (gamma / vth) * x : 0;
}
