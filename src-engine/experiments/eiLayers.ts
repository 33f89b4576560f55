/**
 * The two layers of a group that holds nE excitatory neurons followed by nI inhibitory ones
 * (balanced-ei, istdp-balance): the raster layers and a population-rate monitor for each (10-step
 * bins), added to the network E first, then I.
 */
import type { SpikeSource } from '../core/component';
import type { Network } from '../core/network';
import { PopulationRateMonitor } from '../monitors/rateMonitor';
import type { RasterLayer } from './types';

export interface EiLayers {
  readonly layers: readonly RasterLayer[];
  /** [excitatory, inhibitory] */
  readonly rates: readonly [PopulationRateMonitor, PopulationRateMonitor];
}

export function eiLayers(net: Network, grp: SpikeSource, nE: number, nI: number, dt: number): EiLayers {
  return {
    layers: [
      { label: 'excitatory', start: 0, count: nE, role: 'exc' },
      { label: 'inhibitory', start: nE, count: nI, role: 'inh' },
    ],
    rates: [
      net.add(new PopulationRateMonitor('rate-exc', grp, 0, nE, 10, dt)),
      net.add(new PopulationRateMonitor('rate-inh', grp, nE, nI, 10, dt)),
    ],
  };
}
