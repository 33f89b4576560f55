/**
 * Folded autoencoder (Dold, Sacramento, Kungl, Senn & Petrovici; SCIENCE.md §7): layers
 * i = 0..N of rate neurons with somatic potentials u_i and rates r_i = tanh(u_i). Every layer holds
 * a bottom-up prediction W_i r_{i−1} (discriminative, i ≥ 1) and a top-down prediction G_i r_{i+1}
 * (generative, i ≤ N−1). One energy (dimensionless, γ/g_l = 1):
 *
 *   E = (λ/2) Σ_{i=1}^{N} ‖ε_i^W‖² + ((1−λ)/2) Σ_{i=0}^{N−1} ‖ε_i^G‖² + β‖u_0 − x‖²
 *   ε_i^W = u_i − W_i r_{i−1},   ε_i^G = u_i − G_i r_{i+1}
 *
 * Neuron dynamics descend E (m u̇ = −∂E/∂u; one Euler step of size h = dt/m):
 *   ∂E/∂u_i = λ ε_i^W + (1−λ) ε_i^G − λ φ′(u_i) ⊙ W_{i+1}ᵀ ε_{i+1}^W − (1−λ) φ′(u_i) ⊙ G_{i−1}ᵀ ε_{i−1}^G
 *             + 2β δ_{i0} (u_0 − x)                    (terms that do not exist are dropped)
 * Plasticity descends E too: ΔW_i = η_W λ ε_i^W r_{i−1}ᵀ, ΔG_i = η_G (1−λ) ε_i^G r_{i+1}ᵀ.
 * λ gates forward (W) against backward (G) flow: at λ = 1 nothing depends on G, at λ = 0 nothing
 * depends on W (and the top layer is anchored by nothing but its own generative error).
 * The state of all layers is one flat Float64Array (layer i at offsets[i]); weights are row-major.
 */
import type { Rng } from '../core/rng';
import * as det from '../core/detMath';

export interface FoldedParams {
  /** Forward/backward gate λ ∈ [0, 1]. */
  lambda: number;
  /** Weight β of the reconstruction cost C = ‖u_0 − x‖². */
  beta: number;
  /** Learning rate of the forward weights W. */
  eta_W: number;
  /** Learning rate of the generative weights G. */
  eta_G: number;
}

/** φ′ of tanh from r = tanh(u). */
const dtanh = (r: number) => 1 - r * r;

export class FoldedAutoencoder {
  readonly N: number;
  /** Start of layer i in the flat state vector; offsets[N + 1] = total size. */
  readonly offsets: number[];
  readonly dim: number;
  /** W[i] (i = 1..N): sizes[i] × sizes[i−1]; W[0] is empty. */
  readonly W: Float64Array[];
  /** G[i] (i = 0..N−1): sizes[i] × sizes[i+1]; G[N] is empty. */
  readonly G: Float64Array[];
  /** Somatic potentials of all layers. */
  readonly u: Float64Array;
  /** Target of the visible layer (the input). */
  readonly x: Float64Array;
  /** ∂E/∂u at the state of the last gradient() call. */
  readonly grad: Float64Array;
  // Scratch of the last energy() evaluation: rates and both prediction errors (flat, like u).
  private readonly r: Float64Array;
  private readonly epsW: Float64Array;
  private readonly epsG: Float64Array;
  private readonly tmp: Float64Array;

  constructor(readonly sizes: readonly number[], public p: FoldedParams, init?: { rng: Rng; gainW: number; gainG: number }) {
    if (sizes.length < 2) throw new Error('a folded autoencoder needs at least two layers');
    this.N = sizes.length - 1;
    this.offsets = [0];
    for (const n of sizes) this.offsets.push(this.offsets[this.offsets.length - 1] + n);
    this.dim = this.offsets[this.N + 1];
    this.W = sizes.map((n, i) => new Float64Array(i >= 1 ? n * sizes[i - 1] : 0));
    this.G = sizes.map((n, i) => new Float64Array(i < this.N ? n * sizes[i + 1] : 0));
    this.u = new Float64Array(this.dim);
    this.x = new Float64Array(sizes[0]);
    this.grad = new Float64Array(this.dim);
    this.r = new Float64Array(this.dim);
    this.epsW = new Float64Array(this.dim);
    this.epsG = new Float64Array(this.dim);
    this.tmp = new Float64Array(Math.max(...sizes));
    if (init) {
      for (let i = 1; i <= this.N; i++) fillNormal(this.W[i], init.gainW / Math.sqrt(sizes[i - 1]), init.rng);
      for (let i = 0; i < this.N; i++) fillNormal(this.G[i], init.gainG / Math.sqrt(sizes[i + 1]), init.rng);
    }
  }

