/**
 * Spike-train statistics for the stochastic-neuron experiments, accumulated online from a start
 * step (reset after a parameter change, once the population has settled):
 *   IsiStatistics — pooled interspike intervals of a neuron range: mean, CV = std/mean, histogram.
 *   CrossCovariance — the spike cross-covariance C_kj(s) of neuron pairs (j, k) at lags −L ≤ s < L,
 *     in bins of `binSteps`, from every pair of j- and k-spikes closer than L (per-neuron rings of
 *     recent spike steps; no spike trains are stored).
 * Estimator: C(s) = n(s)/(P·Δ·(T − |s|)) − ⟨n_k n_j⟩/T², with n(s) the pair count in the bin, P
 * pairs, T the observed time; subtracting each pair's own rate product removes the slow rate
 * fluctuations. Since E[n_k n_j]/T² = ν_kν_j + ∫C/T, the integral is divided by (1 − 2L/T).
 * Pairs are also split into blocks (p mod blocks) whose integrals give a standard error.
 */
import type { ComponentSnapshot, SpikeSource, StepContext } from '../core/component';

export class IsiStatistics {
  private readonly last: Int32Array;
  private startStep = 0;
  count = 0;
  private sum = 0;
  private sumSq = 0;
  readonly hist: Float64Array;

  constructor(readonly name: string, readonly source: SpikeSource, readonly dt: number, readonly binMs = 2, maxMs = 400) {
    this.last = new Int32Array(source.size).fill(-1);
    this.hist = new Float64Array(Math.ceil(maxMs / binMs));
  }

  /** Forgets everything; intervals count only if both spikes are at or after `step`. */
  reset(step: number): void {
    this.startStep = step;
    this.count = this.sum = this.sumSq = 0;
    this.hist.fill(0);
  }

  monitor(ctx: StepContext): void {
    const step = ctx.clock.step, sp = this.source.spikes;
    for (let s = 0; s < this.source.spikeCount; s++) {
      const i = sp[s], prev = this.last[i];
      this.last[i] = step;
      if (prev < this.startStep) continue;
      const isi = (step - prev) * this.dt;
      this.count++;
      this.sum += isi;
      this.sumSq += isi * isi;
      const b = Math.floor(isi / this.binMs);
      if (b < this.hist.length) this.hist[b]++;
    }
  }

  mean(): number {
    return this.count ? this.sum / this.count : NaN;
  }

  cv(): number {
    if (this.count < 2) return NaN;
    const m = this.sum / this.count;
    return Math.sqrt(Math.max(0, this.sumSq / this.count - m * m)) / m;
  }

  snapshot(): ComponentSnapshot {
    return { last: this.last.slice(), startStep: this.startStep, count: this.count, sum: this.sum, sumSq: this.sumSq, hist: this.hist.slice() };
  }

  restore(s: ComponentSnapshot): void {
    this.last.set(s.last as Int32Array);
    this.hist.set(s.hist as Float64Array);
    Object.assign(this, { startStep: s.startStep, count: s.count, sum: s.sum, sumSq: s.sumSq });
  }
}

const RING = 128;

export interface CrossCovarianceResult {
  /** Bin centres (ms). */
  lagMs: number[];
  /** C_kj per bin (Hz²). */
  cov: number[];
  /** ∫C_kj ds over −L ≤ s < L (Hz). */
  integral: number;
  /** The same integral over each block of pairs (pair p is in block p mod blocks), for error bars. */
  blockIntegrals: number[];
  /** Observed time (s) and mean rates (Hz). */
  seconds: number;
  ratePre: number;
  ratePost: number;
}

export class CrossCovariance {
  private readonly preOf: Int32Array;
  private readonly postOf: Int32Array;
  private readonly preRing: Int32Array;
  private readonly postRing: Int32Array;
  private readonly preHead: Int32Array;
  private readonly postHead: Int32Array;
  private readonly nPre: Float64Array;
  private readonly nPost: Float64Array;
  /** Pair counts per block and lag bin: counts[block·nb + bin]. */
  readonly counts: Float64Array;
  private readonly nb: number;
  private startStep = 0;
  private lastStep = 0;

  /** Pairs (pre[p] = j, post[p] = k); lags −maxLagSteps ≤ s < maxLagSteps in bins of binSteps. */
  constructor(readonly name: string, readonly source: SpikeSource, readonly pre: Int32Array, readonly post: Int32Array, readonly maxLagSteps: number, readonly binSteps: number, readonly dt: number, readonly blocks = 10) {
    const P = pre.length;
    this.preOf = new Int32Array(source.size).fill(-1);
    this.postOf = new Int32Array(source.size).fill(-1);
    for (let p = 0; p < P; p++) {
      this.preOf[pre[p]] = p;
      this.postOf[post[p]] = p;
    }
    this.preRing = new Int32Array(P * RING).fill(-1 << 30);
    this.postRing = new Int32Array(P * RING).fill(-1 << 30);
    this.preHead = new Int32Array(P);
    this.postHead = new Int32Array(P);
    this.nPre = new Float64Array(P);
    this.nPost = new Float64Array(P);
    this.nb = (2 * maxLagSteps) / binSteps;
    this.counts = new Float64Array(blocks * this.nb);
  }

