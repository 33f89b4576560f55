/**
 * SpikeMonitor: a ring buffer of the most recent spikes of every neuron group, as parallel
 * Int32Arrays of (step, global neuron id). `total` counts every spike ever recorded; a reader
 * keeps its own cursor and calls read(cursor): spikes overwritten before it read them are
 * reported as dropped, never queued without bound.
 */
import type { StepContext } from '../core/component';
import type { Network } from '../core/network';

export interface SpikeBatch {
  steps: Int32Array;
  ids: Int32Array;
  /** Cursor to pass to the next read. */
  next: number;
  /** Spikes lost to overwriting since the given cursor. */
  dropped: number;
}

export class SpikeMonitor {
  readonly name = 'spike-monitor';
  private readonly steps: Int32Array;
  private readonly ids: Int32Array;
  /** Spikes recorded since the start (or the last restore). */
  total = 0;

  /** @param capacity number of spikes kept (rounded up to a power of two) */
  constructor(private readonly net: Network, capacity = 1 << 20) {
    let cap = 1;
    while (cap < capacity) cap <<= 1;
    this.steps = new Int32Array(cap);
    this.ids = new Int32Array(cap);
  }

  get capacity(): number {
    return this.steps.length;
  }

  monitor(ctx: StepContext): void {
    const step = ctx.clock.step;
    const mask = this.steps.length - 1;
    const groups = this.net.neuronGroups;
    let t = this.total;
    for (let g = 0; g < groups.length; g++) {
      const grp = groups[g];
      const off = this.net.idOffsets[g];
      const sp = grp.spikes;
      for (let s = 0; s < grp.spikeCount; s++) {
        const k = t & mask;
        this.steps[k] = step;
        this.ids[k] = off + sp[s];
        t++;
      }
    }
    this.total = t;
  }

  /** Copies the spikes recorded since `cursor` into fresh arrays (safe to transfer). */
  read(cursor: number): SpikeBatch {
    const first = Math.max(cursor, this.total - this.steps.length);
    const n = Math.max(0, this.total - first);
    const steps = new Int32Array(n);
    const ids = new Int32Array(n);
    const mask = this.steps.length - 1;
    for (let j = 0; j < n; j++) {
      const k = (first + j) & mask;
      steps[j] = this.steps[k];
      ids[j] = this.ids[k];
    }
    return { steps, ids, next: this.total, dropped: first - cursor > 0 ? first - cursor : 0 };
  }

  /** Forgets the buffered spikes (after a restore the old ones belong to another history). */
  clear(): void {
    this.total = 0;
  }
}
