/**
 * Spiking Latent Predictive Learning (Halvagal & Zenke 2023, SuperSpike-based; SCIENCE.md §3.3,
 * erratum-corrected units). Per postsynaptic neuron i and synapse ij, every step of dt:
 *
 *   r̄_i ← r̄_i·e^{−dt/τ_mean} + S_i/τ_mean            (Hz);   d_i = S_i − r̄_i·dt
 *   σ_i² ← σ_i² + (dt/τ_σ²)(d_i² − σ_i²)
 *   e_i = φ(−S_i[n] + S_i[n − D]) + λ·d_i/(σ_i² + ξ)    predictive (delayed own spikes) + Hebbian
 *   presynaptic PSP: u_j ← u_j·e^{−dt/τ_syn} + S_j;  p_j ← p_j + (dt/τ_m)(u_j − p_j)
 *   surrogate f′(U_i) = β/(1 + β|U_i − ϑ|)²  (0 below −80 mV)
 *   eligibility λ_ij = α∗(p_j f′(U_i)),  ē_i = α∗e_i   with α(t) = (e^{−t/τd} − e^{−t/τr})/(τd − τr),
 *   τd = 10 ms, τr = 2 ms, of unit area (∫α dt = 1, time in s); spikes are Dirac deltas (1/dt in the
 *   step they occur), so ē is in s⁻¹ and λ_ij in mV⁻¹. Per step: two leaky sums x ← a·x + input
 *   (decay and rise) scaled by c_α = 1/(Σ_n aD^n − Σ_n aR^n), which makes the discrete kernel's sum
 *   exactly 1 (its area in steps); the error's input is also divided by dt (s).
 *   G_ij += λ_ij·ē_i  (+ δ at each presynaptic spike);  every T_upd: w ← clip(w + η·G/N_upd, 0, w_max), G ← 0
 *
 * Learning rate and δ against the paper's code: its eligibility filter was a leaky rise of gain τr/dt
 * (erratum, issue 3) followed by a unit-gain decay, its error filters had unit gain per step, and its
 * f′ was in V⁻¹. Per unit of η·G that is 2× the unit-area rule here, so η = 2× and δ = ½× the paper's
 * values give the paper's weight changes (η 2·10⁻², δ 5·10⁻⁴ for the network). The clamp protocol
 * needs another, untraced factor 2 to match the paper's figure (η 2·10⁻² there against its code's
 * 5·10⁻³; see plasticity/lplClampProtocol.ts), which its experiment states.
 *
 * φ = 0 is the "Pred. off" ablation and λ = 0 "Hebb off". With σ² small the Hebbian term
 * dominates (Hebbian window); with σ² large the predictive, anti-Hebbian term takes over.
 * r̄ and σ² can be frozen (`freezeStats`) for the clamp protocol of the paper's Fig. 6.
 * The per-synapse loop (eligibility stages and G) runs in wasm/lplSpikingKernel.wat on arrays in
 * the kernel's memory, with the same float64 operations in the same order.
 */
import * as det from '../core/detMath';
import { LplSpikingKernel } from '../wasm/lplSpikingKernel';
export interface LplSpikingParams {
  eta: number;
  lambda: number;
  xi: number;
  /** 1: predictive term on; 0: off. */
  phi: number;
  /** Transmitter-triggered term δ added to G at each presynaptic spike. */
  delta: number;
  tau_mean_s: number;
  tau_var_s: number;
  /** Delay D of the predictive term (ms). */
  delay_ms: number;
  tau_syn_ms: number;
  tau_mem_ms: number;
  alpha_rise_ms: number;
  alpha_decay_ms: number;
  /** Surrogate steepness β (1/mV) and centre ϑ (mV). */
  beta: number;
  theta_mV: number;
  w_max: number;
  update_ms: number;
  /** Keep r̄ and σ² at their current values. */
  freezeStats: number;
}

