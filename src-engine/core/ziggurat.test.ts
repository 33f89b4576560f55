/**
 * The ziggurat normal generator (Rng.normal, core/ziggurat.ts) against the standard normal:
 * the layer construction, moments up to the sixth, the probability of every tail band out to 5σ
 * (the base layer's exact tail sampler starts at r ≈ 3.44σ), and a χ² test over the whole line.
 * Fixed seeds; bounds are 3–4 standard errors.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from './rng';
import { ZIG_LAYERS, ZIG_R, ZIG_RATIO, ZIG_X } from './ziggurat';

/** Standard normal upper tail Q(x) = P(Z > x) (erfc by a continued fraction / series; |error| < 1e-12). */
function normalTail(x: number): number {
  if (x < 0) return 1 - normalTail(-x);
  if (x < 3) {
    // Φ(x) − ½ by its Taylor series: φ(x)·Σ x^(2k+1)/(1·3·…·(2k+1)).
    let term = x, sum = x;
    for (let k = 1; k < 200; k++) { term *= (x * x) / (2 * k + 1); sum += term; }
    return 0.5 - (sum * Math.exp(-0.5 * x * x)) / Math.sqrt(2 * Math.PI);
  }
  // Continued fraction for Q(x), x ≥ 3 (Lentz).
  let f = x, c = x, d = 0;
  for (let k = 1; k < 300; k++) {
    d = x + k * d; d = 1 / d;
    c = x + k / c;
    f *= c * d;
  }
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI) / f;
}

describe('ziggurat tables', () => {
  it('the 128 layers close at 0, shrink monotonically and have equal area V', () => {
    expect(ZIG_X[ZIG_LAYERS]).toBe(0);
    expect(ZIG_X[1]).toBe(ZIG_R);
    for (let i = 1; i < ZIG_LAYERS; i++) expect(ZIG_X[i + 1]).toBeLessThan(ZIG_X[i]);
    const f = (x: number) => Math.exp(-0.5 * x * x);
    const v = ZIG_X[1] * (f(ZIG_X[2]) - f(ZIG_X[1]));
    for (let i = 2; i < ZIG_LAYERS - 1; i++) expect(ZIG_X[i] * (f(ZIG_X[i + 1]) - f(ZIG_X[i]))).toBeCloseTo(v, 12);
    // The base layer: strip up to r plus the tail beyond r, also of area V.
    const tail = Math.sqrt(2 * Math.PI) * normalTail(ZIG_R);
    expect(ZIG_R * f(ZIG_R) + tail).toBeCloseTo(v, 9);
    // The top layer reaches the peak f(0) = 1.
    expect(ZIG_X[ZIG_LAYERS - 1] * (1 - f(ZIG_X[ZIG_LAYERS - 1]))).toBeCloseTo(v, 6);
    for (let i = 0; i < ZIG_LAYERS - 1; i++) expect(ZIG_RATIO[i]).toBeGreaterThan(0);
    expect(ZIG_RATIO[ZIG_LAYERS - 1]).toBe(0); // the top layer is all wedge
  });
});

describe('Rng.normal (ziggurat): distribution', () => {
  const n = 2_000_000;
  const xs = new Float64Array(n);
  const r = new Rng(20261129);
  for (let i = 0; i < n; i++) xs[i] = r.normal();

  it('moments: mean 0, variance 1, skewness 0, E[z⁴] = 3, E[z⁶] = 15', () => {
    let s1 = 0, s2 = 0, s3 = 0, s4 = 0, s6 = 0;
    for (const x of xs) { const x2 = x * x; s1 += x; s2 += x2; s3 += x2 * x; s4 += x2 * x2; s6 += x2 * x2 * x2; }
    // Standard errors: Var(z) = 1, Var(z²) = 2, Var(z³) = 15, Var(z⁴) = 96, Var(z⁶) = 10395 − 225.
    expect(Math.abs(s1 / n)).toBeLessThan(4 * Math.sqrt(1 / n));
    expect(Math.abs(s2 / n - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
    expect(Math.abs(s3 / n)).toBeLessThan(4 * Math.sqrt(15 / n));
    expect(Math.abs(s4 / n - 3)).toBeLessThan(4 * Math.sqrt(96 / n));
    expect(Math.abs(s6 / n - 15)).toBeLessThan(4 * Math.sqrt(10170 / n));
  });

  it('tails: P(|Z| > k) for k = 1 … 5 and P(Z > r) at the base layer edge, each side', () => {
    for (const k of [1, 2, 3, ZIG_R, 4, 4.5, 5]) {
      const p = normalTail(k);
      let up = 0, down = 0;
      for (const x of xs) { if (x > k) up++; else if (x < -k) down++; }
      const se = Math.sqrt((p * (1 - p)) / n);
      expect(Math.abs(up / n - p)).toBeLessThan(4 * se + 1 / n);
      expect(Math.abs(down / n - p)).toBeLessThan(4 * se + 1 / n);
    }
  });

  it('χ² over 64 equiprobable bins of the whole line, and consecutive draws uncorrelated', () => {
    const bins = 64;
    // Bin edges by bisection on Q.
    const edges: number[] = [];
    for (let b = 1; b < bins; b++) {
      let lo = -10, hi = 10;
      for (let it = 0; it < 80; it++) { const mid = (lo + hi) / 2; if (1 - normalTail(mid) < b / bins) lo = mid; else hi = mid; }
      edges.push((lo + hi) / 2);
    }
    const c = new Float64Array(bins);
    for (const x of xs) {
      let lo = 0, hi = bins - 1;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (x < edges[mid]) hi = mid; else lo = mid + 1; }
      c[lo]++;
    }
    const e = n / bins;
    const chi2 = c.reduce((a, x) => a + (x - e) ** 2 / e, 0);
    // χ²(63): mean 63, SD √126 ≈ 11.2.
    expect(chi2).toBeLessThan(63 + 4 * Math.sqrt(126));
    let cc = 0;
    for (let i = 0; i + 1 < n; i++) cc += xs[i] * xs[i + 1];
    expect(Math.abs(cc / (n - 1))).toBeLessThan(4 / Math.sqrt(n));
  });

  it('the sign and the layer come from separate bits: P(Z > 0 | layer bits) is ½ for every layer', () => {
    // Re-draw with a twin generator and read the layer bits of each first 32-bit word.
    const twin = new Rng(20261129);
    const pos = new Float64Array(ZIG_LAYERS), all = new Float64Array(ZIG_LAYERS);
    for (let i = 0; i < 200_000; i++) {
      const st = twin.getState();
      const layer = twin.nextU32() & 127;
      twin.setState(st);
      const z = twin.normal();
      all[layer]++;
      if (z > 0) pos[layer]++;
    }
    for (let l = 0; l < ZIG_LAYERS; l++) expect(Math.abs(pos[l] / all[l] - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / all[l]));
  });
});
