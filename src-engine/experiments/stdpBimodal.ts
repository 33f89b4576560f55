/**
 * stdp-bimodal — Song, Miller & Abbott 2000 with Brian2's parameter set (SCIENCE.md §2.1;
 * BENCH_NETWORKS.md stdp-song-100): N Poisson inputs at F Hz, all-to-all onto conductance LIF
 * neurons (τm = 10 ms, E_L = −74 mV, θ = −54 mV, V_r = −60 mV, E_e = 0, τe = 5 ms, no refractory
 * period, V(0) = −60 mV), w ~ U[0, g_max], additive STDP with A+ = 0.01·g_max, A− = 1.05·A+,
 * τ± = 20 ms, hard bounds [0, g_max]. Competition pushes the weights towards the bounds (a
 * U-shaped histogram) and regulates the output rate. μ > 0 makes the rule multiplicative (soft
 * bounds), and the histogram turns unimodal.
 */
import { Network } from '../core/network';
import type { Rng } from '../core/rng';
import { PoissonGroup } from '../inputs/poissonGroup';
import { PopulationRateMonitor } from '../monitors/rateMonitor';
import { WindowCounter } from '../monitors/windowCounter';
import { CondLifGroup } from '../neurons/condLif';
import { DensePlasticity } from '../plasticity/densePlasticity';
import { PairStdp } from '../plasticity/pairStdp';
import { DenseProjection } from '../synapses/denseProjection';
import { assertLive, type ExperimentDef, type ExperimentRun, type MetricValue, type ParamSpec, type ParamValues, type PlotSpec } from './types';
import { roundMetric } from './roundMetric';

const DT = 0.1;
const STEPS_PER_S = Math.round(1000 / DT);
const HIST_BINS = 20;

const PARAMS: readonly ParamSpec[] = [
  { key: 'input_rate_hz', label: 'Input rate F', unit: 'Hz', default: 15, min: 0, max: 60, step: 0.5, live: true, help: 'Rate of every Poisson input.' },
  { key: 'a_plus_ratio', label: 'A+ / g_max', unit: '', default: 0.01, min: 0, max: 0.05, step: 0.0005, live: true, help: 'Potentiation step as a fraction of g_max (Song et al. used 0.005).' },
  { key: 'ab_ratio', label: 'A− / A+', unit: '', default: 1.05, min: 0.5, max: 2, step: 0.01, live: true, help: 'Depression dominance; above 1 uncorrelated input is depressed on average.' },
  { key: 'tau_ms', label: 'τ+ = τ−', unit: 'ms', default: 20, min: 5, max: 50, step: 1, live: true, help: 'STDP trace time constants.' },
  { key: 'mu', label: 'Weight dependence μ', unit: '', default: 0, min: 0, max: 1, step: 0.05, live: true, help: '0: additive, hard bounds (bimodal); 1: multiplicative, soft bounds (unimodal).' },
  { key: 'plastic', label: 'Plasticity', unit: '', default: 1, min: 0, max: 1, step: 1, live: true, integer: true, options: ['off', 'on'], help: 'Freeze or run the learning rule.' },
  { key: 'n_inputs', label: 'Inputs', unit: '', default: 1000, min: 100, max: 2000, step: 100, live: false, integer: true, help: 'Number of Poisson inputs.' },
  { key: 'n_outputs', label: 'Output neurons', unit: '', default: 1, min: 1, max: 100, step: 1, live: false, integer: true, help: 'Independent output neurons, each with its own plastic inputs (100 = the stdp-song-100 benchmark).' },
  { key: 'g_max', label: 'g_max', unit: '', default: 0.01, min: 0.001, max: 0.05, step: 0.001, live: false, help: 'Upper weight bound (conductance in units of the leak).' },
];

/** Histogram of w/g_max in `bins` equal bins on [0, 1]. */
export function weightHistogram(w: Float32Array, gmax: number, bins: number): number[] {
  const h = new Array<number>(bins).fill(0);
  for (let k = 0; k < w.length; k++) h[Math.min(bins - 1, Math.max(0, Math.floor((w[k] / gmax) * bins)))]++;
  return h;
}

/** Fraction of weights within 10% of either bound (0.2 for the uniform start). */
export function bimodality(w: Float32Array, gmax: number): number {
  let n = 0;
  for (let k = 0; k < w.length; k++) if (w[k] <= 0.1 * gmax || w[k] >= 0.9 * gmax) n++;
  return n / w.length;
}

function meanOf(w: Float32Array): number {
  let s = 0;
  for (let k = 0; k < w.length; k++) s += w[k];
  return s / w.length;
}

