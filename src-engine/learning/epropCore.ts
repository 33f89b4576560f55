/**
 * e-prop for a recurrent LIF or ALIF layer (Bellec et al. 2020; SCIENCE.md §5.1), in the discrete
 * form of source 000 (dimensionless potentials, dt = one step):
 *
 *   v_j^{t+1} = α v_j^t + Σ_i W^rec_ij z_i^t + Σ_i W^in_ij x_i^{t+1} − z_j^t v_th,    α = e^{−dt/τ_m}
 *   z_j^{t+1} = H(v_j^{t+1} − A_j^{t+1})   (0 during n_ref refractory steps)
 *   ψ_j^t     = (γ/v_th)·max(0, 1 − |v_j^t − A_j^t|/v_th)      (0 during refractoriness)
 *
 * LIF (beta_a = 0, the default): A_j = v_th. ALIF (beta_a = β > 0, rho = ρ = e^{−dt/τ_a}):
 * A_j^t = v_th + β a_j^t with a_j^{t+1} = ρ a_j^t + z_j^t; the reset keeps the base threshold v_th;
 * the eligibility gains the per-synapse adaptation component ε^a (epropAlif.ts).
 *
 * Eligibility traces (exact when gradients through the reset and the recurrence are stopped):
 * LIF e_ij^{t+1} = ψ_j^{t+1} z̄_i^t with z̄_i^t = α z̄_i^{t−1} + z_i^t for recurrent weights,
 * e_ij^t = ψ_j^t x̄_i^t with x̄_i^t = α x̄_i^{t−1} + x_i^t for input weights; ALIF
 * e_ij = ψ_j (z̄_i − β ε^a_ij) (x̄_i − β ε^a_ij for input weights).
 * accumulate(L) adds the learning signal times the traces to the gradient,
 *   G_ij += L_j^t · e_ij^t                    (kappa = 0: the loss reads z directly)
 *   G_ij += L_j^t · F_κ(e_ij)^t,  F_κ(e)^t = κ F_κ(e)^{t−1} + (1 − κ) e^t   (leaky readout, κ = e^{−dt/τ_out})
 * so that G is the e-prop estimate of dE/dW when L_j^t = ∂E/∂z_j^t (descend with W ← W − η·G).
 * Weights are pre-major (row i = presynaptic i). With `diagonalInput` every neuron j has one
 * private input x_j with weight W^in_j (nIn = n, W^in of length n, e_jj = ψ_j x̄_j).
 * The caller owns the optimiser. The κ-filtered loops and ALIF's ε^a run in wasm/traceKernel.wat
 * on arrays in the kernel's memory (ψ, z̄, x̄, gradients, filtered traces, ε^a), with the same
 * float64 operations as the formulas above. The filtered traces F_κ(e) and ε^a are flushed to 0
 * when they fall below 2^−1022 ≈ 2.2·10⁻³⁰⁸ (the smallest normal float64): a silent neuron's traces
 * otherwise decay into subnormal numbers that x·κ rounds back to themselves, which stay there for
 * good and make every step several times slower. Below 10⁻³⁰⁸ they carry no gradient anyway.
 */
import { TraceArena } from '../wasm/traceKernel';
import { accumulateAlifDiagonal, accumulateAlifOuter, AlifState } from './epropAlif';
import { pseudoDerivative } from './surrogate';

export interface EpropLifParams {
  /** α = e^{−dt/τ_m}. */
  alpha: number;
  v_th: number;
  /** Pseudo-derivative dampening γ_pd (0.3 in the paper). */
  gamma: number;
  /** Refractory steps after a spike. */
  n_ref: number;
  /** ALIF threshold adaptation β (units of v, ≥ 0); 0 or absent = LIF. Fixed at construction as on/off. */
  beta_a?: number;
  /** ρ = e^{−dt/τ_a}, per-step decay of the adaptation variable (in (0, 1); needed when beta_a > 0). */
  rho?: number;
}

