/**
 * superspike-target — SuperSpike (Zenke & Ganguli 2018; SCIENCE.md §4) learns a spike raster that
 * draws a picture. A frozen Poisson pattern (n_in inputs, 500 ms, replayed in a loop) drives a
 * hidden layer of current-based LIF neurons, which drives n_out output neurons; output neuron i
 * should fire once per dark pixel of row i of the picture, on a 10-ms grid (jittered within the
 * bin). Neurons: U_rest = −60 mV, ϑ = −50 mV, reset −60 mV, 5 ms refractory, τ_syn = 5 ms,
 * τ_mem = 10 ms (exact integration). Both layers learn with SuperSpike: output weights from the
 * van Rossum error e = α∗(Ŝ − S), hidden weights from the output errors sent back through
 * symmetric, random or uniform feedback (switchable live). One RMS-normalised step per 500-ms
 * trial. The van Rossum loss of every trial is the learning curve.
 */
import { Network } from '../core/network';
import type { Rng } from '../core/rng';
import { frozenPoissonPattern, PatternInput } from '../inputs/spikePattern';
import { FEEDBACK_MODES, FeedbackError } from '../learning/feedbackError';
import { SuperSpikeConnection, type SuperSpikeParams } from '../learning/superSpike';
import { shapeImage, TARGET_SHAPES, targetPattern } from '../learning/targetShapes';
import { VanRossumError } from '../learning/vanRossumError';
import { PopulationRateMonitor } from '../monitors/rateMonitor';
import { LifGroup, type LifParams } from '../neurons/lif';
import { DenseProjection } from '../synapses/denseProjection';
import { roundMetric } from './roundMetric';
import { assertLive, type ExperimentDef, type ExperimentRun, type MetricValue, type ParamSpec, type ParamValues, type PlotSpec } from './types';

const DT = 1;
const BIN_MS = 10;
const COLS = 50;
const TRIAL_MS = COLS * BIN_MS;
const TRIAL_STEPS = TRIAL_MS / DT;
const DT_OPTIONS = [1, 0.1] as const;
const INITS = ['scaled to the input drive', 'N(0, σ²/N_pre) (paper)'] as const;

