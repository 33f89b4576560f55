/**
 * Source 000's objective for a recurrent e-prop layer (SCIENCE.md §5.3): every neuron's rate at
 * r₀ and the variance of the global rate at s*. The global rate is taken in bins of B steps
 * (r_b = A_b/(N·B·dt), A_b = spikes of the layer in bin b), the time scale on which recurrent
 * excitation (τ_m) can make the population fluctuate; with B = 1 it is the per-step form. Loss
 *
 *   L = ½ Σ_j ((r_j − r₀)/r₀)² + (λ_var N/2)·(ln(s/s*))²,   s = Var_b(r_b)
 *
 * and its exact derivative for a spike of neuron j in bin b (the factor 1/(T dt) goes into η):
 *
 *   L_j^b = (r_j − r₀)/r₀² + 2 λ_var ln(s/s*)·(r_b − μ_r)/s
 *
 * The variance term is source 000's β(s − s*)² measured on a log scale: same minimum, same sign
 * structure, but a gradient that stays bounded when a synchronous burst makes s ≫ s* (with the
 * squared difference such bursts produced steps that wrecked the network). It is one global third
 * factor: with too much variance it depresses synapses whose traces are active while the population
 * is above its mean and potentiates them below it (push–pull). Online, r_j, μ_r and s are
 * exponential running averages (τ_rate, τ_stat ≫ a bin). The eligibility of a bin is summed in the
 * core and multiplied by L^b at the bin's end. Every block the mean gradient g takes a plain
 * gradient step W ← W − η·g with each step clipped to ±max_step (sign-normalised optimisers such as
 * RMSprop or Adam move all N weights of a neuron together and made the rate oscillate). The per-step
 * count A_t (avalanches) and the per-bin rate r_b (branching) are kept for analysis.
 */
import type { Component, ComponentSnapshot, StepContext } from '../core/component';
import type { EpropCore } from './epropCore';
import * as det from '../core/detMath';

export interface RateVarianceParams {
  r0_hz: number;
  s_star_hz2: number;
  lambda_var: number;
  eta: number;
  /** Averaging time of the per-neuron rates (ms). */
  tau_rate_ms: number;
  /** Averaging time of the global mean and variance (ms). */
  tau_stat_ms: number;
  /** |W_rec| bound (input weights stay in [0, 2·w_clip]). */
  w_clip: number;
  /** Largest change of one weight per block. */
  max_step: number;
}

/** A ring buffer of the most recent values. */
class Recent {
  readonly buf: Float64Array;
  head = 0;
  filled = 0;
  constructor(n: number) {
    this.buf = new Float64Array(n);
  }
  push(x: number): void {
    this.buf[this.head] = x;
    this.head = (this.head + 1) % this.buf.length;
    if (this.filled < this.buf.length) this.filled++;
  }
  /** Oldest first. */
  values(): Float64Array {
    const h = this.buf, n = this.filled, out = new Float64Array(n);
    const start = (this.head - n + h.length) % h.length;
    for (let k = 0; k < n; k++) out[k] = h[(start + k) % h.length];
    return out;
  }
}

export class RateVarianceSignal implements Component {
  readonly rate: Float64Array;
  private readonly L: Float64Array;
  private readonly binSpikes: Float64Array;
  private inBin = 0;
  private binCount = 0;
  mu = 0;
  s = 0;
  enabled = true;
  /** A_t per step and r_b per bin (Hz). */
  readonly steps: Recent;
  readonly bins: Recent;
  blocks = 0;

  constructor(
    readonly name: string,
    readonly core: EpropCore,
    public params: RateVarianceParams,
    readonly binSteps: number,
    readonly blockSteps: number,
    readonly dt: number,
    historySteps: number,
    historyBins: number,
  ) {
    if (blockSteps % binSteps !== 0) throw new Error(`${name}: a block must hold whole bins`);
    this.rate = new Float64Array(core.n).fill(params.r0_hz);
    this.L = new Float64Array(core.n);
    this.binSpikes = new Float64Array(core.n);
    this.steps = new Recent(historySteps);
    this.bins = new Recent(historyBins);
    this.mu = params.r0_hz;
    this.s = params.s_star_hz2;
  }

