/**
 * FramePoissonGroup: an image-sequence stream rate-coded into Poisson spikes (SCIENCE.md §9.3).
 * Source i (pixel i) fires at r_i = r_min + (r_max − r_min)·I_i Hz, the frame being held for
 * `frameSteps` steps before the stream advances. Counts per step are exact Poisson draws.
 */
import type { Component, SpikeSource, StepContext } from '../core/component';
import type { FrameSequence } from './frameSequences';
import { truncatedCount } from './poissonSampling';
import * as det from '../core/detMath';

export class FramePoissonGroup implements SpikeSource, Component {
  readonly size: number;
  spikes: Int32Array;
  spikeCount = 0;
  /** Completed frames (the stream advances at the first step and then every frameSteps steps). */
  frames = 0;
  private inFrame = 0;

  constructor(readonly name: string, readonly stream: FrameSequence, readonly frameSteps: number, public rMin: number, public rMax: number) {
    this.size = stream.frame.length;
    this.spikes = new Int32Array(this.size * 4);
  }

  input(ctx: StepContext): void {
    if (this.inFrame === 0) this.stream.next(ctx.rng);
    if (++this.inFrame === this.frameSteps) {
      this.inFrame = 0;
      this.frames++;
    }
    this.spikeCount = 0;
    const f = this.stream.frame;
    const dt = ctx.clock.dt / 1000;
    for (let i = 0; i < this.size; i++) {
      const lam = (this.rMin + (this.rMax - this.rMin) * f[i]) * dt;
      const p0 = det.exp(-lam);
      if (ctx.rng.uniform() < p0) continue;
      const k = truncatedCount(ctx.rng, lam, p0);
      for (let j = 0; j < k && this.spikeCount < this.spikes.length; j++) this.spikes[this.spikeCount++] = i;
    }
  }

  /** True on the last step of a frame (after input() ran). */
  get frameEnds(): boolean {
    return this.inFrame === 0;
  }

  snapshot(): Record<string, unknown> {
    return { frames: this.frames, inFrame: this.inFrame, stream: this.stream.snapshot() };
  }

  restore(s: Record<string, unknown>): void {
    this.frames = s.frames as number;
    this.inFrame = s.inFrame as number;
    this.stream.restore(s.stream as Record<string, unknown>);
  }
}
