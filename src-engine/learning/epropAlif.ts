/**
 * Threshold adaptation for the e-prop core (ALIF; Bellec et al. 2020, SCIENCE.md §5.1), in the
 * core's discrete form (dt = one step, potentials dimensionless like v_th):
 *
 *   a_j^{t+1} = ρ a_j^t + z_j^t,   ρ = e^{−dt/τ_a}        (a: spikes, decaying with τ_a)
 *   A_j^t     = v_th + β a_j^t                           (β in units of v; spiking z = H(v − A), ψ uses v − A)
 *
 * The reset stays −z_j^t v_th (the base threshold), as in source 000 and Bellec's ALIF code.
 * Per synapse i → j the eligibility vector is (ε^v, ε^a): ε^v is the core's presynaptic trace
 * (z̄_i for recurrent, x̄_i for input weights) and
 *
 *   ε^a_ji,t+1 = ψ_j^t ε^v_ji,t + (ρ − ψ_j^t β) ε^a_ji,t
 *   e_ji^t     = ψ_j^t (ε^v_ji,t − β ε^a_ji,t)
 *
 * which is exact (= BPTT) when the gradient paths through the recurrence and the reset are stopped
 * and the adaptation path z_j^t → a_j^{t+1} is kept. AlifState holds a, ε^a (pre-major like the
 * weights; for a diagonal input one ε^a per neuron) and a scratch row; the accumulate functions
 * add L_j·e_ji (or its κ-filtered form) with ε^a in place.
 */

export class AlifState {
  /** Adaptation variable a_j of the current step. */
  readonly a: Float64Array;
  /** ε^a of the recurrent weights (n × n, pre-major). */
  readonly epsRec: Float64Array;
  /** ε^a of the input weights (nIn × n, or n for a diagonal input); null when W_in does not learn. */
  readonly epsIn: Float64Array | null;
  /** Scratch: ρ − ψ_j β. */
  private readonly coef: Float64Array;

  constructor(readonly nIn: number, readonly n: number, learnInput: boolean, readonly diagonalInput: boolean) {
    this.a = new Float64Array(n);
    this.epsRec = new Float64Array(n * n);
    this.epsIn = learnInput ? new Float64Array(diagonalInput ? n : nIn * n) : null;
    this.coef = new Float64Array(n);
  }

  /**
   * Step t → t+1, called before the neurons and the presynaptic traces advance: ψ, z, z̄, x̄ still
   * hold ψ^t, z^t, ε^v_t. Updates ε^a to t+1 and a to a^{t+1} = ρ a^t + z^t.
   */
  advance(psi: Float64Array, z: Float64Array, zbar: Float64Array, xbar: Float64Array, rho: number, beta: number): void {
    const n = this.n, c = this.coef, a = this.a;
    for (let j = 0; j < n; j++) c[j] = rho - beta * psi[j];
    advanceEps(this.epsRec, zbar, n, psi, c, n);
    const ei = this.epsIn;
    if (ei && this.diagonalInput) for (let j = 0; j < n; j++) ei[j] = psi[j] * xbar[j] + c[j] * ei[j];
    else if (ei) advanceEps(ei, xbar, this.nIn, psi, c, n);
    for (let j = 0; j < n; j++) a[j] = rho * a[j] + z[j];
  }

  snapshot(): Record<string, Float64Array | null> {
    return { a: this.a.slice(), epsRec: this.epsRec.slice(), epsIn: this.epsIn?.slice() ?? null };
  }

  restore(s: Record<string, unknown>): void {
    this.a.set(s.a as Float64Array);
    this.epsRec.set(s.epsRec as Float64Array);
    if (this.epsIn) this.epsIn.set(s.epsIn as Float64Array);
  }
}

/** ε[i, j] ← ψ_j pre_i + c_j ε[i, j]. */
function advanceEps(eps: Float64Array, pre: Float64Array, nPre: number, psi: Float64Array, c: Float64Array, n: number): void {
  for (let i = 0; i < nPre; i++) {
    const p = pre[i];
    const base = i * n;
    for (let j = 0; j < n; j++) eps[base + j] = psi[j] * p + c[j] * eps[base + j];
  }
}

/** g[i, j] += lp_j (pre_i − β ε[i, j]), with lp_j = L_j ψ_j (or ψ_j alone for bin sums). */
export function accumulateAlifOuter(g: Float64Array, pre: Float64Array, eps: Float64Array, nPre: number, lp: Float64Array, n: number, beta: number): void {
  for (let i = 0; i < nPre; i++) {
    const p = pre[i];
    const base = i * n;
    for (let j = 0; j < n; j++) g[base + j] += lp[j] * (p - beta * eps[base + j]);
  }
}

/** Diagonal input: g_j += lp_j (pre_j − β ε_j). */
export function accumulateAlifDiagonal(g: Float64Array, pre: Float64Array, eps: Float64Array, lp: Float64Array, n: number, beta: number): void {
  for (let j = 0; j < n; j++) g[j] += lp[j] * (pre[j] - beta * eps[j]);
}

/** κ-filtered traces: f ← κ f + (1 − κ) ψ_j (pre_i − β ε), g += L_j f. */
export function accumulateAlifFiltered(
  f: Float64Array, g: Float64Array, pre: Float64Array, eps: Float64Array, nPre: number,
  psi: Float64Array, L: Float64Array, n: number, kappa: number, beta: number,
): void {
  const b = 1 - kappa;
  for (let i = 0; i < nPre; i++) {
    const p = pre[i];
    const base = i * n;
    for (let j = 0; j < n; j++) {
      const q = base + j;
      const fv = kappa * f[q] + b * psi[j] * (p - beta * eps[q]);
      f[q] = fv;
      g[q] += L[j] * fv;
    }
  }
}
