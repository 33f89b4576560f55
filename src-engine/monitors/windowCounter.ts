/**
 * WindowCounter: spike count of a source per block of `blockSteps` steps, kept for the whole run
 * (one number per block), plus an optional per-block sample of another quantity (e.g. the mean
 * weight). Gives learning curves (rate per second over time) and "rate over the last T seconds".
 */
import type { ComponentSnapshot, SpikeSource, StepContext } from '../core/component';

export class WindowCounter {
  /** Spike counts of completed blocks. */
  counts: number[] = [];
  /** Samples taken at the end of each completed block. */
  samples: number[] = [];
  private current = 0;
  private inBlock = 0;

  constructor(
    readonly name: string,
    readonly source: SpikeSource,
    readonly blockSteps: number,
    private readonly sample: () => number = () => NaN,
    /** Counted index range of the source (default: all of it). */
    readonly start = 0,
    readonly count = source.size,
  ) {}

  monitor(_ctx: StepContext): void {
    const sp = this.source.spikes;
    const end = this.start + this.count;
    if (this.start === 0 && end === this.source.size) this.current += this.source.spikeCount;
    else for (let s = 0; s < this.source.spikeCount; s++) if (sp[s] >= this.start && sp[s] < end) this.current++;
    if (++this.inBlock === this.blockSteps) {
      this.counts.push(this.current);
      this.samples.push(this.sample());
      this.current = 0;
      this.inBlock = 0;
    }
  }

  /** Mean rate per neuron (Hz) over the last `blocks` completed blocks (all if fewer); NaN if none. */
  recentRate(blocks: number, dt: number): number {
    const n = Math.min(blocks, this.counts.length);
    if (n === 0) return NaN;
    let s = 0;
    for (let k = this.counts.length - n; k < this.counts.length; k++) s += this.counts[k];
    return (s * 1000) / (n * this.blockSteps * dt * this.count);
  }

  snapshot(): ComponentSnapshot {
    return { counts: [...this.counts], samples: [...this.samples], current: this.current, inBlock: this.inBlock };
  }

  restore(s: ComponentSnapshot): void {
    this.counts = [...(s.counts as number[])];
    this.samples = [...(s.samples as number[])];
    this.current = s.current as number;
    this.inBlock = s.inBlock as number;
  }
}
