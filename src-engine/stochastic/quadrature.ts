/**
 * Adaptive Simpson quadrature with Richardson extrapolation (Lyness 1969). Recursion depth is
 * bounded; the tolerance is absolute per panel, scaled from the caller's relative tolerance by a
 * first coarse estimate. Used for the Siegert integrals, whose integrands are smooth.
 */

/** ∫_a^b f(x) dx to about `relTol` relative accuracy. */
export function integrate(f: (x: number) => number, a: number, b: number, relTol = 1e-10): number {
  if (a === b) return 0;
  if (a > b) return -integrate(f, b, a, relTol);
  // A coarse 16-panel estimate sets the absolute scale of the tolerance.
  const panels = 16;
  const h = (b - a) / panels;
  let coarse = 0;
  const fx: number[] = [];
  for (let k = 0; k <= 2 * panels; k++) fx.push(f(a + (k * h) / 2));
  for (let k = 0; k < panels; k++) coarse += (h / 6) * (fx[2 * k] + 4 * fx[2 * k + 1] + fx[2 * k + 2]);
  const tol = Math.max(Math.abs(coarse) * relTol, Number.MIN_VALUE);
  let total = 0;
  for (let k = 0; k < panels; k++) {
    const x0 = a + k * h;
    const whole = (h / 6) * (fx[2 * k] + 4 * fx[2 * k + 1] + fx[2 * k + 2]);
    total += simpson(f, x0, x0 + h, fx[2 * k], fx[2 * k + 1], fx[2 * k + 2], whole, tol / panels, 40);
  }
  return total;
}

function simpson(f: (x: number) => number, a: number, b: number, fa: number, fm: number, fb: number, whole: number, tol: number, depth: number): number {
  const m = (a + b) / 2;
  const lm = (a + m) / 2, rm = (m + b) / 2;
  const flm = f(lm), frm = f(rm);
  const left = ((m - a) / 6) * (fa + 4 * flm + fm);
  const right = ((b - m) / 6) * (fm + 4 * frm + fb);
  const diff = left + right - whole;
  if (depth <= 0 || Math.abs(diff) <= 15 * tol) return left + right + diff / 15;
  return simpson(f, a, m, fa, flm, fm, left, tol / 2, depth - 1) + simpson(f, m, b, fm, frm, fb, right, tol / 2, depth - 1);
}
