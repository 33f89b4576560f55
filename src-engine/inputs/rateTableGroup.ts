/**
 * RateTableGroup: inhomogeneous Poisson sources in groups; every source of group g fires at the
 * rate table_g[⌊t / sample_ms⌋ mod length] (Hz), piecewise constant per sample (SCIENCE.md §9.3).
 * Sources of a group are independent; sampling skips silent sources (poissonSampling.ts).
 */
import type { Component, SpikeSource, StepContext } from '../core/component';
import { forEachPoissonHit } from './poissonSampling';

export interface RateGroup {
  label: string;
  count: number;
  /** Rates (Hz) per sample. */
  table: Float32Array;
}

export class RateTableGroup implements SpikeSource, Component {
  readonly size: number;
  spikes: Int32Array;
  spikeCount = 0;
  /** First source index of each group. */
  readonly starts: number[] = [];
  private offset = 0;
  private readonly hit = (i: number, k: number): void => {
    if (this.spikeCount + k > this.spikes.length) {
      const next = new Int32Array(Math.max(this.spikeCount + k, this.spikes.length * 2));
      next.set(this.spikes);
      this.spikes = next;
    }
    for (let j = 0; j < k; j++) this.spikes[this.spikeCount++] = this.offset + i;
  };

  constructor(readonly name: string, readonly groups: RateGroup[], readonly sampleMs: number) {
    let n = 0;
    for (const g of groups) {
      this.starts.push(n);
      n += g.count;
    }
    this.size = n;
    this.spikes = new Int32Array(Math.max(16, n));
  }

  /** Rate of group g at time t (ms). */
  rateAt(g: number, tMs: number): number {
    const table = this.groups[g].table;
    return table[Math.floor(tMs / this.sampleMs) % table.length];
  }

  input(ctx: StepContext): void {
    this.spikeCount = 0;
    const t = ctx.clock.t;
    for (let g = 0; g < this.groups.length; g++) {
      this.offset = this.starts[g];
      forEachPoissonHit(ctx.rng, this.groups[g].count, (this.rateAt(g, t) * ctx.clock.dt) / 1000, this.hit);
    }
  }
}
