/**
 * Starts Monte-Carlo neurons in the stationary state of the Fokker–Planck equation, so a run
 * begins without a transient: each neuron is refractory with probability ν·τ_ref (remaining
 * steps uniform in 1..round(τ_ref/dt)) and otherwise takes a voltage drawn from the stationary
 * density (inverse CDF over the piecewise-constant cells).
 */
import type { Rng } from '../core/rng';
import type { FpGrid } from './fokkerPlanck';
import type { WhiteNoiseIfGroup } from './whiteNoiseIf';

export function sampleStationaryState(g: WhiteNoiseIfGroup, grid: FpGrid, density: Float64Array, rng: Rng, start = 0, count = g.size): void {
  const cdf = new Float64Array(grid.cells);
  let acc = 0;
  for (let i = 0; i < grid.cells; i++) cdf[i] = acc += density[i] * grid.h;
  const refSteps = Math.round(g.params.t_ref / g.dt);
  const pRef = 1 - acc;
  for (let n = start; n < start + count; n++) {
    const u = rng.uniform();
    if (refSteps > 0 && u < pRef) {
      g.refr[n] = 1 + Math.min(refSteps - 1, Math.floor((u / pRef) * refSteps));
      g.v[n] = g.params.v_reset;
      continue;
    }
    g.refr[n] = 0;
    const target = (u - (refSteps > 0 ? pRef : 0)) / (refSteps > 0 ? 1 - pRef : 1) * acc;
    let lo = 0, hi = grid.cells - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < target) lo = mid + 1;
      else hi = mid;
    }
    const below = lo > 0 ? cdf[lo - 1] : 0;
    const frac = density[lo] > 0 ? (target - below) / (density[lo] * grid.h) : 0.5;
    g.v[n] = grid.vLow + (lo + Math.min(1, Math.max(0, frac))) * grid.h;
  }
}