const PARAMS: readonly ParamSpec[] = [
  { key: 'eta', label: 'Learning rate η', unit: 'mV', default: 0.3, min: 0, max: 2, step: 0.01, live: true, help: 'Largest weight step per 500-ms trial (RMS-normalised, per synapse).' },
  { key: 'beta', label: 'Surrogate steepness β', unit: '1/mV', default: 1, min: 0.1, max: 10, step: 0.1, live: true, help: 'σ′(U) = 1/(1 + β|U − ϑ|)²: large β looks only at neurons right at threshold.' },
  { key: 'tau_syn_ms', label: 'Synaptic τs', unit: 'ms', default: 5, min: 1, max: 9, step: 0.5, live: true, help: 'Synaptic current decay; also the rise time of the PSP and eligibility kernels.' },
  { key: 'feedback', label: 'Hidden-layer feedback', unit: '', default: 0, min: 0, max: 2, step: 1, live: true, integer: true, options: [...FEEDBACK_MODES], help: 'How output errors reach the hidden layer: the true output weights, a fixed random matrix, or one global signal.' },
  { key: 'plastic', label: 'Learning', unit: '', default: 1, min: 0, max: 1, step: 1, live: true, integer: true, options: ['off', 'on'], help: 'Freeze or run both learning rules.' },
  { key: 'shape', label: 'Target picture', unit: '', default: 0, min: 0, max: TARGET_SHAPES.length - 1, step: 1, live: false, integer: true, options: [...TARGET_SHAPES], help: 'The picture the output raster should draw (rows = output neurons, columns = 10-ms bins).' },
  { key: 'n_inputs', label: 'Inputs', unit: '', default: 200, min: 20, max: 1000, step: 10, live: false, integer: true, help: 'Frozen Poisson inputs.' },
  { key: 'input_rate_hz', label: 'Input rate', unit: 'Hz', default: 10, min: 1, max: 50, step: 1, live: false, help: 'Rate of the frozen Poisson pattern.' },
  { key: 'n_hidden', label: 'Hidden neurons', unit: '', default: 64, min: 0, max: 256, step: 1, live: false, integer: true, help: '0: the inputs project straight onto the outputs (no feedback needed).' },
  { key: 'dt_ms', label: 'Time step', unit: '', default: 0, min: 0, max: 1, step: 1, live: false, integer: true, options: ['1 ms', '0.1 ms (paper)'], help: 'Integration step; 0.1 ms is the paper’s and runs ten times slower (a trial is still 500 ms).' },
  { key: 'init', label: 'Weight initialisation', unit: '', default: 0, min: 0, max: 1, step: 1, live: false, integer: true, options: [...INITS], help: 'Scaled so the hidden layer sits just below threshold, or zero-mean Gaussian with standard deviation σ/√N_pre as in the paper.' },
  { key: 'init_sigma_mV', label: 'Initial σ (paper init)', unit: 'mV', default: 40, min: 1, max: 200, step: 1, live: false, help: 'σ of the zero-mean initialisation: weights ~ N(0, σ²/N_pre).' },
  { key: 'reg_rho', label: 'Activity regulariser ρ', unit: '', default: 0, min: 0, max: 0.01, step: 0.0001, live: true, help: 'Hidden layer: adds −ρ·w·z⁴ to the gradient (z: spike trace, 100 ms), shrinking the inputs of neurons that fire a lot. The paper’s ρ = 1 is in its own weight units; with weights in mV, 0.001 about halves hidden activity and ρ ≥ 0.01 silences it.' },
  { key: 'n_out', label: 'Output neurons', unit: '', default: 25, min: 10, max: 60, step: 1, live: false, integer: true, help: 'Rows of the picture.' },
];

const NEURON = (tauSyn: number): LifParams => ({ tau_m: 10, el: -60, v_th: -50, v_reset: -60, t_ref: 5, tau_e: tauSyn, tau_i: tauSyn });

/** N(mean, sd²) weights. */
function gaussianWeights(rng: Rng, n: number, mean: number, sd: number): Float32Array {
  const w = new Float32Array(n);
  for (let k = 0; k < n; k++) w[k] = mean + sd * rng.normal();
  return w;
}

