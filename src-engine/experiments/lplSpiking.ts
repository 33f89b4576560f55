/**
 * lpl-spiking — the spiking LPL network of Halvagal & Zenke (paper Fig. 5; SCIENCE.md §3.3),
 * scaled down for the browser: 5 input groups of inhomogeneous Poisson neurons (P0 constant 5 Hz;
 * P1, P2 slow signals with periods 3 s and 3 + 1/13 s; P1c, P2c their time-shuffled controls),
 * excitatory LPL neurons with an adaptive threshold, an inhibitory population with local E→I
 * connectivity and Vogels plasticity on I→E. Input→E synapses learn with the spiking LPL rule.
 * With λ = 0 activity collapses (SCIENCE.md §3 test 6). Within the minutes a browser run lasts,
 * signal groups gain slightly more weight than their controls with or without the predictive
 * term; the paper's predictive-term-dependent selectivity needed 10⁵ s and is not claimed here.
 */
import { Network } from '../core/network';
import type { ComponentSnapshot, StepContext } from '../core/component';
import type { Rng } from '../core/rng';
import { leastSquaresAccuracy, ridgeR2 } from '../analysis/linearReadout';
import { invariance, outputVariance, receptiveFieldContrast } from '../analysis/representation';
import { Rng as RngClass } from '../core/rng';
import { FramePoissonGroup } from '../inputs/framePoissonGroup';
import { FrameSequence } from '../inputs/frameSequences';
import { getImageSet } from '../inputs/imageSet';
import { LOCAL_IMAGE_SET } from '../inputs/localImages';
import { RateTableGroup } from '../inputs/rateTableGroup';
import { FrameCounts } from '../monitors/frameCounts';
import { shuffled, slowSignalRates } from '../inputs/slowSignal';
import { PopulationRateMonitor } from '../monitors/rateMonitor';
import { WindowCounter } from '../monitors/windowCounter';
import { ADAPTIVE_LIF_DEFAULTS, AdaptiveLifGroup } from '../neurons/adaptiveLif';
import { DensePlasticity } from '../plasticity/densePlasticity';
import { LPL_SPIKING_DEFAULTS, LplSpikingRule, type LplSpikingParams } from '../plasticity/lplSpiking';
import { VogelsIstdp } from '../plasticity/vogelsIstdp';
import { csrFromDense } from '../synapses/csr';
import { DenseProjection } from '../synapses/denseProjection';
import { SparseProjection } from '../synapses/sparseProjection';
import { assertLive, type ExperimentDef, type ExperimentRun, type MetricValue, type ParamSpec, type ParamValues, type PlotSpec } from './types';
import { roundMetric } from './roundMetric';
import * as det from '../core/detMath';

const DT = 0.1;
const STEPS_PER_S = 10000;
const GROUPS = ['P0 (5 Hz)', 'P1 (slow)', 'P2 (slow)', 'P1 control', 'P2 control'];
const INPUTS = ['slow signals + shuffled controls (paper)', 'MNIST sequences, Poisson-coded', 'drifting gratings, Poisson-coded', 'your own images, Poisson-coded'] as const;
/** Input option that uses the user's own images (inputs/localImages.ts), sequenced like MNIST digits. */
const LOCAL_INPUT = 3;
const FRAME_PX = 12;

