/**
 * Triplet STDP (Pfister & Gerstner 2006; SCIENCE.md §2.2).
 *
 *   pre traces  r1 (τ+), r2 (τx);  post traces  o1 (τ−), o2 (τy);  +1 per spike (all-to-all) or set to 1 (nearest)
 *   pre spike i:   w_ij ← w_ij − o1_j·(A2− + A3−·r2_i)     (r2 before its increment), then bump r1_i, r2_i
 *   post spike j:  w_ij ← w_ij + r1_i·(A2+ + A3+·o2_j)     (o2 before its increment), then bump o1_j, o2_j
 *   weights clipped to [w_min, w_max]
 *
 * Default: the minimal all-to-all visual-cortex set (A2+ = 0, A3+ = 6.5e-3, A2− = 7.1e-3, A3− = 0,
 * τ+ = 16.8 ms, τ− = 33.7 ms, τy = 114 ms), which reproduces Sjöström et al. 2001 with 60 pairings.
 */
import type { ComponentSnapshot } from '../core/component';
import { DecayCache, scaleArray, type PairwiseRule } from './pairwiseRule';

export interface TripletStdpParams {
  a2_plus: number;
  a3_plus: number;
  a2_minus: number;
  a3_minus: number;
  /** ms */
  tau_plus: number;
  /** ms */
  tau_minus: number;
  /** Slow presynaptic trace (ms). */
  tau_x: number;
  /** Slow postsynaptic trace (ms). */
  tau_y: number;
  w_min: number;
  w_max: number;
  /** 1: nearest-spike traces; 0: all-to-all. */
  nearest: number;
}

export const TRIPLET_MINIMAL_ALL_TO_ALL: TripletStdpParams = {
  a2_plus: 0, a3_plus: 6.5e-3, a2_minus: 7.1e-3, a3_minus: 0,
  tau_plus: 16.8, tau_minus: 33.7, tau_x: 101, tau_y: 114,
  w_min: -Infinity, w_max: Infinity, nearest: 0,
};

export const TRIPLET_MINIMAL_NEAREST: TripletStdpParams = {
  ...TRIPLET_MINIMAL_ALL_TO_ALL, a3_plus: 5.2e-2, a2_minus: 8e-3, tau_x: 714, tau_y: 40, nearest: 1,
};

export class TripletStdp implements PairwiseRule {
  readonly r1: Float64Array;
  readonly r2: Float64Array;
  readonly o1: Float64Array;
  readonly o2: Float64Array;
  readonly p: TripletStdpParams;
  private readonly d = [new DecayCache(), new DecayCache(), new DecayCache(), new DecayCache()];

  constructor(nPre: number, nPost: number, params: TripletStdpParams) {
    this.r1 = new Float64Array(nPre);
    this.r2 = new Float64Array(nPre);
    this.o1 = new Float64Array(nPost);
    this.o2 = new Float64Array(nPost);
    this.p = { ...params };
  }

  setParams(patch: Partial<TripletStdpParams>): void {
    Object.assign(this.p, patch);
  }

  decay(ms: number): void {
    const p = this.p;
    scaleArray(this.r1, this.d[0].factor(ms, p.tau_plus));
    scaleArray(this.r2, this.d[1].factor(ms, p.tau_x));
    scaleArray(this.o1, this.d[2].factor(ms, p.tau_minus));
    scaleArray(this.o2, this.d[3].factor(ms, p.tau_y));
  }

  onPre(i: number, w: Float32Array, nPost: number): void {
    const { a2_minus, a3_minus, w_min, w_max, nearest } = this.p;
    const dep = a2_minus + a3_minus * this.r2[i];
    const o1 = this.o1;
    const base = i * nPost;
    for (let j = 0; j < nPost; j++) {
      const next = w[base + j] - o1[j] * dep;
      w[base + j] = next < w_min ? w_min : next > w_max ? w_max : next;
    }
    this.r1[i] = nearest ? 1 : this.r1[i] + 1;
    this.r2[i] = nearest ? 1 : this.r2[i] + 1;
  }

  onPost(j: number, w: Float32Array, nPre: number, nPost: number): void {
    const { a2_plus, a3_plus, w_min, w_max, nearest } = this.p;
    const pot = a2_plus + a3_plus * this.o2[j];
    const r1 = this.r1;
    for (let i = 0, k = j; i < nPre; i++, k += nPost) {
      const next = w[k] + r1[i] * pot;
      w[k] = next < w_min ? w_min : next > w_max ? w_max : next;
    }
    this.o1[j] = nearest ? 1 : this.o1[j] + 1;
    this.o2[j] = nearest ? 1 : this.o2[j] + 1;
  }

  snapshot(): ComponentSnapshot {
    return { r1: this.r1.slice(), r2: this.r2.slice(), o1: this.o1.slice(), o2: this.o2.slice(), p: { ...this.p } };
  }

  restore(s: ComponentSnapshot): void {
    this.r1.set(s.r1 as Float64Array);
    this.r2.set(s.r2 as Float64Array);
    this.o1.set(s.o1 as Float64Array);
    this.o2.set(s.o2 as Float64Array);
    Object.assign(this.p, s.p as TripletStdpParams);
  }
}
