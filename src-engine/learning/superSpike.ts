/**
 * SuperSpike (Zenke & Ganguli 2018; SCIENCE.md §4): a three-factor rule for a dense layer of
 * current-based LIF neurons,
 *
 *   ∂w_ij/∂t = e_i(t) · λ_ij(t),   λ_ij = α ∗ [σ′(U_i) · (ε ∗ S_j)]
 *
 * error e_i (from VanRossumError or FeedbackError) × post (surrogate σ′ of the membrane U_i, mV)
 * × pre (PSP trace p_j = ε∗S_j, rise τ_syn, decay τ_mem). The eligibility λ_ij is filtered by the
 * unit-area α (rise τ_syn, decay τ_mem), one two-stage filter per synapse. The gradient is averaged
 * over blocks of `blockSteps`; at each block end the per-parameter RMS-normalised step is
 *
 *   v_ij ← max(γ v_ij, g_ij²),   w_ij ← clip(w_ij + η·g_ij/(√v_ij + ε), −w_clip, w_clip),  γ = e^{−T_block/τ_rms}
 *
 * so every weight moves by at most η per block (η in mV of synaptic current jump).
 * Optional activity regulariser (the paper's code, `regstrength`; hidden layers only): every step
 * −ρ·w_ij·z_i⁴ is added to the accumulated gradient, z_i a postsynaptic spike trace (+1 per spike,
 * decay 100 ms), which shrinks the input weights of neurons that fire too much. ρ = 0 turns it off.
 * Weights are row-major nPre × nPost, shared with the DenseProjection that delivers the spikes.
 * The per-synapse loop (the two filter stages and the gradient) runs in wasm/traceKernel.wat on
 * arrays in the kernel's memory, with the same float64 operations as the formulas above.
 */
import type { Component, ComponentSnapshot, SpikeSource, StepContext } from '../core/component';
import type { LifGroup } from '../neurons/lif';
import { alphaCoefs, pspCoefs, type AlphaCoefs, type PspCoefs } from './filters';
import { fastSigmoidDerivative } from './surrogate';
import type { ErrorSignal } from './vanRossumError';
import * as det from '../core/detMath';
import { TraceArena } from '../wasm/traceKernel';

export interface SuperSpikeParams {
  /** Learning rate η: the largest step per block (mV). */
  eta: number;
  /** Surrogate steepness β (mV⁻¹). */
  beta: number;
  /** Rise time of ε and α (ms); tied to the neurons' τ_syn. */
  tau_rise: number;
  /** Decay time of ε and α (ms); tied to the neurons' τ_mem. */
  tau_decay: number;
  /** RMS averaging time (s). */
  tau_rms_s: number;
  /** |w| bound (mV). */
  w_clip: number;
  epsilon: number;
  /** Activity-regulariser strength ρ (0: off). */
  reg_rho?: number;
}

/** Decay time of the postsynaptic trace z of the activity regulariser (ms). */
const REG_TAU_MS = 100;

export class SuperSpikeConnection implements Component {
  readonly nPre: number;
  readonly nPost: number;
  /** Presynaptic PSP traces: rise u and trace p = ε∗S. */
  private readonly u: Float64Array;
  readonly p: Float64Array;
  /** b_r·σ′(U_i) of this step (b_r: the α filter's input coefficient). */
  private readonly bsig: Float64Array;
  /** The error e_i of this step, copied next to the traces. */
  private readonly errNow: Float64Array;
  private readonly arena: TraceArena;
  /** Postsynaptic spike trace z_i and ρ·z_i⁴ of this step (activity regulariser). */
  private readonly z: Float64Array;
  private readonly zReg: Float64Array;
  /** Per-synapse eligibility filter stages, gradient accumulator and RMS estimate. */
  private readonly h1: Float64Array;
  readonly elig: Float64Array;
  private readonly grad: Float64Array;
  private readonly rms: Float64Array;
  private psp: PspCoefs;
  private alpha: AlphaCoefs;
  private readonly params: SuperSpikeParams;
  enabled = true;
  /** Blocks applied so far. */
  blocks = 0;