  /** Clamps the target to x, sets u_0 = x and sweeps forward: u_i = W_i r_{i−1}. */
  feedforward(x: ArrayLike<number>): void {
    this.x.set(x);
    this.u.set(x);
    for (let i = 1; i <= this.N; i++) {
      matVec(this.W[i], this.sizes[i], this.sizes[i - 1], this.u, this.offsets[i - 1], true, this.u, this.offsets[i]);
    }
  }

  /** E at state v (default: the current state); leaves the errors of v in the scratch buffers. */
  energy(v: Float64Array = this.u): number {
    const { N, sizes, offsets, r, epsW, epsG } = this;
    const { lambda, beta } = this.p;
    for (let k = 0; k < this.dim; k++) r[k] = det.tanh(v[k]);
    let eW = 0, eG = 0, c = 0;
    for (let i = 1; i <= N; i++) {
      const o = offsets[i];
      matVec(this.W[i], sizes[i], sizes[i - 1], r, offsets[i - 1], false, epsW, o);
      for (let j = 0; j < sizes[i]; j++) {
        const e = (epsW[o + j] = v[o + j] - epsW[o + j]);
        eW += e * e;
      }
    }
    for (let i = 0; i < N; i++) {
      const o = offsets[i];
      matVec(this.G[i], sizes[i], sizes[i + 1], r, offsets[i + 1], false, epsG, o);
      for (let j = 0; j < sizes[i]; j++) {
        const e = (epsG[o + j] = v[o + j] - epsG[o + j]);
        eG += e * e;
      }
    }
    for (let j = 0; j < sizes[0]; j++) c += (v[j] - this.x[j]) ** 2;
    return 0.5 * lambda * eW + 0.5 * (1 - lambda) * eG + beta * c;
  }

  /** ∂E/∂u at state v into this.grad; returns E(v). */
  gradient(v: Float64Array = this.u): number {
    const E = this.energy(v);
    const { N, sizes, offsets, r, epsW, epsG, grad } = this;
    const { lambda, beta } = this.p;
    for (let i = 0; i <= N; i++) {
      const o = offsets[i], n = sizes[i];
      for (let j = 0; j < n; j++) grad[o + j] = (i >= 1 ? lambda * epsW[o + j] : 0) + (i < N ? (1 - lambda) * epsG[o + j] : 0);
      // Errors of the neighbouring layers projected back through the weights that predict them.
      const back = this.tmp;
      back.fill(0, 0, n);
      if (i < N) matTVecAdd(this.W[i + 1], sizes[i + 1], n, epsW, offsets[i + 1], lambda, back);
      if (i >= 1) matTVecAdd(this.G[i - 1], sizes[i - 1], n, epsG, offsets[i - 1], 1 - lambda, back);
      for (let j = 0; j < n; j++) grad[o + j] -= dtanh(r[o + j]) * back[j];
    }
    for (let j = 0; j < sizes[0]; j++) grad[j] += 2 * beta * (v[j] - this.x[j]);
    return E;
  }

  /** One inference step u ← u − h ∂E/∂u; returns E before the step (E after it is the next call's value). */
  relaxStep(h: number): number {
    const E = this.gradient();
    for (let k = 0; k < this.dim; k++) this.u[k] -= h * this.grad[k];
    return E;
  }

  /**
   * One plasticity step at the current state: W_i += η_W λ ε_i^W r_{i−1}ᵀ, G_i += η_G (1−λ) ε_i^G r_{i+1}ᵀ.
   * Returns E at the state before the weights changed.
   */
  plasticity(): number {
    const E = this.energy();
    const { N, sizes, offsets, r, epsW, epsG } = this;
    const { lambda, eta_W, eta_G } = this.p;
    for (let i = 1; i <= N; i++) outerAdd(this.W[i], sizes[i], sizes[i - 1], epsW, offsets[i], r, offsets[i - 1], eta_W * lambda);
    for (let i = 0; i < N; i++) outerAdd(this.G[i], sizes[i], sizes[i + 1], epsG, offsets[i], r, offsets[i + 1], eta_G * (1 - lambda));
    return E;
  }

  /** Encodes x bottom-up with W (top-layer potentials into top). */
  encode(x: ArrayLike<number>, top: Float64Array): void {
    this.feedforward(x);
    top.set(this.u.subarray(this.offsets[this.N]));
  }

  /** Decodes top-layer potentials top-down with G: u_i = G_i r_{i+1}; the visible layer into out. Overwrites u. */
  decode(top: ArrayLike<number>, out: Float64Array): void {
    this.u.set(top, this.offsets[this.N]);
    for (let i = this.N - 1; i >= 0; i--) {
      matVec(this.G[i], this.sizes[i], this.sizes[i + 1], this.u, this.offsets[i + 1], true, this.u, this.offsets[i]);
    }
    out.set(this.u.subarray(0, this.sizes[0]));
  }

