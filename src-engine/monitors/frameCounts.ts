/**
 * FrameCounts: the spike-count vector of a neuron group in each input frame (or fixed time bin),
 * with the frame's sequence index and label, kept for the last `capacity` frames. It turns a
 * spiking network's activity into the samples × units matrix the representation measures
 * (analysis/representation.ts) work on.
 */
import type { ComponentSnapshot, SpikeSource, StepContext } from '../core/component';

export class FrameCounts {
  /** Samples in order of completion: counts (size values each), sequence index, label. */
  counts: number[][] = [];
  seq: number[] = [];
  labels: number[] = [];
  private readonly current: Float64Array;

  /**
   * @param frameEnds   true on the last step of a frame (checked after the group integrated)
   * @param frameInfo   sequence index and label of the frame that just ended
   */
  constructor(
    readonly name: string,
    readonly group: SpikeSource,
    readonly frameEnds: (ctx: StepContext) => boolean,
    readonly frameInfo: () => { seq: number; label: number },
    readonly capacity = 400,
  ) {
    this.current = new Float64Array(group.size);
  }

  monitor(ctx: StepContext): void {
    for (let s = 0; s < this.group.spikeCount; s++) this.current[this.group.spikes[s]]++;
    if (!this.frameEnds(ctx)) return;
    const info = this.frameInfo();
    this.counts.push(Array.from(this.current));
    this.seq.push(info.seq);
    this.labels.push(info.label);
    this.current.fill(0);
    if (this.counts.length > this.capacity) {
      this.counts.shift();
      this.seq.shift();
      this.labels.shift();
    }
  }

  /** The buffered samples as a row-major matrix (samples × units). */
  matrix(): { Z: Float64Array; E: number; M: number } {
    const E = this.counts.length, M = this.group.size;
    const Z = new Float64Array(E * M);
    this.counts.forEach((row, e) => Z.set(row, e * M));
    return { Z, E, M };
  }

  snapshot(): ComponentSnapshot {
    return { counts: this.counts.map((r) => [...r]), seq: [...this.seq], labels: [...this.labels], current: this.current.slice() };
  }

  restore(s: ComponentSnapshot): void {
    this.counts = (s.counts as number[][]).map((r) => [...r]);
    this.seq = [...(s.seq as number[])];
    this.labels = [...(s.labels as number[])];
    this.current.set(s.current as Float64Array);
  }
}
