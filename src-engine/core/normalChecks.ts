/**
 * Checks of a sample against the standard normal N(0, 1), shared by the tests of every normal
 * generator (the ziggurat of core/ziggurat.ts, the float32 kernel's Box–Muller lanes): moments up
 * to the sixth, two-sided tail probabilities, and χ² over equiprobable bins. Bounds are 4
 * standard errors of the sample's own size. Test support only; nothing in a run imports it.
 */
import stdlibErfcx from '@stdlib/math-base-special-erfcx';

const erfcx = stdlibErfcx as (x: number) => number;

/** Upper tail Q(x) = P(Z > x) = ½ erfc(x/√2), from erfcx (double precision in the far tail). */
export function normalTail(x: number): number {
  return x < 0 ? 1 - normalTail(-x) : 0.5 * erfcx(x / Math.SQRT2) * Math.exp(-0.5 * x * x);
}

/** |deviation| of each sample moment, in standard errors: mean 0, E[z²] = 1, E[z³] = 0, E[z⁴] = 3, E[z⁶] = 15. */
export function momentErrors(xs: ArrayLike<number>): number[] {
  const n = xs.length;
  let s1 = 0, s2 = 0, s3 = 0, s4 = 0, s6 = 0;
  for (let i = 0; i < n; i++) { const x = xs[i], x2 = x * x; s1 += x; s2 += x2; s3 += x2 * x; s4 += x2 * x2; s6 += x2 * x2 * x2; }
  // Var(z) = 1, Var(z²) = 2, Var(z³) = 15, Var(z⁴) = 96, Var(z⁶) = 10395 − 225.
  return [
    Math.abs(s1 / n) / Math.sqrt(1 / n), Math.abs(s2 / n - 1) / Math.sqrt(2 / n), Math.abs(s3 / n) / Math.sqrt(15 / n),
    Math.abs(s4 / n - 3) / Math.sqrt(96 / n), Math.abs(s6 / n - 15) / Math.sqrt(10170 / n),
  ];
}

/** For each k: |P̂(Z > k) − Q(k)| and |P̂(Z < −k) − Q(k)| in standard errors (plus one count of slack). */
export function tailErrors(xs: ArrayLike<number>, ks: readonly number[]): number[] {
  const n = xs.length, out: number[] = [];
  for (const k of ks) {
    const p = normalTail(k), se = Math.sqrt((p * (1 - p)) / n) + 1 / (4 * n);
    let up = 0, down = 0;
    for (let i = 0; i < n; i++) { if (xs[i] > k) up++; else if (xs[i] < -k) down++; }
    out.push(Math.abs(up / n - p) / se, Math.abs(down / n - p) / se);
  }
  return out;
}

/** χ² of the sample over `bins` equiprobable bins of the whole line (compare with χ²(bins − 1)). */
export function chiSquare(xs: ArrayLike<number>, bins: number): number {
  const edges: number[] = [];
  for (let b = 1; b < bins; b++) {
    let lo = -10, hi = 10;
    for (let it = 0; it < 80; it++) { const mid = (lo + hi) / 2; if (1 - normalTail(mid) < b / bins) lo = mid; else hi = mid; }
    edges.push((lo + hi) / 2);
  }
  const c = new Float64Array(bins);
  for (let i = 0; i < xs.length; i++) {
    let lo = 0, hi = bins - 1;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (xs[i] < edges[mid]) hi = mid; else lo = mid + 1; }
    c[lo]++;
  }
  const e = xs.length / bins;
  return c.reduce((a, x) => a + (x - e) ** 2 / e, 0);
}
