/** Small formatting helpers shared by readouts. */

/** Simulated time: ms below 1 s, seconds with 3 decimals above. */
export function formatSimTime(ms: number): string {
  return ms < 1000 ? `${ms.toFixed(1)} ms` : `${(ms / 1000).toFixed(3)} s`;
}

/** A number with a sensible number of significant digits for a parameter readout. */
export function formatValue(x: number, step: number): string {
  if (!Number.isFinite(x)) return '—';
  // As many decimals as the slider step has (0.00025 → 5), so every reachable value shows exactly.
  const text = String(step);
  const decimals = text.includes('e-') ? Math.min(8, Number(text.split('e-')[1])) : Math.min(8, (text.split('.')[1] ?? '').length);
  return x.toFixed(decimals);
}
