/**
 * Adam (Kingma & Ba 2015) for one parameter array: m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g²,
 * w ← w − η·(m/(1 − β₁ᵏ))/(√(v/(1 − β₂ᵏ)) + ε) at step k. State in typed arrays, no allocation per step.
 */
export class Adam {
  private readonly m: Float64Array;
  private readonly v: Float64Array;
  k = 0;

  constructor(readonly size: number, public beta1 = 0.9, public beta2 = 0.999, public eps = 1e-8) {
    this.m = new Float64Array(size);
    this.v = new Float64Array(size);
  }

  /** Descends along g (scaled by `scale`, e.g. 1/T) with step size eta. */
  step(w: Float64Array, g: Float64Array, eta: number, scale = 1): void {
    this.k++;
    const b1 = this.beta1, b2 = this.beta2, c1 = 1 - b1 ** this.k, c2 = 1 - b2 ** this.k;
    const m = this.m, v = this.v;
    for (let q = 0; q < w.length; q++) {
      const gq = g[q] * scale;
      const mq = b1 * m[q] + (1 - b1) * gq;
      const vq = b2 * v[q] + (1 - b2) * gq * gq;
      m[q] = mq;
      v[q] = vq;
      w[q] -= (eta * (mq / c1)) / (Math.sqrt(vq / c2) + this.eps);
    }
  }

  snapshot(): { m: Float64Array; v: Float64Array; k: number } {
    return { m: this.m.slice(), v: this.v.slice(), k: this.k };
  }

  restore(s: { m: Float64Array; v: Float64Array; k: number }): void {
    this.m.set(s.m);
    this.v.set(s.v);
    this.k = s.k;
  }
}