function build(p: ParamValues, rng: Rng): ExperimentRun {
  const nIn = p.n_inputs, nHid = p.n_hidden, nOut = p.n_out;
  const DT = DT_OPTIONS[p.dt_ms];
  const TRIAL_STEPS = Math.round(TRIAL_MS / DT);
  const net = new Network(DT, rng);
  const pattern = frozenPoissonPattern(rng.fork('init:input-pattern'), nIn, p.input_rate_hz, TRIAL_STEPS, DT);
  const img = shapeImage(p.shape, nOut, COLS);
  const target = targetPattern(img, nOut, COLS, BIN_MS, DT, rng.fork('init:target'));
  const inputs = net.add(new PatternInput('inputs', pattern));
  const hidden = nHid > 0 ? net.addNeuronGroup(new LifGroup('hidden', nHid, NEURON(p.tau_syn_ms), DT)) : null;
  const out = net.addNeuronGroup(new LifGroup('output', nOut, NEURON(p.tau_syn_ms), DT));
  // Mean drive ≈ Σ rate·w·τs: scale so the layer sits a few mV below threshold with fluctuations.
  const inDrive = (nIn * p.input_rate_hz) / 1000 * 5;
  const wInMean = 8 / inDrive, wInSd = 4 / Math.sqrt(inDrive);
  const paperInit = p.init === 1;
  const wIn = paperInit
    ? gaussianWeights(rng.fork('init:w-in'), nIn * (hidden ? nHid : nOut), 0, p.init_sigma_mV / Math.sqrt(nIn))
    : gaussianWeights(rng.fork('init:w-in'), nIn * (hidden ? nHid : nOut), wInMean, wInSd);
  const wHid = hidden ? gaussianWeights(rng.fork('init:w-hid'), nHid * nOut, paperInit ? 0 : 0.5, paperInit ? p.init_sigma_mV / Math.sqrt(nHid) : 2) : null;
  const first = hidden ?? out;
  net.addProjection(new DenseProjection({ name: 'in-syn', source: inputs, target: first, receptor: 'exc' }, wIn));
  if (hidden && wHid) net.addProjection(new DenseProjection({ name: 'hid-syn', source: hidden, target: out, receptor: 'exc' }, wHid));

  const outErr = net.add(new VanRossumError('van-rossum', out, target, DT));
  const rule = (tauSyn: number, reg: number): SuperSpikeParams => ({ eta: p.eta, beta: p.beta, tau_rise: tauSyn, tau_decay: 10, tau_rms_s: 30, w_clip: 40, epsilon: 1e-12, reg_rho: reg });
  const fb = hidden && wHid ? net.add(new FeedbackError('feedback', nHid, nOut, wHid, outErr, rng.fork('init:feedback'))) : null;
  if (fb) fb.mode = p.feedback;
  const rules: SuperSpikeConnection[] = [];
  if (hidden && wHid && fb) {
    rules.push(net.add(new SuperSpikeConnection('ss-out', hidden, out, wHid, outErr, rule(p.tau_syn_ms, 0), TRIAL_STEPS, DT)));
    rules.push(net.add(new SuperSpikeConnection('ss-hidden', inputs, hidden, wIn, fb, rule(p.tau_syn_ms, p.reg_rho), TRIAL_STEPS, DT)));
  } else {
    rules.push(net.add(new SuperSpikeConnection('ss-out', inputs, out, wIn, outErr, rule(p.tau_syn_ms, 0), TRIAL_STEPS, DT)));
  }
  for (const r of rules) r.enabled = p.plastic === 1;
  const rates: PopulationRateMonitor[] = [];
  const rateBin = Math.round(20 / DT);
  if (hidden) rates.push(net.add(new PopulationRateMonitor('rate-hidden', hidden, 0, nHid, rateBin, DT)));
  rates.push(net.add(new PopulationRateMonitor('rate-out', out, 0, nOut, rateBin, DT)));

  const values: ParamValues = { ...p };
  const targetTimes: number[] = [], targetRows: number[] = [];
  for (let s = 0; s < target.periodSteps; s++) {
    for (let k = target.ptr[s]; k < target.ptr[s + 1]; k++) {
      targetTimes.push(s * DT);
      targetRows.push(target.ids[k]);
    }
  }
  const trace = () => outErr.lossTrace;
  const finalLoss = () => {
    const t = trace();
    const last = t.slice(-5);
    return last.length ? last.reduce((a, b) => a + b, 0) / last.length : NaN;
  };
  // Output neurons carry the ids the spike raster shows (after the hidden layer), so both charts agree.
  const outFirst = hidden ? nHid : 0;
  const rasterSpec = (id: string, title: string, x: number[], y: number[], color: 'data' | 'exc'): PlotSpec => ({
    id, title, xLabel: 'time in trial (ms)', yLabel: 'output neuron (id)', xDomain: [0, COLS * BIN_MS], yDomain: [outFirst + nOut - 0.5, outFirst - 0.5],
    series: [{ label: id, x, y: y.map((r) => r + outFirst), style: 'ticks', color }],
  });

  return {
    network: net,
    layers: [
      ...(hidden ? [{ label: 'hidden', start: 0, count: nHid, role: 'exc' as const }] : []),
      { label: 'output', start: hidden ? nHid : 0, count: nOut, role: 'output' as const },
    ],
    rates,
    setParam(key, value) {
      assertLive('superspike-target', PARAMS, key);
      values[key] = value;
      if (key === 'eta' || key === 'beta') for (const r of rules) r.setParams({ [key]: value });
      else if (key === 'reg_rho') {
        if (hidden) rules[1].setParams({ reg_rho: value });
      }
      else if (key === 'tau_syn_ms') {
        for (const g of [hidden, out]) g?.setParams({ tau_e: value, tau_i: value });
        for (const r of rules) r.setParams({ tau_rise: value });
      } else if (key === 'feedback') {
        if (fb) fb.mode = value;
      } else if (key === 'plastic') for (const r of rules) r.enabled = value === 1;
    },
    metrics() {
      const t = trace();
      return {
        trials: t.length,
        target_spikes: targetTimes.length,
        van_rossum_initial: t.length ? round(t[0]) : null,
        van_rossum_final: round(finalLoss()),
        loss_trace: t.map((v) => round(v)),
        feedback: FEEDBACK_MODES[values.feedback] ?? 'symmetric',
      } as Record<string, MetricValue>;
    },
    plots(): PlotSpec[] {
      const t = trace();
      const last = outErr.lastTrial();
      const trials = t.map((_, k) => k + 1);
      return [
        rasterSpec('target', `Target: “${TARGET_SHAPES[p.shape]}” (${targetTimes.length} spikes)`, targetTimes, targetRows, 'data'),
        rasterSpec('actual', `Output, trial ${t.length} (${last.steps.length} spikes)`, last.steps.map((s) => s * DT), last.ids, 'exc'),
        {
          id: 'loss', title: 'Van Rossum loss per trial', xLabel: 'trial (500 ms)', yLabel: 'loss (1/s)', legend: 'top-right',
          series: [
            { label: 'van Rossum loss', x: trials, y: t, style: 'line', color: 'exc' },
            { label: '½ × initial', x: t.length ? [1, t.length] : [], y: t.length ? [t[0] / 2, t[0] / 2] : [], style: 'dashed', color: 'muted' },
          ],
        },
      ];
    },
  };
}

