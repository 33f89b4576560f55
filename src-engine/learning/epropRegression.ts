/**
 * e-prop regression (Bellec et al. 2020, pattern generation; SCIENCE.md §5.1–5.2): leaky readouts
 *   y_k^t = κ y_k^{t−1} + (1 − κ) Σ_j W^out_jk z_j^t
 * learn a periodic target y*; E = ½ Σ_t Σ_k (y_k^t − y*_k^t)². Learning signals
 *   L_j^t = Σ_k B_jk (y_k^t − y*_k^t) + c_reg (f̄_j − f_target)/T
 * with B = W^outᵀ (symmetric e-prop) or a fixed random matrix (random e-prop), and the firing-rate
 * regulariser using the previous trial's rate f̄_j (kHz). The core accumulates L·F_κ(e); the readout
 * gradient is Σ_t (y_k − y*_k) F_κ(z_j). Once per trial (one target period) Adam updates W_in,
 * W_rec (step η·(1 − α), the weights' scale) and W_out (step η).
 */
import type { Component, ComponentSnapshot, StepContext } from '../core/component';
import type { Rng } from '../core/rng';
import { Adam } from './adam';
import type { EpropCore } from './epropCore';

export class EpropRegression implements Component {
  readonly wOut: Float64Array;
  readonly y: Float64Array;
  private readonly zf: Float64Array;
  private readonly gOut: Float64Array;
  private readonly random: Float64Array;
  private readonly L: Float64Array;
  private readonly counts: Float64Array;
  private readonly rateKhz: Float64Array;
  private readonly adams: [Adam, Adam, Adam];
  /** 0 symmetric, 1 random. */
  feedback = 1;
  eta: number;
  cReg = 300;
  fTargetKhz = 0.01;
  enabled = true;
  private sq = 0;
  /** MSE/var(y*) of every completed trial. */
  nmseTrace: number[] = [];
  /** Output of the last complete trial (first readout). */
  lastOutput: Float64Array;
  private readonly current: Float64Array;
  private readonly targetVar: number;

  constructor(readonly name: string, readonly core: EpropCore, readonly nOut: number, readonly target: Float64Array[], readonly period: number, eta: number, rng: Rng) {
    const n = core.n;
    this.eta = eta;
    this.wOut = new Float64Array(n * nOut);
    for (let q = 0; q < this.wOut.length; q++) this.wOut[q] = rng.normal() / Math.sqrt(n);
    this.random = new Float64Array(n * nOut);
    for (let q = 0; q < this.random.length; q++) this.random[q] = rng.normal() / Math.sqrt(n);
    this.y = new Float64Array(nOut);
    this.zf = new Float64Array(n);
    this.gOut = new Float64Array(n * nOut);
    this.L = new Float64Array(n);
    this.counts = new Float64Array(n);
    this.rateKhz = new Float64Array(n).fill(this.fTargetKhz);
    this.adams = [new Adam(core.wIn.length), new Adam(core.wRec.length), new Adam(this.wOut.length)];
    this.lastOutput = new Float64Array(period);
    this.current = new Float64Array(period);
    let m = 0, v = 0;
    for (const t of target) for (let s = 0; s < period; s++) m += t[s] / (period * target.length);
    for (const t of target) for (let s = 0; s < period; s++) v += (t[s] - m) ** 2 / (period * target.length);
    this.targetVar = v;
  }

  plasticity(ctx: StepContext): void {
    const core = this.core, n = core.n, nOut = this.nOut, z = core.z, kappa = core.kappa;
    const s = ctx.clock.step % this.period;
    for (let j = 0; j < n; j++) {
      this.zf[j] = kappa * this.zf[j] + (1 - kappa) * z[j];
      this.counts[j] += z[j];
    }
    const wo = this.wOut, b = this.feedback === 0 ? wo : this.random, L = this.L;
    const reg = this.cReg / this.period;
    for (let j = 0; j < n; j++) L[j] = reg * (this.rateKhz[j] - this.fTargetKhz);
    for (let k = 0; k < nOut; k++) {
      let a = 0;
      for (let j = 0; j < n; j++) a += wo[j * nOut + k] * z[j];
      const yk = kappa * this.y[k] + (1 - kappa) * a;
      this.y[k] = yk;
      const err = yk - this.target[k][s];
      this.sq += err * err;
      for (let j = 0; j < n; j++) {
        L[j] += b[j * nOut + k] * err;
        this.gOut[j * nOut + k] += err * this.zf[j];
      }
    }
    this.current[s] = this.y[0];
    if (this.enabled) core.accumulate(L);
    if (s === this.period - 1) this.endTrial();
  }

  private endTrial(): void {
    const core = this.core, n = core.n;
    this.nmseTrace.push(this.sq / (this.period * this.nOut) / this.targetVar);
    this.sq = 0;
    this.lastOutput.set(this.current);
    for (let j = 0; j < n; j++) {
      this.rateKhz[j] = this.counts[j] / this.period;
      this.counts[j] = 0;
    }
    if (this.enabled) {
      const scale = 1 - core.params.alpha;
      this.adams[0].step(core.wIn, core.gIn, this.eta * scale);
      this.adams[1].step(core.wRec, core.gRec, this.eta * scale);
      this.adams[2].step(this.wOut, this.gOut, this.eta);
    }
    core.resetGradients();
    this.gOut.fill(0);
  }

  /** Mean rate of the last trial (Hz). */
  meanRateHz(): number {
    let s = 0;
    for (let j = 0; j < this.core.n; j++) s += this.rateKhz[j];
    return (1000 * s) / this.core.n;
  }

  snapshot(): ComponentSnapshot {
    return {
      wOut: this.wOut.slice(), y: this.y.slice(), zf: this.zf.slice(), gOut: this.gOut.slice(), counts: this.counts.slice(), rateKhz: this.rateKhz.slice(),
      adams: this.adams.map((a) => a.snapshot()), feedback: this.feedback, eta: this.eta, cReg: this.cReg, enabled: this.enabled, sq: this.sq,
      nmse: this.nmseTrace.slice(), last: this.lastOutput.slice(), current: this.current.slice(),
    };
  }

  restore(s: ComponentSnapshot): void {
    for (const key of ['wOut', 'y', 'zf', 'gOut', 'counts', 'rateKhz', 'current'] as const) this[key].set(s[key] as Float64Array);
    this.lastOutput.set(s.last as Float64Array);
    (s.adams as ReturnType<Adam['snapshot']>[]).forEach((a, k) => this.adams[k].restore(a));
    Object.assign(this, { feedback: s.feedback, eta: s.eta, cReg: s.cReg, enabled: s.enabled, sq: s.sq });
    this.nmseTrace = (s.nmse as number[]).slice();
  }
}