export class EpropCore {
  readonly v: Float64Array;
  /** Spikes of the current step (0/1). */
  readonly z: Float64Array;
  readonly psi: Float64Array;
  /** z̄^t = α z̄^{t−1} + z^t of the previous step (paired with ψ^{t+1}). */
  readonly zbar: Float64Array;
  readonly xbar: Float64Array;
  readonly refr: Int32Array;
  readonly gIn: Float64Array;
  readonly gRec: Float64Array;
  /** κ-filtered eligibility traces (only when kappa > 0). */
  private readonly fIn: Float64Array | null;
  private readonly fRec: Float64Array | null;
  /** Eligibility summed over the current bin (see accumulateBin / flushBin), allocated on first use. */
  private binRec: Float64Array | null = null;
  private binIn: Float64Array | null = null;
  /** Adaptation state and ε^a (only when constructed with beta_a > 0). */
  readonly alif: AlifState | null;
  /** Recurrent + input current collected for the next step. */
  private readonly drive: Float64Array;
  /** The kernel's memory and scratch rows: (1 − κ)·pre_i, the learning signal L_j, (1 − κ)·ψ_j. */
  private readonly arena: TraceArena;
  private readonly preScaled: Float64Array;
  private readonly lsig: Float64Array;
  private readonly psiScaled: Float64Array;
  readonly spikes: Int32Array;
  spikeCount = 0;

  constructor(
    readonly nIn: number,
    readonly n: number,
    readonly wIn: Float64Array,
    readonly wRec: Float64Array,
    public params: EpropLifParams,
    readonly kappa = 0,
    /** Whether input-weight gradients are accumulated (off when W_in is a fixed drive). */
    readonly learnInput = true,
    /** One private input per neuron (x_j → neuron j) instead of a dense input matrix. */
    readonly diagonalInput = false,
  ) {
    if (diagonalInput && (nIn !== n || wIn.length !== n)) throw new Error('e-prop: diagonal input needs nIn = n weights');
    if ((!diagonalInput && wIn.length !== nIn * n) || wRec.length !== n * n) throw new Error('e-prop: weight shapes do not match');
    if (diagonalInput && kappa > 0) throw new Error('e-prop: diagonal input is not combined with a filtered readout');
    const beta = params.beta_a ?? 0;
    if (!(beta >= 0) || !Number.isFinite(beta)) throw new Error('e-prop: beta_a must be a finite number ≥ 0');
    if (beta > 0 && !(params.rho !== undefined && params.rho > 0 && params.rho < 1)) throw new Error('e-prop: ALIF (beta_a > 0) needs rho in (0, 1)');
    const filtered = kappa > 0;
    this.arena = new TraceArena([
      n, n, nIn, wIn.length, n * n, filtered ? nIn * n : 0, filtered ? n * n : 0, Math.max(nIn, n), n, n,
      ...(beta > 0 ? AlifState.arenaLengths(nIn, n, learnInput, diagonalInput) : []),
    ]);
    const f64 = (length: number) => this.arena.f64(length);
    this.alif = beta > 0 ? new AlifState(nIn, n, learnInput, diagonalInput, this.arena) : null;
    this.v = new Float64Array(n);
    this.z = new Float64Array(n);
    this.psi = f64(n);
    this.zbar = f64(n);
    this.xbar = f64(nIn);
    this.refr = new Int32Array(n);
    this.drive = new Float64Array(n);
    this.gIn = f64(wIn.length);
    this.gRec = f64(n * n);
    this.fIn = filtered ? f64(nIn * n) : null;
    this.fRec = filtered ? f64(n * n) : null;
    this.preScaled = f64(Math.max(nIn, n));
    this.lsig = f64(n);
    this.psiScaled = f64(n);
    this.spikes = new Int32Array(n);
  }