export const LPL_SPIKING_DEFAULTS: LplSpikingParams = {
  eta: 2e-2, lambda: 1e-4, xi: 1e-7, phi: 1, delta: 5e-4, tau_mean_s: 600, tau_var_s: 30, delay_ms: 20,
  tau_syn_ms: 5, tau_mem_ms: 20, alpha_rise_ms: 2, alpha_decay_ms: 10, beta: 1, theta_mV: -50, w_max: 1, update_ms: 500, freezeStats: 0,
};

export class LplSpikingRule {
  /** Synapses grouped by postsynaptic neuron: synapse k links pre synPre[k] to post synPost[k];
   *  post i owns k ∈ [postPtr[i], postPtr[i+1]). Weights stay dense: w[pre·nPost + post]. */
  readonly synPre: Int32Array;
  readonly synPost: Int32Array;
  readonly postPtr: Int32Array;
  readonly rbar: Float64Array;
  readonly sigma2: Float64Array;
  readonly u: Float64Array;
  readonly p: Float64Array;
  /** Per synapse (row-major nPre × nPost): eligibility filter states and the accumulated gradient. */
  readonly eD: Float64Array;
  readonly eR: Float64Array;
  readonly G: Float64Array;
  readonly errD: Float64Array;
  readonly errR: Float64Array;
  /** Ring of recent postsynaptic spikes for the delayed term: delaySteps+1 rows of nPost. */
  readonly hist: Uint8Array;
  private readonly delaySteps: number;
  private readonly kernel: LplSpikingKernel;
  private stepCount = 0;
  /** Per-step constants derived from prm (see setParams). */
  private k = { aSyn: 0, kMem: 0, aD: 0, aR: 0, cAlpha: 0, cErr: 0, aMean: 0, kVar: 0, every: 1 };
  prm: LplSpikingParams;

  /** @param mask optional nPre×nPost 0/1 matrix of existing synapses (default: all pairs) */
  constructor(readonly nPre: number, readonly nPost: number, prm: LplSpikingParams, readonly dt: number, mask: Uint8Array | null = null) {
    this.prm = { ...prm };
    this.setParams({});
    const pre: number[] = [], post: number[] = [], ptr = [0];
    for (let i = 0; i < nPost; i++) {
      for (let j = 0; j < nPre; j++) if (!mask || mask[j * nPost + i]) {
        pre.push(j);
        post.push(i);
      }
      ptr.push(pre.length);
    }
    const nSyn = pre.length;
    this.kernel = new LplSpikingKernel(nPre, nPost, nSyn);
    this.postPtr = this.kernel.postPtr;
    this.postPtr.set(ptr);
    this.synPre = this.kernel.synPre;
    this.synPre.set(pre);
    this.synPost = Int32Array.from(post);
    this.rbar = new Float64Array(nPost);
    this.sigma2 = new Float64Array(nPost);
    this.u = new Float64Array(nPre);
    this.p = this.kernel.p;
    this.eD = this.kernel.eD;
    this.eR = this.kernel.eR;
    this.G = this.kernel.G;
    this.errD = new Float64Array(nPost);
    this.errR = new Float64Array(nPost);
    this.delaySteps = Math.round(prm.delay_ms / dt);
    this.hist = new Uint8Array((this.delaySteps + 1) * nPost);
  }

  /** Changes parameters between steps (the delay D is fixed at construction). */
  setParams(patch: Partial<LplSpikingParams>): void {
    Object.assign(this.prm, patch);
    const q = this.prm, dt = this.dt, dts = dt / 1000;
    const aD = det.exp(-dt / q.alpha_decay_ms), aR = det.exp(-dt / q.alpha_rise_ms);
    const cAlpha = 1 / (1 / (1 - aD) - 1 / (1 - aR)); // unit sum of the discrete α kernel
    this.k = {
      aSyn: det.exp(-dt / q.tau_syn_ms), kMem: dt / q.tau_mem_ms, aD, aR, cAlpha, cErr: cAlpha / dts,
      aMean: det.exp(-dts / q.tau_mean_s), kVar: dts / q.tau_var_s, every: Math.max(1, Math.round(q.update_ms / dt)),
    };
  }