  constructor(
    readonly name: string,
    readonly pre: SpikeSource,
    readonly post: LifGroup,
    readonly w: Float32Array,
    readonly err: ErrorSignal,
    params: SuperSpikeParams,
    readonly blockSteps: number,
    readonly dt: number,
  ) {
    this.nPre = pre.size;
    this.nPost = post.size;
    if (w.length !== this.nPre * this.nPost) throw new Error(`${name}: weights have ${w.length} entries, expected ${this.nPre * this.nPost}`);
    this.params = { ...params };
    const n = w.length;
    this.arena = new TraceArena([this.nPre, this.nPost, this.nPost, n, n, n]);
    this.u = new Float64Array(this.nPre);
    this.p = this.arena.f64(this.nPre);
    this.bsig = this.arena.f64(this.nPost);
    this.errNow = this.arena.f64(this.nPost);
    this.z = new Float64Array(this.nPost);
    this.zReg = new Float64Array(this.nPost);
    this.h1 = this.arena.f64(n);
    this.elig = this.arena.f64(n);
    this.grad = this.arena.f64(n);
    this.rms = new Float64Array(n);
    this.psp = pspCoefs(params.tau_rise, params.tau_decay, dt);
    this.alpha = alphaCoefs(params.tau_rise, params.tau_decay, dt);
  }

  setParams(patch: Partial<SuperSpikeParams>): void {
    Object.assign(this.params, patch);
    this.psp = pspCoefs(this.params.tau_rise, this.params.tau_decay, this.dt);
    this.alpha = alphaCoefs(this.params.tau_rise, this.params.tau_decay, this.dt);
  }

  plasticity(ctx: StepContext): void {
    const { ar: par, ad: pad, k } = this.psp;
    const u = this.u, p = this.p, nPre = this.nPre, nPost = this.nPost;
    for (let j = 0; j < nPre; j++) {
      p[j] = pad * p[j] + k * u[j];
      u[j] *= par;
    }
    const sp = this.pre.spikes;
    for (let s = 0; s < this.pre.spikeCount; s++) u[sp[s]] += 1;

    const { beta } = this.params;
    const { ar, br, ad, bd } = this.alpha;
    const rho = this.params.reg_rho ?? 0;
    const theta = this.post.params.v_th, v = this.post.v, bsig = this.bsig;
    for (let i = 0; i < nPost; i++) bsig[i] = br * fastSigmoidDerivative(v[i], theta, beta);
    if (rho > 0) {
      const z = this.z, zr = this.zReg, decay = det.exp(-this.dt / REG_TAU_MS);
      for (let i = 0; i < nPost; i++) z[i] *= decay;
      const ps = this.post.spikes;
      for (let s = 0; s < this.post.spikeCount; s++) z[ps[s]] += 1;
      for (let i = 0; i < nPost; i++) zr[i] = rho * z[i] ** 4;
    }
    // Per synapse q = j·nPost + i: a = ar·h1 + (br·σ′_i)·p_j, h1 = a; λ = ad·λ + bd·a; g += λ·e_i.
    const g = this.grad, zr = this.zReg, w = this.w;
    this.errNow.set(this.err.error);
    this.arena.alphaTraces(nPre, nPost, this.h1, this.elig, g, bsig, this.errNow, p, ar, ad, bd);
    if (rho > 0) for (let j = 0; j < nPre; j++) for (let i = 0, q = j * nPost; i < nPost; i++, q++) g[q] -= zr[i] * w[q];
    if ((ctx.clock.step + 1) % this.blockSteps === 0) this.applyBlock();
  }

  /** RMS-normalised weight step from the block's mean gradient; resets the accumulator. */
  private applyBlock(): void {
    const { eta, tau_rms_s, w_clip, epsilon } = this.params;
    const gamma = det.exp(-(this.blockSteps * this.dt) / (1000 * tau_rms_s));
    const g = this.grad, r = this.rms, w = this.w, n = w.length;
    const inv = 1 / this.blockSteps;
    this.blocks++;
    if (!this.enabled) {
      g.fill(0);
      return;
    }
    for (let q = 0; q < n; q++) {
      const gm = g[q] * inv;
      const vq = Math.max(gamma * r[q], gm * gm);
      r[q] = vq;
      const nw = w[q] + (eta * gm) / (Math.sqrt(vq) + epsilon);
      w[q] = nw > w_clip ? w_clip : nw < -w_clip ? -w_clip : nw;
      g[q] = 0;
    }
  }

  snapshot(): ComponentSnapshot {
    return {
      u: this.u.slice(), p: this.p.slice(), z: this.z.slice(), h1: this.h1.slice(), elig: this.elig.slice(), grad: this.grad.slice(), rms: this.rms.slice(),
      params: { ...this.params }, enabled: this.enabled, blocks: this.blocks,
    };
  }

  restore(s: ComponentSnapshot): void {
    this.u.set(s.u as Float64Array);
    this.p.set(s.p as Float64Array);
    if (s.z) this.z.set(s.z as Float64Array);
    this.h1.set(s.h1 as Float64Array);
    this.elig.set(s.elig as Float64Array);
    this.grad.set(s.grad as Float64Array);
    this.rms.set(s.rms as Float64Array);
    this.setParams(s.params as SuperSpikeParams);
    this.enabled = s.enabled as boolean;
    this.blocks = s.blocks as number;
  }
}