const round = (x: number) => roundMetric(x, 3);

export const superspikeTarget: ExperimentDef = {
  id: 'superspike-target',
  title: 'SuperSpike: learning a spike raster that draws a picture (Zenke & Ganguli 2018)',
  summary:
    'A frozen 500-ms Poisson pattern drives a hidden layer of LIF neurons and an output layer that should fire one spike per dark pixel of ' +
    'a picture. SuperSpike trains both layers with a surrogate gradient of the van Rossum distance: error × surrogate(post) × PSP(pre). ' +
    'Switch the hidden layer’s feedback between the true weights, a fixed random matrix and a uniform signal while it learns.',
  differences: [
    "Time step 1 ms by default (the paper 0.1 ms, available as an option), with exact integration of the LIF.",
    "Weight initialisation scaled from the input drive by default (input: mean 8 mV/drive, sd 4/√drive; hidden→output N(0.5, 2²)); the paper's zero-mean N(0, σ²/N_pre) is an option (σ in mV, as the units differ).",
    "Weights clipped to ±40 mV (the paper's code: ±0.1 in its units).",
    "Hidden-layer activity regulariser off by default (a live parameter; the paper's ρ = 1 is in its weight units, here 0.001 is a comparable strength).",
    "A 500-ms pattern of 200 inputs, 64 hidden and 25 output neurons drawing a small picture, instead of the 1.89-s Radcliffe Camera raster with 256 hidden and 200 output neurons.",
  ],
  dt_ms: DT,
  mode: 'simulated',
  defaultSteps: 100 * TRIAL_STEPS,
  primary: { controls: ['eta', 'feedback', 'plastic'], plots: ['target', 'actual', 'loss'], speed: 5000 },
  params: PARAMS,
  build,
};