  /**
   * Estimate of the Lipschitz constant L of ∂E/∂u around the current state: per energy term
   * ½‖a − M φ(b)‖² the Hessian is bounded by 1 + ‖M‖₂² + max|φ″|·‖Mᵀε‖_∞ (spectral norms by power
   * iteration), summed over the terms with their gates, plus 2β. Gradient descent is
   * non-increasing in E for step sizes below 2/L.
   */
  lipschitz(): number {
    this.energy();
    const { N, sizes, offsets, epsW, epsG } = this;
    const { lambda, beta } = this.p;
    const curv = 4 / (3 * Math.sqrt(3)); // max |tanh″|
    let L = 2 * beta;
    for (let i = 1; i <= N; i++) L += lambda * (1 + spectralNorm2(this.W[i], sizes[i], sizes[i - 1]) + curv * backMax(this.W[i], sizes[i], sizes[i - 1], epsW, offsets[i], this.tmp));
    for (let i = 0; i < N; i++) L += (1 - lambda) * (1 + spectralNorm2(this.G[i], sizes[i], sizes[i + 1]) + curv * backMax(this.G[i], sizes[i], sizes[i + 1], epsG, offsets[i], this.tmp));
    return L;
  }

  snapshot(): Record<string, unknown> {
    return { W: this.W.map((w) => w.slice()), G: this.G.map((g) => g.slice()), u: this.u.slice(), x: this.x.slice() };
  }

  restore(s: Record<string, unknown>): void {
    (s.W as Float64Array[]).forEach((w, i) => this.W[i].set(w));
    (s.G as Float64Array[]).forEach((g, i) => this.G[i].set(g));
    this.u.set(s.u as Float64Array);
    this.x.set(s.x as Float64Array);
  }
}

function fillNormal(a: Float64Array, sd: number, rng: Rng): void {
  for (let k = 0; k < a.length; k++) a[k] = sd * rng.normal();
}

/** out[oo + j] = Σ_k M[j, k] f(v[ov + k]) with f = tanh when `rates` (else identity). */
function matVec(M: Float64Array, rows: number, cols: number, v: Float64Array, ov: number, rates: boolean, out: Float64Array, oo: number): void {
  for (let j = 0; j < rows; j++) {
    let s = 0;
    const b = j * cols;
    if (rates) for (let k = 0; k < cols; k++) s += M[b + k] * det.tanh(v[ov + k]);
    else for (let k = 0; k < cols; k++) s += M[b + k] * v[ov + k];
    out[oo + j] = s;
  }
}

/** acc[k] += c Σ_j M[j, k] e[oe + j]. */
function matTVecAdd(M: Float64Array, rows: number, cols: number, e: Float64Array, oe: number, c: number, acc: Float64Array): void {
  for (let j = 0; j < rows; j++) {
    const ej = c * e[oe + j];
    if (ej === 0) continue;
    const b = j * cols;
    for (let k = 0; k < cols; k++) acc[k] += M[b + k] * ej;
  }
}

/** M[j, k] += c e[oe + j] r[or + k]. */
function outerAdd(M: Float64Array, rows: number, cols: number, e: Float64Array, oe: number, r: Float64Array, or: number, c: number): void {
  if (c === 0) return;
  for (let j = 0; j < rows; j++) {
    const ej = c * e[oe + j];
    const b = j * cols;
    for (let k = 0; k < cols; k++) M[b + k] += ej * r[or + k];
  }
}

/** max_k |(Mᵀ e)_k| for the error block of the rows. */
function backMax(M: Float64Array, rows: number, cols: number, e: Float64Array, oe: number, tmp: Float64Array): number {
  tmp.fill(0, 0, cols);
  matTVecAdd(M, rows, cols, e, oe, 1, tmp);
  let m = 0;
  for (let k = 0; k < cols; k++) m = Math.max(m, Math.abs(tmp[k]));
  return m;
}

/** ‖M‖₂² by power iteration on MᵀM (deterministic start, 50 iterations, +1% margin). */
export function spectralNorm2(M: Float64Array, rows: number, cols: number): number {
  if (M.length === 0) return 0;
  const v = new Float64Array(cols).fill(1 / Math.sqrt(cols));
  const w = new Float64Array(rows);
  let s = 0;
  for (let it = 0; it < 50; it++) {
    for (let j = 0; j < rows; j++) {
      let a = 0;
      for (let k = 0; k < cols; k++) a += M[j * cols + k] * v[k];
      w[j] = a;
    }
    v.fill(0);
    for (let j = 0; j < rows; j++) for (let k = 0; k < cols; k++) v[k] += M[j * cols + k] * w[j];
    let n = 0;
    for (let k = 0; k < cols; k++) n += v[k] * v[k];
    n = Math.sqrt(n);
    if (n === 0) return 0;
    s = n;
    for (let k = 0; k < cols; k++) v[k] /= n;
  }
  return 1.01 * s;
}
