/**
 * EpropLayer: a recurrent e-prop LIF layer (epropCore.ts) as a neuron group of the Network.
 * In the integrate slot it advances the layer by one step with the input source's spikes of the
 * same step as x^{t+1} (the input slot runs first), so its spikes reach the raster, the rate
 * monitors and the fingerprint like any other group. Recurrent input is internal to the core.
 * Learning signals and weight updates belong to the experiment (plasticity slot).
 */
import type { ComponentSnapshot, SpikeSource } from '../core/component';
import type { NeuronGroupLike } from '../core/network';
import type { EpropCore } from './epropCore';

export class EpropLayer implements NeuronGroupLike {
  readonly size: number;
  readonly spikes: Int32Array;
  spikeCount = 0;

  constructor(readonly name: string, readonly core: EpropCore, readonly source: SpikeSource) {
    this.size = core.n;
    this.spikes = core.spikes;
  }

  integrate(): void {
    this.core.step(this.source.spikes, this.source.spikeCount);
    this.spikeCount = this.core.spikeCount;
  }

  snapshot(): ComponentSnapshot {
    return this.core.snapshot();
  }

  restore(s: ComponentSnapshot): void {
    this.core.restore(s);
    this.spikeCount = this.core.spikeCount;
  }
}
