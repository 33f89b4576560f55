/** Rounds a metric to `digits` decimals for JSON output; non-finite values become null. */
export function roundMetric(x: number, digits = 4): number | null {
  if (!Number.isFinite(x)) return null;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