  reset(step: number): void {
    this.startStep = step;
    this.lastStep = step;
    this.counts.fill(0);
    this.nPre.fill(0);
    this.nPost.fill(0);
    this.preRing.fill(-1 << 30);
    this.postRing.fill(-1 << 30);
  }

  monitor(ctx: StepContext): void {
    const t = ctx.clock.step, sp = this.source.spikes, L = this.maxLagSteps, bs = this.binSteps;
    this.lastStep = t + 1;
    for (let s = 0; s < this.source.spikeCount; s++) {
      const i = sp[s];
      const pk = this.postOf[i];
      if (pk >= 0) {
        // k spikes: lags s = t − t_j ≥ 0 against j's recent spikes (t_j = t counted once, here or below).
        for (let r = 0; r < RING; r++) {
          const lag = t - this.preRing[pk * RING + r];
          if (lag < L) this.counts[(pk % this.blocks) * this.nb + Math.floor((lag + L) / bs)]++;
        }
        this.postRing[pk * RING + this.postHead[pk]] = t;
        this.postHead[pk] = (this.postHead[pk] + 1) % RING;
        this.nPost[pk]++;
      }
      const pj = this.preOf[i];
      if (pj >= 0) {
        for (let r = 0; r < RING; r++) {
          const lag = this.postRing[pj * RING + r] - t;
          if (lag >= -L) this.counts[(pj % this.blocks) * this.nb + Math.floor((lag + L) / bs)]++;
        }
        this.preRing[pj * RING + this.preHead[pj]] = t;
        this.preHead[pj] = (this.preHead[pj] + 1) % RING;
        this.nPre[pj]++;
      }
    }
  }

  result(): CrossCovarianceResult {
    const P = this.pre.length, G = this.blocks, nb = this.nb, dtS = this.dt / 1000;
    const T = (this.lastStep - this.startStep) * dtS;
    const L = this.maxLagSteps * dtS, width = this.binSteps * dtS;
    const lagMs: number[] = [];
    const teff: number[] = [];
    for (let k = 0; k < nb; k++) {
      const centre = -L + (k + 0.5) * width - dtS / 2;
      lagMs.push(centre * 1000);
      teff.push(Math.max(T - Math.abs(centre), 1e-9));
    }
    // Pairs and Σ n_j n_k per block; the whole is the sum of the blocks.
    const pairs = new Float64Array(G + 1), prod = new Float64Array(G + 1);
    let a = 0, b = 0;
    for (let p = 0; p < P; p++) {
      const g = p % G;
      pairs[g]++;
      prod[g] += this.nPre[p] * this.nPost[p];
      a += this.nPre[p];
      b += this.nPost[p];
    }
    for (let g = 0; g < G; g++) { pairs[G] += pairs[g]; prod[G] += prod[g]; }
    const correction = 1 - (2 * L) / Math.max(T, 2 * L + 1e-9);
    // Block g (g = G: all pairs): C(s) per bin and its integral.
    const covOf = (g: number): number[] => {
      const rp = prod[g] / (pairs[g] * T * T);
      const out: number[] = [];
      for (let k = 0; k < nb; k++) {
        let c = 0;
        if (g === G) for (let h = 0; h < G; h++) c += this.counts[h * nb + k];
        else c = this.counts[g * nb + k];
        out.push(c / (pairs[g] * width * teff[k]) - rp);
      }
      return out;
    };
    const integralOf = (cov: number[]) => (cov.reduce((s, c) => s + c, 0) * width) / correction;
    const cov = covOf(G);
    const blockIntegrals: number[] = [];
    for (let g = 0; g < G; g++) if (pairs[g] > 0) blockIntegrals.push(integralOf(covOf(g)));
    return { lagMs, cov, integral: integralOf(cov), blockIntegrals, seconds: T, ratePre: a / (P * T), ratePost: b / (P * T) };
  }

  snapshot(): ComponentSnapshot {
    return {
      preRing: this.preRing.slice(), postRing: this.postRing.slice(), preHead: this.preHead.slice(), postHead: this.postHead.slice(),
      nPre: this.nPre.slice(), nPost: this.nPost.slice(), counts: this.counts.slice(), startStep: this.startStep, lastStep: this.lastStep,
    };
  }

  restore(s: ComponentSnapshot): void {
    this.preRing.set(s.preRing as Int32Array);
    this.postRing.set(s.postRing as Int32Array);
    this.preHead.set(s.preHead as Int32Array);
    this.postHead.set(s.postHead as Int32Array);
    this.nPre.set(s.nPre as Float64Array);
    this.nPost.set(s.nPost as Float64Array);
    this.counts.set(s.counts as Float64Array);
    this.startStep = s.startStep as number;
    this.lastStep = s.lastStep as number;
  }
}
