/**
 * Pair-based STDP with traces (SCIENCE.md §2.1; Song, Miller & Abbott 2000; Gütig et al. 2003).
 *
 *   traces  x_i (pre, τ+), y_j (post, τ−): x ← x·e^{−dt/τ+};  on a spike x ← x + 1 (all-to-all) or x ← 1 (nearest)
 *   pre spike i:   w_ij ← clip(w_ij − A−(w)·y_j),  then bump x_i
 *   post spike j:  w_ij ← clip(w_ij + A+(w)·x_i),  then bump y_j
 *   A+(w) = a+·(1 − w/w_max)^μ,  A−(w) = a−·(w/w_max)^μ,  clip to [0, w_max]
 *
 * μ = 0 is the additive rule with hard bounds (Song et al.), μ = 1 the multiplicative rule with
 * soft bounds. A single pair at Δt = t_post − t_pre gives Δw = a+·e^{−Δt/τ+} (Δt > 0) and
 * −a−·e^{Δt/τ−} (Δt < 0). Weights are in the projection's units (e.g. conductance); times in ms.
 */
import type { ComponentSnapshot } from '../core/component';
import { DecayCache, scaleArray, type PairwiseRule } from './pairwiseRule';
import * as det from '../core/detMath';

export interface PairStdpParams {
  /** Potentiation amplitude a+ (weight units). */
  a_plus: number;
  /** Depression amplitude a− (weight units, positive). */
  a_minus: number;
  /** Presynaptic trace time constant τ+ (ms). */
  tau_plus: number;
  /** Postsynaptic trace time constant τ− (ms). */
  tau_minus: number;
  /** Upper weight bound (weight units); the lower bound is 0. */
  w_max: number;
  /** Weight dependence exponent μ (0 additive, 1 multiplicative). */
  mu: number;
  /** 1: nearest-spike traces (reset to 1); 0: all-to-all (add 1). */
  nearest: number;
}

export class PairStdp implements PairwiseRule {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly p: PairStdpParams;
  private readonly dx = new DecayCache();
  private readonly dy = new DecayCache();

  constructor(nPre: number, nPost: number, params: PairStdpParams) {
    this.x = new Float64Array(nPre);
    this.y = new Float64Array(nPost);
    this.p = { ...params };
  }

  setParams(patch: Partial<PairStdpParams>): void {
    Object.assign(this.p, patch);
  }

  decay(ms: number): void {
    scaleArray(this.x, this.dx.factor(ms, this.p.tau_plus));
    scaleArray(this.y, this.dy.factor(ms, this.p.tau_minus));
  }

  onPre(i: number, w: Float32Array, nPost: number): void {
    const { a_minus, w_max, mu } = this.p;
    const y = this.y;
    const base = i * nPost;
    for (let j = 0; j < nPost; j++) {
      if (y[j] === 0) continue;
      const wij = w[base + j];
      const a = mu === 0 ? a_minus : a_minus * det.pow(Math.max(0, wij) / w_max, mu);
      const next = wij - a * y[j];
      w[base + j] = next < 0 ? 0 : next > w_max ? w_max : next;
    }
    this.x[i] = this.p.nearest ? 1 : this.x[i] + 1;
  }

  onPost(j: number, w: Float32Array, nPre: number, nPost: number): void {
    const { a_plus, w_max, mu } = this.p;
    const x = this.x;
    for (let i = 0, k = j; i < nPre; i++, k += nPost) {
      if (x[i] === 0) continue;
      const wij = w[k];
      const a = mu === 0 ? a_plus : a_plus * det.pow(Math.max(0, 1 - wij / w_max), mu);
      const next = wij + a * x[i];
      w[k] = next < 0 ? 0 : next > w_max ? w_max : next;
    }
    this.y[j] = this.p.nearest ? 1 : this.y[j] + 1;
  }

  snapshot(): ComponentSnapshot {
    return { x: this.x.slice(), y: this.y.slice(), p: { ...this.p } };
  }

  restore(s: ComponentSnapshot): void {
    this.x.set(s.x as Float64Array);
    this.y.set(s.y as Float64Array);
    Object.assign(this.p, s.p as PairStdpParams);
  }
}
