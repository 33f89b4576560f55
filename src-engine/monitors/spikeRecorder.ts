/**
 * SpikeRecorder: keeps every spike of every neuron group since it was added, as (step, global
 * neuron id) in typed arrays that double when full (amortised, no per-step allocation). For
 * exports of the full history (NWB); the display uses the bounded SpikeMonitor instead. Past
 * `limit` spikes it stops recording and sets `overflow`, so a huge run cannot exhaust memory.
 */
import type { StepContext } from '../core/component';
import type { Network } from '../core/network';

export class SpikeRecorder {
  readonly name = 'spike-recorder';
  private stepsBuf = new Int32Array(1 << 12);
  private idsBuf = new Int32Array(1 << 12);
  count = 0;
  overflow = false;

  constructor(private readonly net: Network, private readonly limit: number) {}

  monitor(ctx: StepContext): void {
    if (this.overflow) return;
    const step = ctx.clock.step;
    const groups = this.net.neuronGroups;
    for (let g = 0; g < groups.length; g++) {
      const grp = groups[g];
      const off = this.net.idOffsets[g];
      const n = grp.spikeCount;
      if (n === 0) continue;
      if (this.count + n > this.limit) {
        this.overflow = true;
        return;
      }
      if (this.count + n > this.stepsBuf.length) this.grow(this.count + n);
      const sp = grp.spikes;
      for (let s = 0; s < n; s++) {
        this.stepsBuf[this.count] = step;
        this.idsBuf[this.count] = off + sp[s];
        this.count++;
      }
    }
  }

  private grow(min: number): void {
    let cap = this.stepsBuf.length;
    while (cap < min) cap *= 2;
    const st = new Int32Array(cap);
    const id = new Int32Array(cap);
    st.set(this.stepsBuf.subarray(0, this.count));
    id.set(this.idsBuf.subarray(0, this.count));
    this.stepsBuf = st;
    this.idsBuf = id;
  }

  /** The recorded spikes (views of the internal buffers, in recording order: by step). */
  get steps(): Int32Array {
    return this.stepsBuf.subarray(0, this.count);
  }

  get ids(): Int32Array {
    return this.idsBuf.subarray(0, this.count);
  }
}