  /**
   * One step. preS/postS: spike flags (0/1) of this step; U: postsynaptic membrane potentials (mV);
   * w: weights (row-major nPre × nPost), updated every update_ms.
   */
  step(preS: Uint8Array, postS: Uint8Array, U: Float64Array, w: Float32Array): void {
    const q = this.prm, dts = this.dt / 1000;
    const { nPre, nPost } = this;
    const { aSyn, kMem, aD, aR, cAlpha, cErr, aMean, kVar, every } = this.k;
    const slot = this.stepCount % (this.delaySteps + 1);
    // Error per postsynaptic neuron, then its α-filtered value ē.
    for (let i = 0; i < nPost; i++) {
      const S = postS[i];
      if (!q.freezeStats) this.rbar[i] = this.rbar[i] * aMean + S / q.tau_mean_s;
      const d = S - this.rbar[i] * dts;
      if (!q.freezeStats) this.sigma2[i] += kVar * (d * d - this.sigma2[i]);
      const delayed = this.hist[slot * nPost + i]; // spike of D steps ago (this slot is overwritten below)
      this.hist[slot * nPost + i] = S;
      const e = q.phi * (-S + delayed) + (q.lambda * d) / (this.sigma2[i] + q.xi);
      this.errD[i] = this.errD[i] * aD + cErr * e;
      this.errR[i] = this.errR[i] * aR + cErr * e;
    }
    for (let j = 0; j < nPre; j++) {
      this.u[j] = this.u[j] * aSyn + preS[j];
      this.p[j] += kMem * (this.u[j] - this.p[j]);
    }
    // Per synapse k (post i, pre j): inp = p_j·(c_α·f′(U_i)); eD ← eD·aD + inp; eR ← eR·aR + inp;
    // G += (eD − eR)·ē_i + (S_j ? δ : 0) — in the kernel.
    const fpArr = this.kernel.fp, ebarArr = this.kernel.ebar;
    for (let i = 0; i < nPost; i++) {
      const x = U[i] - q.theta_mV;
      fpArr[i] = U[i] < -80 ? 0 : cAlpha * (q.beta / ((1 + q.beta * Math.abs(x)) ** 2));
      ebarArr[i] = this.errD[i] - this.errR[i];
    }
    this.kernel.preS.set(preS);
    this.kernel.step(aD, aR, q.delta);
    this.stepCount++;
    if (this.stepCount % every === 0) this.applyUpdate(w, every);
  }

  /** w ← clip(w + η·G/N, 0, w_max), G ← 0 (also call at the end of a protocol). */
  applyUpdate(w: Float32Array, n = this.k.every): void {
    const { eta, w_max } = this.prm;
    for (let k = 0; k < this.G.length; k++) {
      const idx = this.synPre[k] * this.nPost + this.synPost[k];
      const next = w[idx] + (eta * this.G[k]) / n;
      w[idx] = next < 0 ? 0 : next > w_max ? w_max : next;
      this.G[k] = 0;
    }
  }

  snapshot(): Record<string, unknown> {
    return {
      rbar: this.rbar.slice(), sigma2: this.sigma2.slice(), u: this.u.slice(), p: this.p.slice(), eD: this.eD.slice(), eR: this.eR.slice(),
      G: this.G.slice(), errD: this.errD.slice(), errR: this.errR.slice(), hist: this.hist.slice(), stepCount: this.stepCount, prm: { ...this.prm },
    };
  }

  restore(s: Record<string, unknown>): void {
    for (const key of ['rbar', 'sigma2', 'u', 'p', 'eD', 'eR', 'G', 'errD', 'errR', 'hist'] as const) (this[key] as Float64Array | Uint8Array).set(s[key] as ArrayLike<number>);
    this.stepCount = s.stepCount as number;
    this.setParams(s.prm as LplSpikingParams);
  }

  /** True when no trace carries anything (a protocol may skip ahead). */
  quiet(eps = 1e-12): boolean {
    for (let j = 0; j < this.nPre; j++) if (Math.abs(this.u[j]) > eps || Math.abs(this.p[j]) > eps) return false;
    for (let k = 0; k < this.eD.length; k++) if (Math.abs(this.eD[k]) > eps || Math.abs(this.eR[k]) > eps) return false;
    return true;
  }
}
