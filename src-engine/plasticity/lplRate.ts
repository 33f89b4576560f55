/**
 * Latent Predictive Learning, rate-based and online (Halvagal & Zenke 2023; SCIENCE.md §3.1).
 * One layer a = W·x, z = softplus(a) (f′ = sigmoid, so no unit is ever dead), learning one frame at
 * a time with running estimates instead of a minibatch:
 *
 *   z̄_i ← z̄_i + (z_i − z̄_i)/τ_mean,   σ_i² ← σ_i² + ((z_i − z̄_i)² − σ_i²)/τ_var,
 *   C_ik ← C_ik + ((z_i − z̄_i)(z_k − z̄_k) − C_ik)/τ_var                     (τ in frames)
 *   e_i  = −φ·(z_i(t) − z_i(t−1))                       predictive pull (slowness; φ = 0 at a sequence start)
 *        + λ·(z_i − z̄_i)/(σ_i² + ξ)                     Hebbian push, gain 1/σ² (variance metaplasticity)
 *        − λ_dec/(M−1)·Σ_{k≠i} (z_k − z̄_k)·C_ik          decorrelation
 *   ΔW_ij = η·e_i·f′(a_i)·x_j − η·η_w·W_ij
 *
 * With λ = 0 only the pull and the weight decay act: every unit's output becomes constant and the
 * representation collapses. The Hebbian term keeps the variance up; decorrelation keeps units apart.
 *
 * Inputs are centred on a running mean x̄ (τ_input frames): x ← x − x̄. With raw, all-positive
 * inputs (pixel intensities) the lag of the running z̄ behind a growing z makes d = z − z̄
 * systematically positive, and the Hebbian term then grows W along x̄ without bound.
 */
import * as det from '../core/detMath';
import { batchForward } from '../wasm/denseBatchKernel';
import { DenseWeights } from '../wasm/weightUpdateKernel';
export interface LplRateParams {
  /** Learning rate η (per frame). */
  eta: number;
  /** Hebbian strength λ. */
  lambda: number;
  /** Decorrelation strength λ_dec. */
  decor: number;
  /** ξ in 1/(σ² + ξ). */
  xi: number;
  /** Running-mean time constant (frames). */
  tau_mean: number;
  /** Running variance/covariance time constant (frames). */
  tau_var: number;
  /** Weight decay η_w. */
  weight_decay: number;
  /** 1: predictive term on; 0: "Pred. off" ablation. */
  pred: number;
  /** Time constant (frames) of the running input mean subtracted from x; 0 = use raw inputs. */
  tau_input: number;
}

export class LplRateLayer {
  readonly W: Float32Array;
  readonly a: Float64Array;
  readonly z: Float64Array;
  readonly zPrev: Float64Array;
  readonly mean: Float64Array;
  readonly variance: Float64Array;
  readonly cov: Float64Array;
  private readonly err: Float64Array;
  /** Running input mean and the centred input of the current frame. */
  readonly xMean: Float64Array;
  private readonly xc: Float32Array;
  /** Centred frames of forwardBatch (allocated on first use). */
  private batchX: Float32Array | null = null;
  private hasPrev = false;

  /** W and the update's input row and factors live in WebAssembly memory (wasm/weightUpdateKernel.wat runs ΔW). */
  private readonly weights: DenseWeights;

  constructor(readonly nIn: number, readonly nOut: number, public p: LplRateParams, init: () => number) {
    this.weights = new DenseWeights(nOut, nIn);
    this.W = this.weights.W;
    for (let k = 0; k < this.W.length; k++) this.W[k] = init();
    this.a = new Float64Array(nOut);
    this.z = new Float64Array(nOut);
    this.zPrev = new Float64Array(nOut);
    this.mean = new Float64Array(nOut);
    this.variance = new Float64Array(nOut).fill(1);
    this.cov = new Float64Array(nOut * nOut);
    this.err = new Float64Array(nOut);
    this.xMean = new Float64Array(nIn);
    this.xc = this.weights.x;
  }

  /** x − x̄ into a scratch buffer (x unchanged when centring is off). */
  centre(x: Float32Array, out: Float32Array = this.xc): Float32Array {
    if (!(this.p.tau_input > 0)) return x;
    for (let j = 0; j < this.nIn; j++) out[j] = x[j] - this.xMean[j];
    return out;
  }

  /** z = softplus(W·x) into `out` (defaults to this.z); also fills this.a when out is this.z. x must be centred already. */
  forward(x: Float32Array, out: Float64Array = this.z): Float64Array {
    const { W, nIn, nOut } = this;
    const a = out === this.z ? this.a : null;
    // Eight units at a time: eight independent sums, each over j in ascending order as a single
    // sum would be (bit-identical), but the additions no longer wait for each other.
    let i = 0;
    for (; i + 7 < nOut; i += 8) {
      const r0 = i * nIn, r1 = r0 + nIn, r2 = r1 + nIn, r3 = r2 + nIn, r4 = r3 + nIn, r5 = r4 + nIn, r6 = r5 + nIn, r7 = r6 + nIn;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
      for (let j = 0; j < nIn; j++) {
        const xj = x[j];
        s0 += W[r0 + j] * xj;
        s1 += W[r1 + j] * xj;
        s2 += W[r2 + j] * xj;
        s3 += W[r3 + j] * xj;
        s4 += W[r4 + j] * xj;
        s5 += W[r5 + j] * xj;
        s6 += W[r6 + j] * xj;
        s7 += W[r7 + j] * xj;
      }
      this.activate(i, s0, out, a);
      this.activate(i + 1, s1, out, a);
      this.activate(i + 2, s2, out, a);
      this.activate(i + 3, s3, out, a);
      this.activate(i + 4, s4, out, a);
      this.activate(i + 5, s5, out, a);
      this.activate(i + 6, s6, out, a);
      this.activate(i + 7, s7, out, a);
    }
    for (; i < nOut; i++) {
      let s = 0;
      const row = i * nIn;
      for (let j = 0; j < nIn; j++) s += W[row + j] * x[j];
      this.activate(i, s, out, a);
    }
    return out;
  }