export const LPL_SPIKING_PARAMS: readonly ParamSpec[] = [
  { key: 'lambda_e4', label: 'Hebbian λ', unit: '×10⁻⁴', default: 1, min: 0, max: 10, step: 0.1, live: true, help: 'Hebbian strength (paper: 1e-4); 0 = "Hebb off", which collapses activity.' },
  { key: 'pred', label: 'Predictive term', unit: '', default: 1, min: 0, max: 1, step: 1, live: true, integer: true, options: ['off', 'on'], help: 'φ: the delayed-spike predictive term.' },
  { key: 'eta', label: 'Learning rate η', unit: '', default: 1, min: 0, max: 10, step: 0.01, live: true, help: 'The paper used the equivalent of 2e-2 over 10⁵ s (1e-2 with its code’s kernel gains); larger values show the trend within minutes.' },
  { key: 'plastic_inh', label: 'Inhibitory plasticity', unit: '', default: 1, min: 0, max: 1, step: 1, live: true, integer: true, options: ['off', 'on'], help: 'Vogels rule on I→E (target 10 Hz).' },
  { key: 'input', label: 'Input', unit: '', default: 0, min: 0, max: INPUTS.length - 1, step: 1, live: false, integer: true, options: INPUTS, help: 'What drives the network.' },
  { key: 'frame_ms', label: 'Frame duration', unit: 'ms', default: 50, min: 10, max: 200, step: 10, live: false, help: 'Image inputs: how long each frame is shown (rates 1–50 Hz by pixel intensity).' },
  { key: 'n_per_group', label: 'Inputs per group', unit: '', default: 50, min: 10, max: 100, step: 10, live: false, integer: true, help: 'Poisson neurons in each of the 5 input groups (paper: 100).' },
  { key: 'n_exc', label: 'Excitatory LPL neurons', unit: '', default: 40, min: 10, max: 100, step: 10, live: false, integer: true, help: 'Paper: 100.' },
  { key: 'p_in', label: 'Input connection probability', unit: '', default: 0.2, min: 0.05, max: 1, step: 0.05, live: false, help: 'Paper: 0.1 with twice as many inputs.' },
];

/** Runs the LPL rule on the input→E weights every step. */
class LplPlasticity {
  readonly name = 'lpl';
  private readonly preS: Uint8Array;
  private readonly postS: Uint8Array;

  constructor(readonly rule: LplSpikingRule, readonly inputs: RateTableGroup | FramePoissonGroup, readonly exc: AdaptiveLifGroup, readonly w: Float32Array) {
    this.preS = new Uint8Array(inputs.size);
    this.postS = new Uint8Array(exc.size);
  }

  plasticity(_ctx: StepContext): void {
    this.preS.fill(0);
    this.postS.fill(0);
    for (let s = 0; s < this.inputs.spikeCount; s++) this.preS[this.inputs.spikes[s]] = 1;
    for (let s = 0; s < this.exc.spikeCount; s++) this.postS[this.exc.spikes[s]] = 1;
    this.rule.step(this.preS, this.postS, this.exc.v, this.w);
  }

  snapshot(): ComponentSnapshot {
    return { rule: this.rule.snapshot() };
  }

  restore(s: ComponentSnapshot): void {
    this.rule.restore(s.rule as Record<string, unknown>);
  }
}

function ruleParams(p: ParamValues): LplSpikingParams {
  return { ...LPL_SPIKING_DEFAULTS, eta: p.eta, lambda: p.lambda_e4 * 1e-4, phi: p.pred };
}

