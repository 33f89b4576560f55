/**
 * Van Rossum error of an output layer against a periodic target raster (SCIENCE.md §4.2):
 *
 *   e_i(t) = α∗(Ŝ_i − S_i)(t)   (ms⁻¹, α the unit-area double exponential, default 5/10 ms)
 *   L      = ½ Σ_i ∫ e_i² dt     (reported in s⁻¹; one unmatched spike costs ½·∫α² = 16.67 s⁻¹)
 *
 * Runs in the plasticity slot before the learning rules that read `error`, so it sees this step's
 * output spikes. Each period of the target is one trial: its loss goes into `lossTrace`, and the
 * output spikes of the last complete trial are kept for the "actual vs target" raster.
 */
import type { Component, ComponentSnapshot, SpikeSource, StepContext } from '../core/component';
import type { SpikePattern } from '../inputs/spikePattern';
import { alphaCoefs, type AlphaCoefs } from './filters';

/** Anything that provides a per-neuron error signal for a learning rule (read each step). */
export interface ErrorSignal {
  readonly error: Float64Array;
}

export class VanRossumError implements Component, ErrorSignal {
  readonly error: Float64Array;
  private readonly h1: Float64Array;
  private readonly coefs: AlphaCoefs;
  private trialLoss = 0;
  /** Loss of every completed trial (s⁻¹). */
  lossTrace: number[] = [];
  /** Output spikes (step within the trial, id) of the trial in progress and of the last complete
   *  trial: two typed buffers swapped at each trial's end, grown by doubling (no per-step allocation). */
  private cur = { steps: new Int32Array(256), ids: new Int32Array(256), n: 0 };
  private last = { steps: new Int32Array(256), ids: new Int32Array(256), n: 0 };

  constructor(readonly name: string, readonly output: SpikeSource, readonly target: SpikePattern, readonly dt: number, tauRise = 5, tauDecay = 10) {
    if (target.size !== output.size) throw new Error(`${name}: target has ${target.size} rows for ${output.size} outputs`);
    this.error = new Float64Array(output.size);
    this.h1 = new Float64Array(output.size);
    this.coefs = alphaCoefs(tauRise, tauDecay, dt);
  }

  plasticity(ctx: StepContext): void {
    const { ar, br, ad, bd } = this.coefs;
    const h1 = this.h1, e = this.error, n = this.output.size;
    const P = this.target.periodSteps;
    const s = ctx.clock.step % P;
    // Decay, then add this step's deltas (±1/dt) through the first stage.
    for (let i = 0; i < n; i++) h1[i] *= ar;
    const inv = br / this.dt;
    const tp = this.target.ptr, tid = this.target.ids;
    for (let k = tp[s]; k < tp[s + 1]; k++) h1[tid[k]] += inv;
    const sp = this.output.spikes;
    const cur = this.cur;
    if (cur.n + this.output.spikeCount > cur.steps.length) this.grow(cur.n + this.output.spikeCount);
    for (let k = 0; k < this.output.spikeCount; k++) {
      h1[sp[k]] -= inv;
      cur.steps[cur.n] = s;
      cur.ids[cur.n++] = sp[k];
    }
    let sq = 0;
    for (let i = 0; i < n; i++) {
      const v = ad * e[i] + bd * h1[i];
      e[i] = v;
      sq += v * v;
    }
    this.trialLoss += 0.5 * sq * this.dt * 1000;
    if (s === P - 1) {
      this.lossTrace.push(this.trialLoss);
      this.trialLoss = 0;
      [this.last, this.cur] = [this.cur, this.last];
      this.cur.n = 0;
    }
  }

  private grow(min: number): void {
    const size = Math.max(min, 2 * this.cur.steps.length);
    const steps = new Int32Array(size), ids = new Int32Array(size);
    steps.set(this.cur.steps.subarray(0, this.cur.n));
    ids.set(this.cur.ids.subarray(0, this.cur.n));
    this.cur = { steps, ids, n: this.cur.n };
  }

  /** Output spikes of the last complete trial (for plots). */
  lastTrial(): { steps: number[]; ids: number[] } {
    return { steps: Array.from(this.last.steps.subarray(0, this.last.n)), ids: Array.from(this.last.ids.subarray(0, this.last.n)) };
  }

  snapshot(): ComponentSnapshot {
    return {
      error: this.error.slice(), h1: this.h1.slice(), trialLoss: this.trialLoss, lossTrace: this.lossTrace.slice(),
      cur: { steps: this.cur.steps.slice(0, this.cur.n), ids: this.cur.ids.slice(0, this.cur.n) },
      last: { steps: this.last.steps.slice(0, this.last.n), ids: this.last.ids.slice(0, this.last.n) },
    };
  }

  restore(st: ComponentSnapshot): void {
    this.error.set(st.error as Float64Array);
    this.h1.set(st.h1 as Float64Array);
    this.trialLoss = st.trialLoss as number;
    this.lossTrace = (st.lossTrace as number[]).slice();
    for (const key of ['cur', 'last'] as const) {
      const b = st[key] as { steps: Int32Array; ids: Int32Array };
      const size = Math.max(256, b.steps.length);
      const t = { steps: new Int32Array(size), ids: new Int32Array(size), n: b.steps.length };
      t.steps.set(b.steps);
      t.ids.set(b.ids);
      this[key] = t;
    }
  }
}