  /**
   * One step t → t+1 with input spikes x^{t+1} given as a list of input indices (repeats add).
   * Afterwards z, ψ, v, z̄, x̄ hold the values at t+1.
   */
  step(xIds: ArrayLike<number>, xCount: number): void {
    const { alpha, v_th: vth, gamma, n_ref: nRef } = this.params;
    const n = this.n, v = this.v, z = this.z, d = this.drive;
    const al = this.alif, beta = this.params.beta_a ?? 0;
    if (al) al.advance(this.psi, z, this.zbar, this.xbar, this.params.rho!, beta);
    else if (beta > 0) throw new Error('e-prop: beta_a > 0 needs a core constructed with ALIF (beta_a > 0)');
    // Recurrent input from z^t (event-driven) and input from x^{t+1}.
    d.fill(0);
    const wr = this.wRec, wi = this.wIn;
    for (let i = 0; i < n; i++) {
      if (z[i] === 0) continue;
      const base = i * n;
      for (let j = 0; j < n; j++) d[j] += wr[base + j];
    }
    const xb = this.xbar;
    for (let i = 0; i < this.nIn; i++) xb[i] *= alpha;
    for (let k = 0; k < xCount; k++) {
      const i = xIds[k];
      xb[i] += 1;
      if (this.diagonalInput) {
        d[i] += wi[i];
        continue;
      }
      const base = i * n;
      for (let j = 0; j < n; j++) d[j] += wi[base + j];
    }
    // z̄^t = α z̄^{t−1} + z^t, kept for the recurrent traces of step t+1.
    const zb = this.zbar;
    for (let i = 0; i < n; i++) zb[i] = alpha * zb[i] + z[i];
    let count = 0;
    for (let j = 0; j < n; j++) {
      const vj = alpha * v[j] + d[j] - z[j] * vth;
      v[j] = vj;
      if (this.refr[j] > 0) {
        this.refr[j]--;
        z[j] = 0;
        this.psi[j] = 0;
        continue;
      }
      const thr = al ? vth + beta * al.a[j] : vth;
      this.psi[j] = pseudoDerivative(vj, vth, gamma, thr);
      if (vj >= thr) {
        z[j] = 1;
        this.refr[j] = nRef;
        this.spikes[count++] = j;
      } else z[j] = 0;
    }
    this.spikeCount = count;
  }

  /** Adds L_j · (filtered) e_ij for this step to the gradients. */
  accumulate(L: Float64Array): void {
    const n = this.n, psi = this.psi;
    const lp = this.drive; // reuse as scratch: L_j ψ_j
    for (let j = 0; j < n; j++) lp[j] = L[j] * psi[j];
    if (this.alif) {
      this.accumulateAlif(L, lp);
      return;
    }
    if (this.fIn && this.fRec) {
      if (this.learnInput) this.accumulateFiltered(this.fIn, this.gIn, this.xbar, this.nIn, L);
      this.accumulateFiltered(this.fRec, this.gRec, this.zbar, n, L);
      return;
    }
    if (this.learnInput && this.diagonalInput) for (let j = 0; j < n; j++) this.gIn[j] += this.xbar[j] * lp[j];
    else if (this.learnInput) accumulateOuter(this.gIn, this.xbar, this.nIn, lp, n);
    accumulateOuter(this.gRec, this.zbar, n, lp, n);
  }

  private accumulateAlif(L: Float64Array, lp: Float64Array): void {
    const al = this.alif!, n = this.n, beta = this.params.beta_a ?? 0, k = this.kappa;
    if (this.fIn && this.fRec) {
      // κ-filtered traces: f ← κ f + (1 − κ) ψ_j (pre_i − β ε^a_ij), g += L_j f.
      const b = 1 - k, bpsi = this.psiScaled;
      for (let j = 0; j < n; j++) bpsi[j] = b * this.psi[j];
      this.lsig.set(L);
      if (al.epsIn) this.arena.alifFilteredTraces(this.nIn, n, this.fIn, this.gIn, this.xbar, al.epsIn, bpsi, this.lsig, k, beta);
      this.arena.alifFilteredTraces(n, n, this.fRec, this.gRec, this.zbar, al.epsRec, bpsi, this.lsig, k, beta);
      return;
    }
    if (al.epsIn && this.diagonalInput) accumulateAlifDiagonal(this.gIn, this.xbar, al.epsIn, lp, n, beta);
    else if (al.epsIn) accumulateAlifOuter(this.gIn, this.xbar, al.epsIn, this.nIn, lp, n, beta);
    accumulateAlifOuter(this.gRec, this.zbar, al.epsRec, n, lp, n, beta);
  }

  /** κ-filtered traces: f_ij ← κ f_ij + ((1 − κ) pre_i) ψ_j, g_ij += L_j f_ij. */
  private accumulateFiltered(f: Float64Array, g: Float64Array, pre: Float64Array, nPre: number, L: Float64Array): void {
    const k = this.kappa, b = 1 - k, pb = this.preScaled;
    for (let i = 0; i < nPre; i++) pb[i] = pre[i] * b;
    this.lsig.set(L);
    this.arena.filteredTraces(nPre, this.n, f, g, pb, this.psi, this.lsig, k);
  }

