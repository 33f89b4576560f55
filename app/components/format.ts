/** Small formatting helpers shared by readouts. */

/** Simulated time: ms below 1 s, seconds with 3 decimals above. */
export function formatSimTime(ms: number): string {
  return ms < 1000 ? `${ms.toFixed(1)} ms` : `${(ms / 1000).toFixed(3)} s`;
}

/** A number with a sensible number of significant digits for a parameter readout. */
export function formatValue(x: number, step: number): string {
  if (!Number.isFinite(x)) return '—';
  const decimals = step >= 1 ? 0 : Math.min(6, Math.ceil(-Math.log10(step) - 1e-9));
  return x.toFixed(decimals);
}