function build(initial: ParamValues, rng: Rng): ExperimentRun {
  const p: ParamValues = { ...initial };
  const slow = p.input === 0;
  const nG = p.n_per_group, nE = p.n_exc, nI = Math.max(2, Math.round(nE / 4));
  const net = new Network(DT, rng);
  let inputs: RateTableGroup | FramePoissonGroup;
  let stream: FrameSequence | null = null;
  if (slow) {
    const sig = rng.fork('init:signals');
    const p1 = slowSignalRates(sig, 3), p2 = slowSignalRates(sig, 3 + 1 / 13);
    const tables = [Float32Array.of(5), p1, p2, shuffled(sig, p1), shuffled(sig, p2)];
    inputs = net.add(new RateTableGroup('inputs', tables.map((table, g) => ({ label: GROUPS[g], count: nG, table })), 10));
  } else {
    const kind = p.input === 1 || p.input === LOCAL_INPUT ? 'mnist' : 'grating';
    const set = p.input === LOCAL_INPUT ? getImageSet(LOCAL_IMAGE_SET) : kind === 'mnist' ? getImageSet('mnist') : undefined;
    stream = new FrameSequence({ kind, size: FRAME_PX, length: 8, images: set, first: 0, count: set ? Math.min(2000, set.count) : undefined }, rng.fork('init:sequence'));
    inputs = net.add(new FramePoissonGroup('inputs', stream, Math.round(p.frame_ms / DT), 1, 50));
  }
  const nIn = inputs.size;
  const exc = net.addNeuronGroup(new AdaptiveLifGroup('exc', nE, ADAPTIVE_LIF_DEFAULTS, DT));
  const inh = net.addNeuronGroup(new AdaptiveLifGroup('inh', nI, ADAPTIVE_LIF_DEFAULTS, DT));
  const vInit = rng.fork('init:v');
  for (const g of [exc, inh]) for (let i = 0; i < g.size; i++) g.v[i] = -70 + 20 * vInit.uniform();

  const mask = new Uint8Array(nIn * nE);
  const wIn = new Float32Array(nIn * nE);
  const inConn = rng.fork('conn:in-e');
  for (let k = 0; k < mask.length; k++) if (inConn.uniform() < p.p_in) {
    mask[k] = 1;
    wIn[k] = 0.15;
  }
  net.addProjection(new DenseProjection({ name: 'in-e', source: inputs, target: exc, receptor: 'exc' }, wIn));
  // E→I: local Gaussian connectivity (σ = 20% of the E population), weight 0.5.
  const ei = new Float32Array(nE * nI);
  const eiConn = rng.fork('conn:e-i');
  for (let i = 0; i < nE; i++) for (let j = 0; j < nI; j++) {
    const d = i / nE - (j + 0.5) / nI;
    if (eiConn.uniform() < det.exp(-(d * d) / (2 * 0.2 * 0.2))) ei[i * nI + j] = 0.5;
  }
  net.addProjection(new SparseProjection({ name: 'e-i', source: exc, target: inh, receptor: 'exc' }, csrFromDense(ei, nE, nI)));
  const ieMask = new Uint8Array(nI * nE);
  const wIE = new Float32Array(nI * nE);
  const ieConn = rng.fork('conn:i-e');
  for (let k = 0; k < ieMask.length; k++) if (ieConn.uniform() < 0.5) {
    ieMask[k] = 1;
    wIE[k] = 0.5;
  }
  const ie = net.addProjection(new DenseProjection({ name: 'i-e', source: inh, target: exc, receptor: 'inh' }, wIE));
  const ii = new Float32Array(nI * nI);
  const iiConn = rng.fork('conn:i-i');
  for (let k = 0; k < ii.length; k++) if (iiConn.uniform() < 0.1) ii[k] = 0.4;
  net.addProjection(new SparseProjection({ name: 'i-i', source: inh, target: inh, receptor: 'inh' }, csrFromDense(ii, nI, nI)));

  const rule = new LplSpikingRule(nIn, nE, ruleParams(p), DT, mask);
  net.add(new LplPlasticity(rule, inputs, exc, wIn));
  const istdp = net.add(new DensePlasticity('istdp', ie, exc, new VogelsIstdp(nI, nE, { eta: 1e-3, rho0: 10, tau: 20, w_max: 10 }, ieMask)));
  istdp.enabled = p.plastic_inh === 1;

  const groupMean = (g: number): number => {
    let s = 0, n = 0;
    for (let j = g * nG; j < (g + 1) * nG; j++) for (let i = 0; i < nE; i++) if (mask[j * nE + i]) {
      s += wIn[j * nE + i];
      n++;
    }
    return n ? s / n : NaN;
  };
  /** Per E neuron: (w̄_signal − w̄_control)/(w̄_signal + w̄_control), signals P1+P2, controls P1c+P2c. */
  const selectivity = (): number[] => {
    const out: number[] = [];
    for (let i = 0; i < nE; i++) {
      let sig = 0, ns = 0, ctl = 0, nc = 0;
      for (let j = nG; j < nIn; j++) if (mask[j * nE + i]) {
        if (j < 3 * nG) (sig += wIn[j * nE + i]), ns++;
        else (ctl += wIn[j * nE + i]), nc++;
      }
      const a = ns ? sig / ns : 0, b = nc ? ctl / nc : 0;
      out.push(a + b > 0 ? (a - b) / (a + b) : 0);
    }
    return out;
  };
  const history: number[][] = GROUPS.map(() => []);
  const rateE = net.add(new PopulationRateMonitor('rate-exc', exc, 0, nE, 10, DT));
  const rateI = net.add(new PopulationRateMonitor('rate-inh', inh, 0, nI, 10, DT));
  const perSecond = net.add(new WindowCounter('per-second-exc', exc, STEPS_PER_S, () => {
    if (slow) for (let g = 0; g < GROUPS.length; g++) history[g].push(groupMean(g));
    return NaN;
  }));

  // Representation samples: E spike counts per input frame (image inputs) or per 100-ms bin.
  const frames = net.add(new FrameCounts('frame-counts', exc,
    stream ? () => (inputs as FramePoissonGroup).frameEnds : (ctx) => (ctx.clock.step + 1) % 1000 === 0,
    () => ({ seq: stream ? stream.sequenceIndex : 0, label: stream ? stream.label : 0 })));
  const representation = () => {
    const { Z, E, M } = frames.matrix();
    if (E < 4) return { variance: NaN, invariance: NaN, readout: NaN, r2: [NaN, NaN, NaN, NaN, NaN] };
    const seq = Int32Array.from(frames.seq), labels = Int32Array.from(frames.labels);
    // Image inputs: the earlier half trains the linear readout, the later half tests it (held-out sequences).
    // Slow signals: alternate 5-s blocks train and test, so slow drift of the network affects both alike.
    const train = stream ? Uint8Array.from(frames.seq, (_, e) => (e < E / 2 ? 1 : 0)) : Uint8Array.from({ length: E }, (_, e) => (Math.floor(e / 50) % 2 === 0 ? 1 : 0));
    // Slow signals: decode each group's mean rate in every 100-ms bin from the E counts (R², held out).
    const r2 = GROUPS.map((_, g) => {
      if (stream) return NaN;
      const tEnd = (net.clock.step - (net.clock.step % 1000)) * DT;
      const y = Float64Array.from({ length: E }, (_, e) => {
        const t1 = tEnd - (E - 1 - e) * 100;
        let s = 0;
        for (let k = 0; k < 10; k++) s += (inputs as RateTableGroup).rateAt(g, t1 - 100 + 10 * k);
        return s / 10;
      });
      return ridgeR2(Z, E, M, y, train, 1);
    });
    return {
      variance: outputVariance(Z, E, M),
      invariance: stream ? invariance(Z, E, M, seq) : NaN,
      readout: stream ? leastSquaresAccuracy(Z, E, M, labels, train, Math.max(...labels) + 1) : NaN,
      r2,
    };
  };
  const wByUnit = () => {
    const t = new Float32Array(nIn * nE);
    for (let j = 0; j < nIn; j++) for (let i = 0; i < nE; i++) t[i * nIn + j] = wIn[j * nE + i];
    return t;
  };

  return {
    network: net,
    layers: [
      { label: 'excitatory (LPL)', start: 0, count: nE, role: 'exc' },
      { label: 'inhibitory', start: nE, count: nI, role: 'inh' },
    ],
    rates: [rateE, rateI],
    setParam(key, value) {
      assertLive('lpl-spiking', LPL_SPIKING_PARAMS, key);
      p[key] = value;
      if (key === 'plastic_inh') istdp.enabled = value === 1;
      else rule.setParams(ruleParams(p));
    },
    metrics() {
      const recent = perSecond.recentRate(10, DT);
      const rep = representation();
      const base: Record<string, MetricValue> = {
        exc_rate_hz: roundMetric(Number.isFinite(recent) ? recent : rateE.meanRate()),
        inh_rate_hz: roundMetric(rateI.meanRate()),
        output_variance: roundMetric(rep.variance),
        receptive_field_contrast: roundMetric(receptiveFieldContrast(wByUnit(), nE, nIn)),
      };
      if (!slow) return { ...base, invariance: roundMetric(rep.invariance), readout_accuracy: roundMetric(rep.readout) };
      const sel = selectivity();
      return {
        ...base,
        group_weights: GROUPS.map((label, g) => ({ group: label, mean_w: roundMetric(groupMean(g)) })),
        selectivity_mean_abs: roundMetric(sel.reduce((a, b) => a + Math.abs(b), 0) / sel.length),
        signal_minus_control: roundMetric((groupMean(1) + groupMean(2) - groupMean(3) - groupMean(4)) / 2),
        // Linear decoding of each input group's rate from 100-ms E counts, later half held out (paper: R² > 0 for P1, P2 only).
        readout_r2_signals: roundMetric((rep.r2[1] + rep.r2[2]) / 2),
        readout_r2_controls: roundMetric((rep.r2[3] + rep.r2[4]) / 2),
      };
    },
    plots(): PlotSpec[] {
      if (stream) {
        const W = wByUnit();
        const shown = Math.min(nE, 16);
        return [
          { kind: 'images', id: 'frame', title: `Input frame (sequence ${stream.sequenceIndex + 1}, ${p.input === 1 ? 'digit' : p.input === LOCAL_INPUT ? 'image' : 'orientation'} ${stream.label}), coded as 1–50 Hz`, width: FRAME_PX, height: FRAME_PX, images: [Array.from(stream.frame)], signed: false },
          { kind: 'images', id: 'rf', title: `Input weights of the first ${shown} LPL neurons`, width: FRAME_PX, height: FRAME_PX, images: Array.from({ length: shown }, (_, i) => Array.from(W.subarray(i * nIn, (i + 1) * nIn))), signed: true },
        ];
      }
      const secs = perSecond.counts.map((_, k) => k + 1);
      const sel = selectivity();
      const bins = 20;
      const h = new Array<number>(bins).fill(0);
      for (const s of sel) h[Math.min(bins - 1, Math.floor(((s + 1) / 2) * bins))]++;
      const colors = ['muted', 'exc', 'model', 'inh', 'alt'] as const;
      return [
        {
          id: 'group-weights', title: 'Mean input weight per group (signals should win over their controls)', xLabel: 'time (s)', yLabel: 'mean w', legend: 'top-left',
          series: GROUPS.map((label, g) => ({ label, x: secs, y: history[g], style: g >= 3 ? ('dashed' as const) : ('line' as const), color: colors[g] })),
        },
        {
          id: 'selectivity', title: 'Selectivity of the E neurons, (w̄_signal − w̄_control)/(w̄_signal + w̄_control)', xLabel: 'selectivity', yLabel: 'neurons', xDomain: [-1, 1],
          series: [{ label: 'neurons', x: h.map((_, k) => -1 + (2 * k) / bins), y: h, style: 'bars', color: 'exc' }],
        },
      ];
    },
  };
}

