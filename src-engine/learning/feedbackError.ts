/**
 * Error signal of a hidden layer from the output errors through a feedback matrix B
 * (SCIENCE.md §4.2): δ_h = Σ_k b_hk e_k, where
 *   symmetric: b_hk = w_hk (the current hidden → output weight: gradient-like),
 *   random:    b_hk ~ N(0, 1), fixed at build (feedback alignment),
 *   uniform:   b_hk = 1 (one global signal).
 * The mode may change between steps; the random matrix is always drawn at build, so the random
 * stream (and every spike) does not depend on which mode a run starts in.
 */
import type { Component } from '../core/component';
import type { Rng } from '../core/rng';
import type { ErrorSignal } from './vanRossumError';

export const FEEDBACK_MODES = ['symmetric', 'random', 'uniform'] as const;

export class FeedbackError implements Component, ErrorSignal {
  readonly error: Float64Array;
  private readonly random: Float32Array;
  /** 0 symmetric, 1 random, 2 uniform. */
  mode = 0;

  /**
   * @param wOut hidden → output weights, row-major nHidden × nOut (read live for symmetric feedback)
   * @param out the output layer's error (read each step)
   */
  constructor(readonly name: string, readonly nHidden: number, readonly nOut: number, readonly wOut: Float32Array, readonly out: ErrorSignal, rng: Rng) {
    this.error = new Float64Array(nHidden);
    this.random = new Float32Array(nHidden * nOut);
    for (let k = 0; k < this.random.length; k++) this.random[k] = rng.normal();
  }

  plasticity(): void {
    const e = this.out.error, d = this.error, nOut = this.nOut;
    if (this.mode === 2) {
      let s = 0;
      for (let k = 0; k < nOut; k++) s += e[k];
      d.fill(s);
      return;
    }
    const b = this.mode === 0 ? this.wOut : this.random;
    for (let h = 0; h < this.nHidden; h++) {
      let s = 0;
      const base = h * nOut;
      for (let k = 0; k < nOut; k++) s += b[base + k] * e[k];
      d[h] = s;
    }
  }
}
