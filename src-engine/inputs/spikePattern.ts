/**
 * A fixed spike pattern of period P steps, stored per step in CSR form (ptr[s]..ptr[s+1] index
 * the ids that spike at step s of the period), and PatternInput, a spike source that replays it
 * forever: at global step n it emits the ids of step n mod P. Used for SuperSpike's frozen
 * Poisson inputs and target rasters, and e-prop's frozen inputs (SCIENCE.md §4.3, §5.2).
 */
import type { Component, SpikeSource, StepContext } from '../core/component';
import type { Rng } from '../core/rng';

export interface SpikePattern {
  readonly size: number;
  readonly periodSteps: number;
  /** Length periodSteps + 1. */
  readonly ptr: Int32Array;
  readonly ids: Int32Array;
}

/** Builds a pattern from (step, id) events (any order; steps must lie in [0, periodSteps)). */
export function patternFromEvents(size: number, periodSteps: number, steps: ArrayLike<number>, ids: ArrayLike<number>): SpikePattern {
  const ptr = new Int32Array(periodSteps + 1);
  for (let k = 0; k < steps.length; k++) {
    if (steps[k] < 0 || steps[k] >= periodSteps) throw new Error(`pattern event at step ${steps[k]} outside [0, ${periodSteps})`);
    ptr[steps[k] + 1]++;
  }
  for (let s = 0; s < periodSteps; s++) ptr[s + 1] += ptr[s];
  const fill = ptr.slice(0, periodSteps);
  const out = new Int32Array(steps.length);
  for (let k = 0; k < steps.length; k++) out[fill[steps[k]]++] = ids[k];
  return { size, periodSteps, ptr, ids: out };
}

/** Frozen Poisson pattern: each of `size` inputs fires as a Poisson process at rateHz (at most one spike per step). */
export function frozenPoissonPattern(rng: Rng, size: number, rateHz: number, periodSteps: number, dt: number): SpikePattern {
  const p = (rateHz * dt) / 1000;
  const steps: number[] = [];
  const ids: number[] = [];
  for (let s = 0; s < periodSteps; s++) {
    for (let i = 0; i < size; i++) {
      if (rng.uniform() < p) {
        steps.push(s);
        ids.push(i);
      }
    }
  }
  return patternFromEvents(size, periodSteps, steps, ids);
}

export class PatternInput implements SpikeSource, Component {
  readonly size: number;
  readonly spikes: Int32Array;
  spikeCount = 0;

  constructor(readonly name: string, readonly pattern: SpikePattern) {
    this.size = pattern.size;
    let most = 0;
    for (let s = 0; s < pattern.periodSteps; s++) most = Math.max(most, pattern.ptr[s + 1] - pattern.ptr[s]);
    this.spikes = new Int32Array(Math.max(1, most));
  }

  input(ctx: StepContext): void {
    const s = ctx.clock.step % this.pattern.periodSteps;
    const a = this.pattern.ptr[s], b = this.pattern.ptr[s + 1];
    const ids = this.pattern.ids;
    for (let k = a; k < b; k++) this.spikes[k - a] = ids[k];
    this.spikeCount = b - a;
  }
}
