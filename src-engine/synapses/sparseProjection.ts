/**
 * Event-driven sparse projection (CSR). For each presynaptic spike i in the source range,
 * every synapse of row i adds its weight to the target receptor:  g_j ← g_j + w_ij  (mV).
 * Work per step is proportional to the synaptic events, not to the number of synapses.
 */
import type { Component, ComponentSnapshot, StepContext } from '../core/component';
import { mixBytes, mixWord } from '../core/stateDigest';
import type { Csr } from './csr';
import { resolveProjectionSpec, type ProjectionSpec, type ResolvedSpec } from './projection';

export class SparseProjection implements Component {
  readonly name: string;
  private readonly r: ResolvedSpec;
  /** Synaptic events delivered since construction (statistics only; not part of the state). */
  deliveredEvents = 0;
  /**
   * The weights change only through fillWeights() and restore() (nothing else writes csr.w), so
   * their hash is kept and recomputed only after one of those: the state digest of a large static
   * network (2 million weights at cuba-10k) then costs nothing per fold.
   */
  private wHash = 0;
  private wHashValid = false;

  constructor(readonly spec: ProjectionSpec, readonly csr: Csr) {
    this.name = spec.name;
    this.r = resolveProjectionSpec(spec);
    if (csr.nPre !== this.r.count || csr.nPost !== spec.target.size) {
      throw new Error(`${spec.name}: CSR is ${csr.nPre}×${csr.nPost}, expected ${this.r.count}×${spec.target.size}`);
    }
  }

  get synapseCount(): number {
    return this.csr.col.length;
  }

  propagate(ctx: StepContext): void {
    const src = this.spec.source;
    const n = src.spikeCount;
    if (n === 0) return;
    const { start, count, delay } = this.r;
    const { arr, offset } = this.spec.target.inputTarget(this.spec.receptor, delay, ctx.clock.step);
    const { rowPtr, col, w } = this.csr;
    const spikes = src.spikes;
    const end = start + count;
    let events = 0;
    for (let s = 0; s < n; s++) {
      const i = spikes[s];
      if (i < start || i >= end) continue;
      const row = i - start;
      const kStart = rowPtr[row];
      const kEnd = rowPtr[row + 1];
      events += kEnd - kStart;
      for (let k = kStart; k < kEnd; k++) arr[offset + col[k]] += w[k];
    }
    this.deliveredEvents += events;
  }

  /** Sets every weight to `value` (used by live weight parameters). */
  fillWeights(value: number): void {
    this.csr.w.fill(value);
    this.wHashValid = false;
  }

  digest(h: number): number {
    if (!this.wHashValid) {
      this.wHash = mixBytes(0x3243f6a8, this.csr.w);
      this.wHashValid = true;
    }
    return mixWord(h, this.wHash);
  }

  snapshot(): ComponentSnapshot {
    return { w: this.csr.w.slice() };
  }

  restore(s: ComponentSnapshot): void {
    this.csr.w.set(s.w as Float32Array);
    this.wHashValid = false;
  }
}
