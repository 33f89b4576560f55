/**
 * Inhibitory STDP of Vogels, Sprekeler, Zenke, Clopath & Gerstner 2011 (SCIENCE.md §6.1).
 *
 *   traces x_pre (per inhibitory input), x_post (per target), τ = 20 ms, +1 per spike
 *   inhibitory presynaptic spike i:  w_ij ← clip(w_ij + η·(x_post_j − α))
 *   postsynaptic spike j:           w_ij ← clip(w_ij + η·x_pre_i)
 *   α = 2·ρ0·τ  (ρ0 the target rate), clip to [0, w_max]
 *
 * For uncorrelated trains ⟨ẇ⟩ = η ρ_pre (2τρ_post − α), zero exactly at ρ_post = ρ0: inhibition
 * grows onto neurons that fire above ρ0 and shrinks onto those below. An optional mask limits
 * the rule to existing synapses of a sparse connectivity stored densely.
 */
import type { ComponentSnapshot } from '../core/component';
import { DecayCache, scaleArray, type PairwiseRule } from './pairwiseRule';

export interface VogelsParams {
  /** Learning rate η (weight units per event). */
  eta: number;
  /** Target postsynaptic rate ρ0 (Hz). */
  rho0: number;
  /** Trace time constant τ (ms). */
  tau: number;
  /** Upper weight bound (weight units). */
  w_max: number;
}

export class VogelsIstdp implements PairwiseRule {
  readonly xPre: Float64Array;
  readonly xPost: Float64Array;
  readonly p: VogelsParams;
  private readonly d = new DecayCache();

  /** @param mask optional nPre×nPost row-major 0/1 mask of existing synapses */
  constructor(nPre: number, nPost: number, params: VogelsParams, readonly mask: Uint8Array | null = null) {
    this.xPre = new Float64Array(nPre);
    this.xPost = new Float64Array(nPost);
    this.p = { ...params };
  }

  /** Depression offset α = 2ρ0τ (ρ0 in Hz, τ in ms). */
  get alpha(): number {
    return (2 * this.p.rho0 * this.p.tau) / 1000;
  }

  setParams(patch: Partial<VogelsParams>): void {
    Object.assign(this.p, patch);
  }

  decay(ms: number): void {
    const a = this.d.factor(ms, this.p.tau);
    scaleArray(this.xPre, a);
    scaleArray(this.xPost, a);
  }

  onPre(i: number, w: Float32Array, nPost: number): void {
    const { eta, w_max } = this.p;
    const alpha = this.alpha;
    const base = i * nPost;
    const mask = this.mask;
    const xPost = this.xPost;
    for (let j = 0; j < nPost; j++) {
      if (mask && mask[base + j] === 0) continue;
      const next = w[base + j] + eta * (xPost[j] - alpha);
      w[base + j] = next < 0 ? 0 : next > w_max ? w_max : next;
    }
    this.xPre[i] += 1;
  }

  onPost(j: number, w: Float32Array, nPre: number, nPost: number): void {
    const { eta, w_max } = this.p;
    const mask = this.mask;
    const xPre = this.xPre;
    for (let i = 0, k = j; i < nPre; i++, k += nPost) {
      if (xPre[i] === 0 || (mask && mask[k] === 0)) continue;
      const next = w[k] + eta * xPre[i];
      w[k] = next > w_max ? w_max : next;
    }
    this.xPost[j] += 1;
  }

  snapshot(): ComponentSnapshot {
    return { xPre: this.xPre.slice(), xPost: this.xPost.slice(), p: { ...this.p } };
  }

  restore(s: ComponentSnapshot): void {
    this.xPre.set(s.xPre as Float64Array);
    this.xPost.set(s.xPost as Float64Array);
    Object.assign(this.p, s.p as VogelsParams);
  }
}
