/**
 * RateHistory: the UI's ring buffer of population-rate bins (Hz), one series per layer, for the
 * rate trace. Bin b covers steps [b·binSteps, (b+1)·binSteps).
 */
export class RateHistory {
  series: Float32Array[] = [];
  /** Bins ever pushed; the newest bin index is total − 1. */
  total = 0;
  binSteps = 10;
  dt_ms = 0.1;

  constructor(readonly capacity = 20000) {}

  reset(layers: number, binSteps: number, dt_ms: number): void {
    this.series = Array.from({ length: layers }, () => new Float32Array(this.capacity));
    this.total = 0;
    this.binSteps = binSteps;
    this.dt_ms = dt_ms;
  }

  push(firstBin: number, rates: Float32Array[]): void {
    if (rates.length === 0 || rates[0].length === 0) return;
    for (let l = 0; l < this.series.length && l < rates.length; l++) {
      const dst = this.series[l];
      const src = rates[l];
      for (let j = 0; j < src.length; j++) dst[(firstBin + j) % this.capacity] = src[j];
    }
    this.total = firstBin + rates[0].length;
  }

  /** Rate of layer l in bin b (NaN when b is not held). */
  at(l: number, b: number): number {
    if (b < 0 || b >= this.total || b < this.total - this.capacity) return NaN;
    return this.series[l][b % this.capacity];
  }

  /** Mean rate of layer l over the newest n bins. */
  recentMean(l: number, n: number): number {
    const from = Math.max(0, this.total - Math.min(n, this.capacity));
    if (this.total - from <= 0) return NaN;
    let s = 0;
    for (let b = from; b < this.total; b++) s += this.series[l][b % this.capacity];
    return s / (this.total - from);
  }
}
