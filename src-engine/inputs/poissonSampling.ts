/**
 * Exact sampling of independent Poisson counts with mean λ = ν·dt per slot, visiting only
 * the slots that receive events. The gap to the next slot with at least one event is
 * geometric: P(no event) = e^{−λ}, so gap = floor(−ln(u)/λ). A slot that has events gets a
 * zero-truncated Poisson count by inversion. Cost: O(events), not O(slots).
 */
import type { Rng } from '../core/rng';
import * as det from '../core/detMath';

/**
 * Calls `hit(i, k)` for each slot i in [0, n) that receives k ≥ 1 events, in ascending i.
 * `hit` must not allocate; it is called from the simulation's hot path.
 */
export function forEachPoissonHit(rng: Rng, n: number, lambda: number, hit: (i: number, k: number) => void): void {
  if (!(lambda > 0) || n <= 0) return;
  const p0 = det.exp(-lambda);
  if (p0 <= 0) throw new Error(`Poisson mean per step too large: ${lambda}`);
  let i = Math.floor(-det.log(rng.uniform()) / lambda);
  while (i < n) {
    hit(i, truncatedCount(rng, lambda, p0));
    i += 1 + Math.floor(-det.log(rng.uniform()) / lambda);
  }
}

/** Poisson count conditioned on k ≥ 1 (inverse transform on the conditional CDF). */
export function truncatedCount(rng: Rng, lambda: number, p0: number): number {
  const u = p0 + rng.uniform() * (1 - p0);
  let p = p0 * lambda;
  let cdf = p0 + p;
  let k = 1;
  while (u > cdf && k < 10000) {
    k++;
    p *= lambda / k;
    cdf += p;
  }
  return k;
}