function build(p: ParamValues, rng: Rng): ExperimentRun {
  const nIn = p.n_inputs, nOut = p.n_outputs, gmax = p.g_max;
  const net = new Network(DT, rng);
  const inputs = net.add(new PoissonGroup('inputs', nIn, p.input_rate_hz));
  const out = net.addNeuronGroup(new CondLifGroup('output', nOut, {
    tau_m: 10, el: -74, e_exc: 0, e_inh: -80, v_th: -54, v_reset: -60, t_ref: 0, tau_e: 5, tau_i: 5, i_bias: 0,
  }, DT));
  out.v.fill(-60);
  const w = new Float32Array(nIn * nOut);
  const wInit = rng.fork('init:w');
  for (let k = 0; k < w.length; k++) w[k] = wInit.uniform() * gmax;
  const proj = net.addProjection(new DenseProjection({ name: 'input-syn', source: inputs, target: out, receptor: 'exc' }, w));
  const rule = new PairStdp(nIn, nOut, {
    a_plus: p.a_plus_ratio * gmax, a_minus: p.ab_ratio * p.a_plus_ratio * gmax, tau_plus: p.tau_ms, tau_minus: p.tau_ms, w_max: gmax, mu: p.mu, nearest: 0,
  });
  const stdp = net.add(new DensePlasticity('stdp', proj, out, rule));
  stdp.enabled = p.plastic === 1;
  const rate = net.add(new PopulationRateMonitor('rate-out', out, 0, nOut, 10, DT));
  const perSecond = net.add(new WindowCounter('per-second', out, STEPS_PER_S, () => meanOf(w) / gmax));
  const values: ParamValues = { ...p };

  const applyRule = () =>
    rule.setParams({ a_plus: values.a_plus_ratio * gmax, a_minus: values.ab_ratio * values.a_plus_ratio * gmax, tau_plus: values.tau_ms, tau_minus: values.tau_ms, mu: values.mu });

  return {
    network: net,
    layers: [{ label: nOut === 1 ? 'output neuron' : 'output neurons', start: 0, count: nOut, role: 'exc' }],
    rates: [rate],
    setParam(key, value) {
      assertLive('stdp-bimodal', PARAMS, key);
      values[key] = value;
      if (key === 'input_rate_hz') inputs.rate = value;
      else if (key === 'plastic') stdp.enabled = value === 1;
      else applyRule();
    },
    metrics() {
      const last10 = perSecond.recentRate(10, DT);
      return {
        weight_histogram: { edges: Array.from({ length: HIST_BINS + 1 }, (_, k) => k / HIST_BINS), counts: weightHistogram(w, gmax, HIST_BINS) },
        bimodality: round(bimodality(w, gmax)),
        output_rate_hz: Number.isFinite(last10) ? round(last10) : round(rate.meanRate()),
        mean_weight_ratio: round(meanOf(w) / gmax),
      } as Record<string, MetricValue>;
    },
    plots(): PlotSpec[] {
      const h = weightHistogram(w, gmax, 40);
      const secs = perSecond.counts.map((_, k) => k + 1);
      const rates = perSecond.counts.map((c) => c / nOut);
      const top = Math.max(values.input_rate_hz, 50, ...rates.slice(-600));
      return [
        {
          id: 'weights', title: `Weight distribution (${(nIn * nOut).toLocaleString('en')} synapses)`, xLabel: 'w / g_max', yLabel: 'synapses', xDomain: [0, 1], legend: 'top-right',
          series: [{ label: 'weights', x: h.map((_, k) => k / 40), y: h, style: 'bars', color: 'exc' }],
        },
        {
          id: 'learning', title: 'Output rate and mean weight, per second of simulated time', xLabel: 'time (s)', yLabel: 'rate (Hz) · mean w/g_max × 100', legend: 'top-right', yDomain: [0, top * 1.45],
          series: [
            { label: 'output rate (Hz)', x: secs, y: rates, style: 'line', color: 'exc' },
            { label: 'mean w / g_max × 100', x: secs, y: perSecond.samples.map((s) => s * 100), style: 'line', color: 'alt' },
            { label: 'input rate F (Hz)', x: secs.length ? [0, secs[secs.length - 1]] : [], y: secs.length ? [values.input_rate_hz, values.input_rate_hz] : [], style: 'dashed', color: 'muted' },
          ],
        },
      ];
    },
  };
}

const round = (x: number) => roundMetric(x, 4);

export const stdpBimodal: ExperimentDef = {
  id: 'stdp-bimodal',
  title: 'STDP competition: bimodal weights (Song et al. 2000)',
  summary:
    'A thousand Poisson inputs drive one neuron through plastic synapses. Additive STDP with slightly dominant depression makes the ' +
    'synapses compete: the weight histogram splits towards 0 and g_max, and the output rate settles far below where it started. ' +
    'Raise μ towards 1 (multiplicative STDP) and the histogram becomes unimodal instead.',
  differences: [
    "Brian2's example parameters (τm = 10 ms, E_L = −74 mV, A+ = 0.01·g_max) instead of Song et al.'s (τm = 20 ms, E_L = −70 mV, A+ = 0.005·g_max).",
    "No inhibitory inputs (Song et al. also had 200 inhibitory Poisson inputs).",
  ],
  dt_ms: DT,
  mode: 'simulated',
  defaultSteps: 100 * STEPS_PER_S,
  primary: { controls: ['ab_ratio', 'input_rate_hz', 'plastic'], plots: ['weights', 'learning'], speed: Infinity },
  params: PARAMS,
  build,
};
