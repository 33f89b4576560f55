/**
 * PopulationRateMonitor: spike count of a source range per bin of `binSteps` steps, converted
 * to the population rate r = count / (n · binSteps · dt) in Hz. Completed bins go into a ring
 * buffer read with a cursor (like SpikeMonitor); running totals give the mean rate since t = 0.
 */
import type { ComponentSnapshot, SpikeSource } from '../core/component';
import { digestValue } from '../core/stateDigest';

export interface RateBatch {
  /** Rate per completed bin (Hz). */
  rates: Float32Array;
  /** Index of the first returned bin (bin b covers steps [b·binSteps, (b+1)·binSteps)). */
  firstBin: number;
  next: number;
}

export class PopulationRateMonitor {
  private readonly ring: Float32Array;
  private current = 0;
  private inBin = 0;
  /** Completed bins. */
  bins = 0;
  /** Spikes counted since t = 0. */
  totalSpikes = 0;
  /** Steps observed since t = 0. */
  totalSteps = 0;

  constructor(
    readonly name: string,
    readonly source: SpikeSource,
    readonly start: number,
    readonly count: number,
    readonly binSteps: number,
    readonly dt: number,
    capacity = 4096,
  ) {
    this.ring = new Float32Array(capacity);
  }

  monitor(): void {
    const sp = this.source.spikes;
    const end = this.start + this.count;
    let c = 0;
    if (this.start === 0 && end === this.source.size) c = this.source.spikeCount;
    else for (let s = 0; s < this.source.spikeCount; s++) if (sp[s] >= this.start && sp[s] < end) c++;
    this.current += c;
    this.totalSpikes += c;
    this.totalSteps++;
    if (++this.inBin === this.binSteps) {
      this.ring[this.bins % this.ring.length] = (this.current * 1000) / (this.count * this.binSteps * this.dt);
      this.bins++;
      this.current = 0;
      this.inBin = 0;
    }
  }

  /** Mean rate per neuron since t = 0 (Hz). */
  meanRate(): number {
    return this.totalSteps === 0 ? 0 : (this.totalSpikes * 1000) / (this.count * this.totalSteps * this.dt);
  }

  read(cursor: number): RateBatch {
    const first = Math.max(cursor, this.bins - this.ring.length);
    const n = Math.max(0, this.bins - first);
    const rates = new Float32Array(n);
    for (let j = 0; j < n; j++) rates[j] = this.ring[(first + j) % this.ring.length];
    return { rates, firstBin: first, next: this.bins };
  }

  snapshot(): ComponentSnapshot {
    return { ...this.state(), ring: this.ring.slice() };
  }

  /** The snapshot's digest, hashing the ring in place. */
  digest(h: number): number {
    return digestValue(h, this.state());
  }

  private state(): ComponentSnapshot {
    return { current: this.current, inBin: this.inBin, bins: this.bins, totalSpikes: this.totalSpikes, totalSteps: this.totalSteps, ring: this.ring };
  }

  restore(s: ComponentSnapshot): void {
    this.current = s.current as number;
    this.inBin = s.inBin as number;
    this.bins = s.bins as number;
    this.totalSpikes = s.totalSpikes as number;
    this.totalSteps = s.totalSteps as number;
    this.ring.set(s.ring as Float32Array);
  }
}