  /** out_i = softplus(s); a_i = s when a is given. */
  private activate(i: number, s: number, out: Float64Array, a: Float64Array | null): void {
    if (a) a[i] = s;
    out[i] = softplus(s);
  }

  /**
   * z = softplus(W·(x − x̄)) for E frames at once (row-major E × nIn in `frames`, raw as forward's
   * caller would pass them to centre) into `out` (E × nOut): the same numbers as E calls of
   * forward(centre(frame)), the products summed by the batched SIMD kernel (wasm/denseBatchKernel.wat).
   */
  forwardBatch(frames: Float32Array, E: number, out: Float64Array): void {
    const { nIn, nOut } = this;
    const X = this.batchX && this.batchX.length >= E * nIn ? this.batchX : (this.batchX = new Float32Array(E * nIn));
    if (this.p.tau_input > 0) for (let e = 0; e < E; e++) this.centre(frames.subarray(e * nIn, (e + 1) * nIn), X.subarray(e * nIn, (e + 1) * nIn));
    else X.set(frames.subarray(0, E * nIn));
    batchForward(this.W, nIn, nOut, X, E, out);
    for (let q = 0; q < E * nOut; q++) out[q] = softplus(out[q]);
  }

  /** One learning step on frame x. `continuing`: x follows the previous frame in the same sequence. */
  learn(raw: Float32Array, continuing: boolean): void {
    const { p, z, zPrev, mean, variance, cov, err, nOut: M, nIn: N } = this;
    if (p.tau_input > 0) {
      const k = 1 / p.tau_input;
      for (let j = 0; j < N; j++) this.xMean[j] += (raw[j] - this.xMean[j]) * k;
    }
    const x = this.centre(raw);
    this.forward(x);
    const km = 1 / p.tau_mean, kv = 1 / p.tau_var;
    for (let i = 0; i < M; i++) {
      mean[i] += (z[i] - mean[i]) * km;
      const d = z[i] - mean[i];
      variance[i] += (d * d - variance[i]) * kv;
    }
    for (let i = 0; i < M; i++) {
      const di = z[i] - mean[i];
      for (let k = 0; k < M; k++) cov[i * M + k] += (di * (z[k] - mean[k]) - cov[i * M + k]) * kv;
    }
    const pull = p.pred !== 0 && continuing && this.hasPrev;
    const decorScale = M > 1 ? p.decor / (M - 1) : 0;
    for (let i = 0; i < M; i++) {
      const di = z[i] - mean[i];
      let e = p.lambda * di / (variance[i] + p.xi);
      if (pull) e -= z[i] - zPrev[i];
      if (decorScale !== 0) {
        let s = 0;
        for (let k = 0; k < M; k++) if (k !== i) s += (z[k] - mean[k]) * cov[i * M + k];
        e -= decorScale * s;
      }
      err[i] = e * (1 / (1 + det.exp(-this.a[i]))); // × f′(a) = sigmoid(a)
    }
    // W_ij ← W_ij·(1 − η·η_w) + (η·err_i)·x_j, rounded to float32 (wasm/weightUpdateKernel.wat).
    const g = this.weights.g;
    for (let i = 0; i < M; i++) g[i] = p.eta * err[i];
    if (x !== this.weights.x) this.weights.x.set(x);
    this.weights.decayAdd(1 - p.eta * p.weight_decay);
    zPrev.set(z);
    this.hasPrev = true;
  }

  snapshot(): Record<string, unknown> {
    return { W: this.W.slice(), xMean: this.xMean.slice(), zPrev: this.zPrev.slice(), mean: this.mean.slice(), variance: this.variance.slice(), cov: this.cov.slice(), hasPrev: this.hasPrev, p: { ...this.p } };
  }

  restore(s: Record<string, unknown>): void {
    this.W.set(s.W as Float32Array);
    this.xMean.set(s.xMean as Float64Array);
    this.zPrev.set(s.zPrev as Float64Array);
    this.mean.set(s.mean as Float64Array);
    this.variance.set(s.variance as Float64Array);
    this.cov.set(s.cov as Float64Array);
    this.hasPrev = s.hasPrev as boolean;
    this.p = { ...(s.p as LplRateParams) };
  }
}

/** softplus(s) = ln(1 + eˢ), exactly s above 30. */
function softplus(s: number): number {
  return s > 30 ? s : det.log1p(det.exp(s));
}
