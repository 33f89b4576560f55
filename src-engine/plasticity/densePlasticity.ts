/**
 * DensePlasticity: runs a PairwiseRule on a DenseProjection inside a network. Each step (in the
 * plasticity slot, after this step's spikes were propagated with the old weights) it decays the
 * traces by dt, then applies the presynaptic spikes of the projection's source range and the
 * postsynaptic spikes of the target group, in that order. It can be switched off (`enabled`).
 */
import type { Component, ComponentSnapshot, SpikeSource, StepContext } from '../core/component';
import type { DenseProjection } from '../synapses/denseProjection';
import type { PairwiseRule } from './pairwiseRule';

export class DensePlasticity implements Component {
  /** When false the weights stay fixed (traces still follow the spikes). */
  enabled = true;
  /** While plasticity is off, updates go to this throw-away copy so the traces still evolve. */
  private scratch: Float32Array | null = null;

  constructor(
    readonly name: string,
    readonly proj: DenseProjection,
    readonly post: SpikeSource,
    readonly rule: PairwiseRule,
  ) {}

  plasticity(ctx: StepContext): void {
    const { proj, rule } = this;
    rule.decay(ctx.clock.dt);
    const w = this.enabled ? proj.w : (this.scratch ??= new Float32Array(proj.w.length));
    const src = proj.spec.source;
    const start = proj.spec.sourceStart ?? 0;
    const end = start + proj.nPre;
    for (let s = 0; s < src.spikeCount; s++) {
      const i = src.spikes[s];
      if (i >= start && i < end) rule.onPre(i - start, w, proj.nPost);
    }
    for (let s = 0; s < this.post.spikeCount; s++) rule.onPost(this.post.spikes[s], w, proj.nPre, proj.nPost);
  }

  snapshot(): ComponentSnapshot {
    return { rule: this.rule.snapshot(), enabled: this.enabled };
  }

  restore(s: ComponentSnapshot): void {
    this.rule.restore(s.rule as ComponentSnapshot);
    this.enabled = s.enabled as boolean;
  }
}