export const lplSpiking: ExperimentDef = {
  id: 'lpl-spiking',
  title: 'Spiking LPL network: learning slow signals (Halvagal & Zenke)',
  summary:
    'Excitatory LIF neurons learn their input weights with the spiking LPL rule while inhibition keeps them in check. Two input groups ' +
    'carry slowly varying rates, two others the same rates shuffled in time. The Hebbian term keeps the neurons from falling silent: ' +
    'start with λ = 0 and activity collapses within about 20 s (switched off later, it fades more slowly as the grown weights decay). Selectivity for the slow signals builds up slowly (the paper ran 10⁵ s); ' +
    'here the signal groups pull ahead of their controls within a minute, with and without the predictive term.',
  differences: [
    "No NMDA current (AMPA only; the paper has AMPA:NMDA 1:1 with τ_NMDA = 100 ms).",
    "Scaled down: 5 × 50 inputs, 40 excitatory and 10 inhibitory neurons, input connection probability 0.2 (paper: 5 × 100, 100 and 25, 0.1).",
    "Learning rate η = 1 (50× the paper's; it used 10⁻² with its code's kernel gains, which is 2·10⁻² with the unit-area α kernels here, and δ = 10⁻³, here 5·10⁻⁴) and minutes of simulated time instead of 10⁵ s; the paper's selectivity is not claimed.",
    "Slow signals are decoded by ridge regression from 100-ms counts over the last 40 s (alternate 5-s blocks train and test) instead of Lasso (α = 0.1) over the whole run.",
  ],
  dt_ms: DT,
  mode: 'simulated',
  defaultSteps: 60 * STEPS_PER_S,
  primary: { controls: ['lambda_e4', 'pred', 'plastic_inh'], plots: ['group-weights', 'selectivity'], speed: Infinity },
  params: LPL_SPIKING_PARAMS,
  build,
  datasets: (p) => (p.input === 1 ? ['mnist'] : p.input === LOCAL_INPUT ? [LOCAL_IMAGE_SET] : []),
  localImages: { key: 'input', option: LOCAL_INPUT },
};
