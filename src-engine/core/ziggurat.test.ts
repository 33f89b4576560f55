/**
 * The ziggurat normal generator (Rng.normal, core/ziggurat.ts) against the standard normal:
 * the layer construction, moments up to the sixth, the probability of every tail band out to 5σ
 * (the base layer's exact tail sampler starts at r ≈ 3.44σ), and a χ² test over the whole line.
 * Fixed seeds; bounds are 3–4 standard errors.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from './rng';
import { chiSquare, momentErrors, normalTail, tailErrors } from './normalChecks';
import { ZIG_LAYERS, ZIG_R, ZIG_RATIO, ZIG_X } from './ziggurat';

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
    for (const e of momentErrors(xs)) expect(e).toBeLessThan(4);
  });

  it('tails: P(|Z| > k) for k = 1 … 5 and P(Z > r) at the base layer edge, each side', () => {
    for (const e of tailErrors(xs, [1, 2, 3, ZIG_R, 4, 4.5, 5])) expect(e).toBeLessThan(4);
  });

  it('χ² over 64 equiprobable bins of the whole line, and consecutive draws uncorrelated', () => {
    const chi2 = chiSquare(xs, 64);
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
