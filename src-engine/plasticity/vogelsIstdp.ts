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
 * the rule to existing synapses of a sparse connectivity stored densely; the rule then visits only
 * those (lists of each row's and each column's synapses, in ascending order, built once).
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

  /** With a mask: row i's synapses are rowIdx[rowPtr[i] … rowPtr[i+1]) (flat indices i·nPost + j); column j's rows are colIdx[colPtr[j] …]. */
  private readonly rowPtr: Int32Array | null = null;
  private readonly rowIdx: Int32Array | null = null;
  private readonly colPtr: Int32Array | null = null;
  private readonly colIdx: Int32Array | null = null;

  /** @param mask optional nPre×nPost row-major 0/1 mask of existing synapses */
  constructor(readonly nPre: number, readonly nPost: number, params: VogelsParams, readonly mask: Uint8Array | null = null) {
    this.xPre = new Float64Array(nPre);
    this.xPost = new Float64Array(nPost);
    this.p = { ...params };
    if (mask) {
      let count = 0;
      for (let k = 0; k < nPre * nPost; k++) if (mask[k]) count++;
      this.rowPtr = new Int32Array(nPre + 1);
      this.rowIdx = new Int32Array(count);
      this.colPtr = new Int32Array(nPost + 1);
      this.colIdx = new Int32Array(count);
      for (let i = 0, n = 0; i < nPre; i++) {
        for (let j = 0; j < nPost; j++) if (mask[i * nPost + j]) this.rowIdx[n++] = i * nPost + j;
        this.rowPtr[i + 1] = n;
      }
      for (let j = 0, n = 0; j < nPost; j++) {
        for (let i = 0; i < nPre; i++) if (mask[i * nPost + j]) this.colIdx[n++] = i;
        this.colPtr[j + 1] = n;
      }
    }
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
    const xPost = this.xPost;
    const rowIdx = this.rowIdx;
    if (rowIdx && nPost === this.nPost) {
      for (let n = this.rowPtr![i], end = this.rowPtr![i + 1]; n < end; n++) {
        const k = rowIdx[n];
        const next = w[k] + eta * (xPost[k - base] - alpha);
        w[k] = next < 0 ? 0 : next > w_max ? w_max : next;
      }
    } else {
      const mask = this.mask;
      for (let j = 0; j < nPost; j++) {
        if (mask && mask[base + j] === 0) continue;
        const next = w[base + j] + eta * (xPost[j] - alpha);
        w[base + j] = next < 0 ? 0 : next > w_max ? w_max : next;
      }
    }
    this.xPre[i] += 1;
  }

  onPost(j: number, w: Float32Array, nPre: number, nPost: number): void {
    const { eta, w_max } = this.p;
    const xPre = this.xPre;
    const colIdx = this.colIdx;
    if (colIdx && nPost === this.nPost && nPre === this.nPre) {
      for (let n = this.colPtr![j], end = this.colPtr![j + 1]; n < end; n++) {
        const i = colIdx[n], k = i * nPost + j;
        if (xPre[i] === 0) continue;
        const next = w[k] + eta * xPre[i];
        w[k] = next > w_max ? w_max : next;
      }
    } else {
      const mask = this.mask;
      for (let i = 0, k = j; i < nPre; i++, k += nPost) {
        if (xPre[i] === 0 || (mask && mask[k] === 0)) continue;
        const next = w[k] + eta * xPre[i];
        w[k] = next > w_max ? w_max : next;
      }
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
