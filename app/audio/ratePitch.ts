/**
 * Pitch for a rate (rate-coded experiments have no spikes to click): the latest value of a
 * chosen series, placed within the range the series has shown so far, sets the pitch on a
 * logarithmic scale from LOW_HZ to HIGH_HZ (two octaves), so equal ratios sound as equal steps:
 *   f = LOW_HZ · (HIGH_HZ / LOW_HZ)^((v − min) / (max − min)).
 * A flat series sits at the middle of the range.
 */
export const LOW_HZ = 220;
export const HIGH_HZ = 880;

export function pitchHz(value: number, min: number, max: number): number {
  if (!Number.isFinite(value)) return NaN;
  const u = max > min ? Math.min(1, Math.max(0, (value - min) / (max - min))) : 0.5;
  return LOW_HZ * (HIGH_HZ / LOW_HZ) ** u;
}

/** Latest value and range of a series (finite values only); null when it has none. */
export function seriesRange(y: readonly number[]): { last: number; min: number; max: number } | null {
  let min = Infinity, max = -Infinity, last = NaN;
  for (const v of y) {
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
    last = v;
  }
  return Number.isFinite(last) ? { last, min, max } : null;
}