  /**
   * For losses defined on bins of several steps (the learning signal is constant within a bin):
   * accumulateBin() adds this step's traces ψ_j z̄_i (ψ_j x̄_i; ALIF: ψ_j (z̄_i − β ε^a_ij)) to per-synapse bin sums, and
   * flushBin(L) adds L_j · Σ_bin e_ij to the gradients and clears the sums. Unfiltered traces only.
   */
  accumulateBin(): void {
    const n = this.n;
    if (!this.binRec) {
      this.binRec = new Float64Array(this.wRec.length);
      this.binIn = new Float64Array(this.wIn.length);
    }
    const al = this.alif;
    if (al) {
      const beta = this.params.beta_a ?? 0;
      accumulateAlifOuter(this.binRec, this.zbar, al.epsRec, n, this.psi, n, beta);
      if (al.epsIn && this.diagonalInput) accumulateAlifDiagonal(this.binIn!, this.xbar, al.epsIn, this.psi, n, beta);
      else if (al.epsIn) accumulateAlifOuter(this.binIn!, this.xbar, al.epsIn, this.nIn, this.psi, n, beta);
      return;
    }
    accumulateOuter(this.binRec, this.zbar, n, this.psi, n);
    const bi = this.binIn!;
    if (!this.learnInput) return;
    if (this.diagonalInput) for (let j = 0; j < n; j++) bi[j] += this.xbar[j] * this.psi[j];
    else accumulateOuter(bi, this.xbar, this.nIn, this.psi, n);
  }

  flushBin(L: Float64Array): void {
    if (!this.binRec || !this.binIn) return;
    const n = this.n, br = this.binRec, bi = this.binIn, gr = this.gRec, gi = this.gIn;
    for (let q = 0; q < br.length; q++) gr[q] += br[q] * L[q % n];
    if (this.learnInput) for (let q = 0; q < bi.length; q++) gi[q] += bi[q] * L[q % n];
    br.fill(0);
    bi.fill(0);
  }

  resetGradients(): void {
    this.gIn.fill(0);
    this.gRec.fill(0);
  }

  snapshot(): Record<string, unknown> {
    return {
      binRec: this.binRec?.slice() ?? null, binIn: this.binIn?.slice() ?? null, alif: this.alif?.snapshot() ?? null,
      v: this.v.slice(), z: this.z.slice(), psi: this.psi.slice(), zbar: this.zbar.slice(), xbar: this.xbar.slice(),
      refr: this.refr.slice(), gIn: this.gIn.slice(), gRec: this.gRec.slice(), fIn: this.fIn?.slice() ?? null, fRec: this.fRec?.slice() ?? null,
      wIn: this.wIn.slice(), wRec: this.wRec.slice(), params: { ...this.params }, spikeCount: this.spikeCount, spikes: this.spikes.slice(),
    };
  }

  restore(s: Record<string, unknown>): void {
    for (const key of ['v', 'z', 'psi', 'zbar', 'xbar', 'gIn', 'gRec', 'wIn', 'wRec'] as const) (this[key] as Float64Array).set(s[key] as Float64Array);
    this.refr.set(s.refr as Int32Array);
    if (this.fIn) this.fIn.set(s.fIn as Float64Array);
    if (this.fRec) this.fRec.set(s.fRec as Float64Array);
    this.params = { ...(s.params as EpropLifParams) };
    this.binRec = s.binRec ? (s.binRec as Float64Array).slice() : null;
    this.binIn = s.binIn ? (s.binIn as Float64Array).slice() : null;
    if (this.alif) this.alif.restore(s.alif as Record<string, unknown>);
    this.spikes.set(s.spikes as Int32Array);
    this.spikeCount = s.spikeCount as number;
  }
}

/** g[i, j] += pre_i · lp_j for the rows with pre_i ≠ 0. */
function accumulateOuter(g: Float64Array, pre: Float64Array, nPre: number, lp: Float64Array, n: number): void {
  for (let i = 0; i < nPre; i++) {
    const pi = pre[i];
    if (pi === 0) continue;
    const base = i * n;
    for (let j = 0; j < n; j++) g[base + j] += pi * lp[j];
  }
}
