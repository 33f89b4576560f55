/**
 * DensityComparison: the monitor behind the fokker-planck experiment. Every `sampleSteps` it bins
 * the voltages of the non-refractory Monte-Carlo neurons and the Fokker–Planck mass over the same
 * bins (plus one bin for everything below the plotted range) and, once the run has settled after
 * the last parameter change, accumulates both, so the L1 distance between the time-averaged
 * histogram and the time-averaged density has sampling noise that shrinks with the run.
 *   L1 = Σ_b |m_MC(b) − m_FP(b)|  (binned probability masses; 0 = identical, 2 = disjoint)
 * It also counts spikes since settling (rate, standard error) and keeps short rate histories of
 * both (5-ms bins) for the rate plot.
 */
import type { ComponentSnapshot, StepContext } from '../core/component';
import type { FokkerPlanckDensity } from './fokkerPlanckDensity';
import type { WhiteNoiseIfGroup } from './whiteNoiseIf';

const HISTORY = 600;

export class DensityComparison {
  readonly name = 'density-comparison';
  /** Bin edges: [lo, hi) in `bins` equal bins. */
  lo = 0;
  hi = 1;
  readonly mc: Float64Array;
  readonly fp: Float64Array;
  private readonly accMc: Float64Array;
  private readonly accFp: Float64Array;
  samples = 0;
  settleStep = 0;
  spikes = 0;
  private readonly perNeuron: Float64Array;
  readonly rateMc = new Float32Array(HISTORY);
  readonly rateFp = new Float32Array(HISTORY);
  rateBins = 0;
  private binSpikes = 0;
  private binFp = 0;
  private inBin = 0;

  constructor(readonly grp: WhiteNoiseIfGroup, readonly fpd: FokkerPlanckDensity, readonly bins: number, readonly sampleSteps: number, readonly rateBinSteps: number) {
    this.mc = new Float64Array(bins + 1);
    this.fp = new Float64Array(bins + 1);
    this.accMc = new Float64Array(bins + 1);
    this.accFp = new Float64Array(bins + 1);
    this.perNeuron = new Float64Array(grp.size);
  }

  /** New plotted range; measurements restart at `settleStep`. */
  restart(lo: number, hi: number, settleStep: number): void {
    this.lo = lo;
    this.hi = hi;
    this.settleStep = settleStep;
    this.samples = 0;
    this.spikes = 0;
    this.accMc.fill(0);
    this.accFp.fill(0);
    this.perNeuron.fill(0);
  }

  /** Bins the current Monte-Carlo voltages and FP density into mc / fp (last entry: below lo). */
  sampleNow(): void {
    const B = this.bins, lo = this.lo, w = (this.hi - lo) / B, mc = this.mc, size = this.grp.size;
    const counts = this.grp.binVoltages(lo, w, B);
    for (let b = 0; b <= B; b++) mc[b] = counts[b] / size;
    for (let b = 0; b < B; b++) this.fp[b] = this.fpd.massIn(this.lo + b * w, this.lo + (b + 1) * w);
    this.fp[B] = this.fpd.massIn(-Infinity, this.lo);
  }

  monitor(ctx: StepContext): void {
    const step = ctx.clock.step, g = this.grp;
    this.binSpikes += g.spikeCount;
    this.binFp += this.fpd.rate;
    if (++this.inBin === this.rateBinSteps) {
      const k = this.rateBins % HISTORY;
      this.rateMc[k] = (this.binSpikes * 1000) / (g.size * this.rateBinSteps * g.dt);
      this.rateFp[k] = this.binFp / this.rateBinSteps;
      this.rateBins++;
      this.binSpikes = this.binFp = this.inBin = 0;
    }
    if (step < this.settleStep) return;
    this.spikes += g.spikeCount;
    for (let s = 0; s < g.spikeCount; s++) this.perNeuron[g.spikes[s]]++;
    if ((step - this.settleStep) % this.sampleSteps !== 0) return;
    this.sampleNow();
    for (let b = 0; b <= this.bins; b++) {
      this.accMc[b] += this.mc[b];
      this.accFp[b] += this.fp[b];
    }
    this.samples++;
  }

  /** L1 distance of the time-averaged binned masses (or of the current ones before settling). */
  l1(): number {
    let s = 0;
    if (this.samples === 0) {
      this.sampleNow();
      for (let b = 0; b <= this.bins; b++) s += Math.abs(this.mc[b] - this.fp[b]);
      return s;
    }
    for (let b = 0; b <= this.bins; b++) s += Math.abs(this.accMc[b] - this.accFp[b]);
    return s / this.samples;
  }

  /** Rate since settling (Hz) and its standard error from the spread of per-neuron counts. */
  rate(step: number): { rate: number; se: number; seconds: number } {
    const seconds = (Math.max(0, step - this.settleStep) * this.grp.dt) / 1000;
    if (seconds === 0) return { rate: NaN, se: NaN, seconds };
    const n = this.grp.size;
    let m = 0, m2 = 0;
    for (let i = 0; i < n; i++) {
      m += this.perNeuron[i];
      m2 += this.perNeuron[i] * this.perNeuron[i];
    }
    m /= n;
    const sd = Math.sqrt(Math.max(0, m2 / n - m * m));
    return { rate: m / seconds, se: sd / Math.sqrt(n) / seconds, seconds };
  }

  snapshot(): ComponentSnapshot {
    return {
      lo: this.lo, hi: this.hi, accMc: this.accMc.slice(), accFp: this.accFp.slice(), samples: this.samples, settleStep: this.settleStep,
      spikes: this.spikes, perNeuron: this.perNeuron.slice(), rateMc: this.rateMc.slice(), rateFp: this.rateFp.slice(), rateBins: this.rateBins,
      binSpikes: this.binSpikes, binFp: this.binFp, inBin: this.inBin,
    };
  }

  restore(s: ComponentSnapshot): void {
    for (const k of ['accMc', 'accFp', 'perNeuron', 'rateMc', 'rateFp'] as const) this[k].set(s[k] as Float64Array);
    Object.assign(this, { lo: s.lo, hi: s.hi, samples: s.samples, settleStep: s.settleStep, spikes: s.spikes, rateBins: s.rateBins, binSpikes: s.binSpikes, binFp: s.binFp, inBin: s.inBin });
  }
}
