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
 * weights; for a diagonal input one ε^a per neuron) and a scratch row in the e-prop core's
 * trace arena (wasm/traceKernel.wat advances ε^a); the accumulate functions add L_j·e_ji with
 * ε^a in place (the κ-filtered form runs in the same kernel, called by the core).
 */
import { flushSubnormal, type TraceArena } from '../wasm/traceKernel';

export class AlifState {
  /** Adaptation variable a_j of the current step. */
  readonly a: Float64Array;
  /** ε^a of the recurrent weights (n × n, pre-major). */
  readonly epsRec: Float64Array;
  /** ε^a of the input weights (nIn × n, or n for a diagonal input); null when W_in does not learn. */
  readonly epsIn: Float64Array | null;
  /** Scratch: ρ − ψ_j β. */
  private readonly coef: Float64Array;

  /** The arena arrays the constructor takes: ε^a (recurrent, input) and the scratch row. */
  static arenaLengths(nIn: number, n: number, learnInput: boolean, diagonalInput: boolean): number[] {
    return [n * n, learnInput ? (diagonalInput ? n : nIn * n) : 0, n];
  }

  constructor(readonly nIn: number, readonly n: number, learnInput: boolean, readonly diagonalInput: boolean, private readonly arena: TraceArena) {
    this.a = new Float64Array(n);
    this.epsRec = arena.f64(n * n);
    this.epsIn = learnInput ? arena.f64(diagonalInput ? n : nIn * n) : null;
    this.coef = arena.f64(n);
  }

  /**
   * Step t → t+1, called before the neurons and the presynaptic traces advance: ψ, z, z̄, x̄ still
   * hold ψ^t, z^t, ε^v_t. Updates ε^a to t+1 (ε[i, j] ← ψ_j pre_i + c_j ε[i, j], c_j = ρ − ψ_j β,
   * flushed to 0 below 2^−1022 as in epropCore.ts)
   * and a to a^{t+1} = ρ a^t + z^t. ψ, z̄ and x̄ are arrays of the same arena.
   */
  advance(psi: Float64Array, z: Float64Array, zbar: Float64Array, xbar: Float64Array, rho: number, beta: number): void {
    const n = this.n, c = this.coef, a = this.a;
    for (let j = 0; j < n; j++) c[j] = rho - beta * psi[j];
    this.arena.alifEps(n, n, this.epsRec, zbar, psi, c);
    const ei = this.epsIn;
    if (ei && this.diagonalInput) for (let j = 0; j < n; j++) ei[j] = flushSubnormal(psi[j] * xbar[j] + c[j] * ei[j]);
    else if (ei) this.arena.alifEps(this.nIn, n, ei, xbar, psi, c);
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
