/**
 * Dense projection: a full row-major weight matrix W (nPre × nPost, mV). For each presynaptic
 * spike i in the source range, g_j ← g_j + W[i, j] for every j. Use it for small all-to-all
 * layers (plastic feed-forward inputs); use SparseProjection when most entries are zero.
 */
import { digestValue } from '../core/stateDigest';
import type { Component, ComponentSnapshot, StepContext } from '../core/component';
import { resolveProjectionSpec, type ProjectionSpec, type ResolvedSpec } from './projection';

export class DenseProjection implements Component {
  readonly name: string;
  readonly nPre: number;
  readonly nPost: number;
  private readonly r: ResolvedSpec;
  /** Synaptic events delivered since construction (statistics only; not part of the state). */
  deliveredEvents = 0;

  /** @param w row-major weights, length nPre·nPost (kept by reference) */
  constructor(readonly spec: ProjectionSpec, readonly w: Float32Array) {
    this.name = spec.name;
    this.r = resolveProjectionSpec(spec);
    this.nPre = this.r.count;
    this.nPost = spec.target.size;
    if (w.length !== this.nPre * this.nPost) throw new Error(`${spec.name}: weight matrix has ${w.length} entries, expected ${this.nPre * this.nPost}`);
  }

  get synapseCount(): number {
    return this.w.length;
  }

  propagate(ctx: StepContext): void {
    const src = this.spec.source;
    const n = src.spikeCount;
    if (n === 0) return;
    const { start, delay } = this.r;
    const { arr, offset } = this.spec.target.inputTarget(this.spec.receptor, delay, ctx.clock.step);
    const w = this.w;
    const nPost = this.nPost;
    const spikes = src.spikes;
    const end = start + this.nPre;
    for (let s = 0; s < n; s++) {
      const i = spikes[s];
      if (i < start || i >= end) continue;
      const base = (i - start) * nPost;
      for (let j = 0; j < nPost; j++) arr[offset + j] += w[base + j];
      this.deliveredEvents += nPost;
    }
  }

  snapshot(): ComponentSnapshot {
    return { w: this.w.slice() };
  }

  /** The digest of snapshot(), hashed from the live weights without copying them. */
  digest(h: number): number {
    return digestValue(h, { w: this.w });
  }

  restore(s: ComponentSnapshot): void {
    this.w.set(s.w as Float32Array);
  }
}
