/**
 * PoissonGroup: `size` independent Poisson spike sources, each at `rate` Hz.
 * In each step source i emits k ~ Poisson(rate·dt) events; k > 1 appears as k repeated
 * entries in the spike list, so projections deliver k jumps (no events are lost at high rates).
 * Sampling skips silent sources (see poissonSampling.ts), so the cost is O(events).
 */
import type { Component, SpikeSource, StepContext } from '../core/component';
import { forEachPoissonHit } from './poissonSampling';

export class PoissonGroup implements SpikeSource, Component {
  spikes: Int32Array;
  spikeCount = 0;
  /** Firing rate of every source (Hz); may change between steps. */
  rate: number;
  private readonly hit = (i: number, k: number): void => {
    if (this.spikeCount + k > this.spikes.length) this.grow(this.spikeCount + k);
    for (let j = 0; j < k; j++) this.spikes[this.spikeCount++] = i;
  };

  constructor(readonly name: string, readonly size: number, rate: number) {
    this.rate = rate;
    this.spikes = new Int32Array(Math.max(16, size));
  }

  input(ctx: StepContext): void {
    this.spikeCount = 0;
    forEachPoissonHit(ctx.rng, this.size, (this.rate * ctx.clock.dt) / 1000, this.hit);
  }

  private grow(min: number): void {
    const next = new Int32Array(Math.max(min, this.spikes.length * 2));
    next.set(this.spikes);
    this.spikes = next;
  }

  snapshot(): Record<string, unknown> {
    return { rate: this.rate };
  }

  restore(s: Record<string, unknown>): void {
    this.rate = s.rate as number;
    this.spikeCount = 0;
  }
}
