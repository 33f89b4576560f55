/**
 * Ziggurat tables for standard normal deviates (Marsaglia & Tsang 2000, in Doornik's 2005
 * "ZIGNOR" form with 128 layers, which draws the layer index from bits separate from the value).
 *
 * The density f(x) = exp(−x²/2) (unnormalised) is covered by 128 layers of equal area V: layer 0 is
 * the base strip [0, x₁] × [0, f(r)] plus the tail beyond r; layers i ≥ 1 are rectangles of width
 * x_i whose tops follow f. With r = 3.442619855899 and V = 9.91256303526217e−3 the layers close
 * exactly (x₁₂₈ = 0):
 *   x₀ = V/f(r),  x₁ = r,  x_{i+1} = f⁻¹(f(x_i) + V/x_i),  ratio_i = x_{i+1}/x_i.
 * A draw takes u uniform in (−1, 1) and a layer i: if |u| < ratio_i, u·x_i lies wholly under the
 * curve (about 98.8% of draws); otherwise the wedge is accepted with probability given by f, or
 * the tail beyond r is sampled exactly (Marsaglia 1964). See normalZiggurat in rng.ts.
 */
import * as det from './detMath';
export const ZIG_LAYERS = 128;
export const ZIG_R = 3.442619855899;
const ZIG_V = 9.91256303526217e-3;

/** Layer widths x_0 … x_128 (x_128 = 0). */
export const ZIG_X = new Float64Array(ZIG_LAYERS + 1);
/** ratio_i = x_{i+1}/x_i: |u| below it is inside the rectangle under the curve. */
export const ZIG_RATIO = new Float64Array(ZIG_LAYERS);

{
  let f = det.exp(-0.5 * ZIG_R * ZIG_R);
  ZIG_X[0] = ZIG_V / f;
  ZIG_X[1] = ZIG_R;
  ZIG_X[ZIG_LAYERS] = 0;
  for (let i = 2; i < ZIG_LAYERS; i++) {
    ZIG_X[i] = Math.sqrt(-2 * det.log(ZIG_V / ZIG_X[i - 1] + f));
    f = det.exp(-0.5 * ZIG_X[i] * ZIG_X[i]);
  }
  for (let i = 0; i < ZIG_LAYERS; i++) ZIG_RATIO[i] = ZIG_X[i + 1] / ZIG_X[i];
}
