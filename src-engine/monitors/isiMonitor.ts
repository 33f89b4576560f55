/**
 * IsiMonitor: per-neuron inter-spike-interval statistics of a group, accumulated online
 * (count, Σisi, Σisi²) so the coefficient of variation CV = std(ISI)/mean(ISI) of each neuron
 * is available at any time without storing spike trains. Irregular (Poisson-like) firing has
 * CV ≈ 1; regular firing has CV ≈ 0.
 */
import type { ComponentSnapshot, SpikeSource, StepContext } from '../core/component';
import { digestValue } from '../core/stateDigest';

export class IsiMonitor {
  private readonly last: Int32Array;
  private readonly n: Int32Array;
  private readonly sum: Float64Array;
  private readonly sumSq: Float64Array;

  constructor(readonly name: string, readonly source: SpikeSource) {
    this.last = new Int32Array(source.size).fill(-1);
    this.n = new Int32Array(source.size);
    this.sum = new Float64Array(source.size);
    this.sumSq = new Float64Array(source.size);
  }

  monitor(ctx: StepContext): void {
    const step = ctx.clock.step;
    const sp = this.source.spikes;
    for (let s = 0; s < this.source.spikeCount; s++) {
      const i = sp[s];
      const prev = this.last[i];
      if (prev >= 0) {
        const isi = step - prev;
        this.n[i]++;
        this.sum[i] += isi;
        this.sumSq[i] += isi * isi;
      }
      this.last[i] = step;
    }
  }

  /** Mean CV over the neurons in [start, start+count) with at least `minIsis` intervals; NaN if none. */
  meanCv(start = 0, count = this.source.size, minIsis = 3): number {
    let acc = 0;
    let k = 0;
    for (let i = start; i < start + count; i++) {
      const m = this.n[i];
      if (m < minIsis) continue;
      const mean = this.sum[i] / m;
      const v = Math.max(0, this.sumSq[i] / m - mean * mean);
      acc += Math.sqrt(v) / mean;
      k++;
    }
    return k === 0 ? NaN : acc / k;
  }

  snapshot(): ComponentSnapshot {
    return { last: this.last.slice(), n: this.n.slice(), sum: this.sum.slice(), sumSq: this.sumSq.slice() };
  }

  /** The snapshot's digest, hashing the arrays in place. */
  digest(h: number): number {
    return digestValue(h, { last: this.last, n: this.n, sum: this.sum, sumSq: this.sumSq });
  }

  restore(s: ComponentSnapshot): void {
    this.last.set(s.last as Int32Array);
    this.n.set(s.n as Int32Array);
    this.sum.set(s.sum as Float64Array);
    this.sumSq.set(s.sumSq as Float64Array);
  }
}