  plasticity(ctx: StepContext): void {
    const core = this.core, n = core.n;
    const a = core.spikeCount;
    this.steps.push(a);
    this.binCount += a;
    for (let k = 0; k < a; k++) this.binSpikes[core.spikes[k]]++;
    if (this.enabled) core.accumulateBin();
    if (++this.inBin === this.binSteps) this.endBin(n);
    if ((ctx.clock.step + 1) % this.blockSteps === 0) this.applyBlock();
  }

  private endBin(n: number): void {
    const { r0_hz: r0, s_star_hz2: sStar, lambda_var: lv, tau_rate_ms, tau_stat_ms } = this.params;
    const binMs = this.binSteps * this.dt;
    const rb = (this.binCount * 1000) / (n * binMs);
    this.bins.push(rb);
    const ks = Math.min(1, binMs / tau_stat_ms), kr = Math.min(1, binMs / tau_rate_ms);
    this.mu += ks * (rb - this.mu);
    const dev = rb - this.mu;
    this.s += ks * (dev * dev - this.s);
    const globalTerm = this.s > 0 ? (2 * lv * det.log(this.s / sStar) * dev) / this.s : 0;
    const inv = 1 / (r0 * r0), toHz = 1000 / binMs, rate = this.rate, L = this.L, bs = this.binSpikes;
    for (let j = 0; j < n; j++) {
      rate[j] += kr * (bs[j] * toHz - rate[j]);
      L[j] = (rate[j] - r0) * inv + globalTerm;
    }
    if (this.enabled) this.core.flushBin(L);
    bs.fill(0);
    this.inBin = 0;
    this.binCount = 0;
  }

  private applyBlock(): void {
    this.blocks++;
    const core = this.core;
    if (this.enabled) {
      const { eta, w_clip: c, max_step } = this.params;
      const k = eta / this.blockSteps;
      gdStep(core.wRec, core.gRec, k, max_step, -c, c);
      if (core.learnInput) gdStep(core.wIn, core.gIn, k, max_step, 0, 2 * c);
    }
    core.resetGradients();
  }

  snapshot(): ComponentSnapshot {
    return {
      rate: this.rate.slice(), binSpikes: this.binSpikes.slice(), mu: this.mu, s: this.s, enabled: this.enabled,
      inBin: this.inBin, binCount: this.binCount, blocks: this.blocks, params: { ...this.params },
      steps: [this.steps.buf.slice(), this.steps.head, this.steps.filled], bins: [this.bins.buf.slice(), this.bins.head, this.bins.filled],
    };
  }

  restore(st: ComponentSnapshot): void {
    this.rate.set(st.rate as Float64Array);
    this.binSpikes.set(st.binSpikes as Float64Array);
    Object.assign(this, { mu: st.mu, s: st.s, enabled: st.enabled, inBin: st.inBin, binCount: st.binCount, blocks: st.blocks });
    this.params = { ...(st.params as RateVarianceParams) };
    for (const key of ['steps', 'bins'] as const) {
      const [buf, head, filled] = st[key] as [Float64Array, number, number];
      this[key].buf.set(buf);
      this[key].head = head;
      this[key].filled = filled;
    }
  }
}

/** Plain gradient step w ← w − k·g, each step clipped to ±maxStep, weights to [lo, hi]. */
function gdStep(w: Float64Array, g: Float64Array, k: number, maxStep: number, lo: number, hi: number): void {
  for (let q = 0; q < w.length; q++) {
    let d = k * g[q];
    d = d > maxStep ? maxStep : d < -maxStep ? -maxStep : d;
    const nw = w[q] - d;
    w[q] = nw > hi ? hi : nw < lo ? lo : nw;
  }
}
