/**
 * Smooth latent signals for the spiking LPL network (SCIENCE.md §9.2, after mk_rates.py):
 *   s(t) = Σ_{i=0}^{127} (a_i/α^i)·sin(2π i (t + b_i)/T),  a_i, b_i ~ U(0, 1),  α = 1.1
 * standardised to zero mean and unit variance, turned into a rate r(t) = max(0.1, 5 + 4·s(t)) Hz,
 * sampled every `sample_ms` over `periods` periods (then looped). The control is the same samples
 * shuffled in time: identical rate histogram, no temporal structure.
 */
import type { Rng } from '../core/rng';
import * as det from '../core/detMath';

export function slowSignalRates(rng: Rng, periodS: number, sampleMs = 10, periods = 11): Float32Array {
  const n = Math.round((periods * periodS * 1000) / sampleMs);
  const a = Array.from({ length: 128 }, () => rng.uniform());
  const b = Array.from({ length: 128 }, () => rng.uniform());
  const s = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const t = (k * sampleMs) / 1000;
    let v = 0;
    for (let i = 0; i < 128; i++) v += (a[i] / 1.1 ** i) * det.sin((2 * Math.PI * i * (t + b[i])) / periodS);
    s[k] = v;
  }
  let m = 0, m2 = 0;
  for (const v of s) {
    m += v;
    m2 += v * v;
  }
  m /= n;
  const sd = Math.sqrt(Math.max(1e-12, m2 / n - m * m));
  const r = new Float32Array(n);
  for (let k = 0; k < n; k++) r[k] = Math.max(0.1, 5 + (4 * (s[k] - m)) / sd);
  return r;
}

/** The same samples in a random order (Fisher–Yates with the given generator). */
export function shuffled(rng: Rng, x: Float32Array): Float32Array {
  const y = x.slice();
  for (let i = y.length - 1; i > 0; i--) {
    const j = Math.floor(rng.uniform() * (i + 1));
    const t = y[i];
    y[i] = y[j];
    y[j] = t;
  }
  return y;
}

/** Lag-1 autocorrelation of a sequence. */
export function lag1(x: Float32Array): number {
  let m = 0;
  for (const v of x) m += v;
  m /= x.length;
  let num = 0, den = 0;
  for (let k = 0; k < x.length; k++) {
    den += (x[k] - m) ** 2;
    if (k > 0) num += (x[k] - m) * (x[k - 1] - m);
  }
  return num / den;
}
