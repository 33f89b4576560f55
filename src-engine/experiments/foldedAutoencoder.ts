/**
 * folded-autoencoder — Dold et al.'s energy-based folded autoencoder (SCIENCE.md §7) on 14×14
 * MNIST digits. One simulation step is one inference step u ← u − h·∂E/∂u (energy/foldedAutoencoder.ts);
 * each digit is clamped as the visible target for K steps, starting from a feed-forward sweep, and
 * the weights W and G then take one plasticity step at the reached state. Every EVAL_EVERY digits the
 * network encodes held-out digits with W and decodes them with G (reconstruction error). The plots
 * show the energy landscape under the relaxing state (energy/energyLandscape.ts), the digit and its
 * reconstruction, and the energy over the inference steps.
 */
import type { ComponentSnapshot } from '../core/component';
import { Network } from '../core/network';
import { Rng } from '../core/rng';
import { EnergyLandscape, type SliceAxes } from '../energy/energyLandscape';
import { FoldedAutoencoder, type FoldedParams } from '../energy/foldedAutoencoder';
import { getImageSet } from '../inputs/imageSet';
import { poolImage } from '../inputs/imagePool';
import { roundMetric } from './roundMetric';
import { assertLive, type ExperimentDef, type ExperimentRun, type MetricValue, type ParamSpec, type ParamValues, type PlotSpec } from './types';

const POOL = 2;
const TRAIN = 2000;
const HELD_OUT = 200;
const EVAL_EVERY = 100;
const AXES: readonly SliceAxes[] = ['pca', 'units'];

const PARAMS: readonly ParamSpec[] = [
  { key: 'lambda', label: 'Forward/backward gate λ', unit: '', default: 0.1, min: 0, max: 1, step: 0.01, live: true, help: 'Weight of the bottom-up (W) errors against the top-down (G) errors; 1 = purely discriminative, 0 = purely generative.' },
  { key: 'beta', label: 'Reconstruction weight β', unit: '', default: 1, min: 0, max: 5, step: 0.1, live: true, help: 'Weight of the cost ‖u_0 − x‖² that nudges the visible layer towards the digit.' },
  { key: 'eta_W', label: 'Learning rate η_W', unit: '', default: 0.02, min: 0, max: 0.2, step: 0.005, live: true, help: 'Step size of the forward (encoder) weights, once per digit.' },
  { key: 'eta_G', label: 'Learning rate η_G', unit: '', default: 0.02, min: 0, max: 0.2, step: 0.005, live: true, help: 'Step size of the generative (decoder) weights, once per digit.' },
  { key: 'step_size', label: 'Inference step h = dt/m', unit: '', default: 0.1, min: 0.01, max: 1, step: 0.01, live: true, help: 'Euler step of the neuron dynamics; E cannot rise while h stays below the stability bound 2/L (see the measurements).' },
  { key: 'n_inference', label: 'Inference steps per digit K', unit: '', default: 40, min: 1, max: 200, step: 1, live: true, integer: true, help: 'How long the state relaxes before the weights learn and the next digit comes.' },
  { key: 'slice_axes', label: 'Landscape plane', unit: '', default: 0, min: 0, max: AXES.length - 1, step: 1, live: true, integer: true, options: ['trajectory PCA', 'two top-layer units'], help: 'The plane through the current state on which E is drawn.' },
  { key: 'unit_a', label: 'Landscape unit a', unit: '', default: 0, min: 0, max: 63, step: 1, live: true, integer: true, help: 'First top-layer unit of the "two units" plane (modulo the layer size).' },
  { key: 'unit_b', label: 'Landscape unit b', unit: '', default: 1, min: 0, max: 63, step: 1, live: true, integer: true, help: 'Second top-layer unit of the "two units" plane.' },
  { key: 'slice_grid', label: 'Landscape grid', unit: 'points', default: 32, min: 16, max: 96, step: 4, live: true, integer: true, help: 'Grid points per side of the energy slice.' },
  { key: 'n_hidden', label: 'Hidden units', unit: '', default: 64, min: 4, max: 256, step: 1, live: false, integer: true, help: 'Size of the middle layer.' },
  { key: 'n_latent', label: 'Top-layer units', unit: '', default: 16, min: 2, max: 64, step: 1, live: false, integer: true, help: 'Size of the top (latent) layer.' },
];

const foldedParams = (p: ParamValues): FoldedParams => ({ lambda: p.lambda, beta: p.beta, eta_W: p.eta_W, eta_G: p.eta_G });

/** Runs the inference steps and the once-per-digit plasticity. */
class FoldedTrainer {
  readonly name = 'folded-trainer';
  samples = 0;
  /** Inference steps done on the current digit (0: the next step loads a new digit). */
  stepInSample = 0;
  image = -1;
  trace: number[] = [];
  lastTrace: number[] = [];
  energyIncreases = 0;
  history: { samples: number; error: number }[] = [];

  constructor(readonly model: FoldedAutoencoder, readonly landscape: EnergyLandscape, readonly p: ParamValues, readonly train: Float64Array, readonly sampler: Rng, readonly evaluate: () => number) {}

  integrate(): void {
    const m = this.model, D = m.sizes[0];
    if (this.stepInSample === 0) {
      this.image = this.sampler.int(TRAIN);
      m.feedforward(this.train.subarray(this.image * D, (this.image + 1) * D));
      this.trace = [];
      this.landscape.ensureCapacity(this.p.n_inference + 1);
      this.landscape.clear();
    }
    this.landscape.record(m.u, NaN);
    this.note(m.relaxStep(this.p.step_size));
    this.landscape.setLastEnergy(this.trace[this.trace.length - 1]);
    if (++this.stepInSample >= this.p.n_inference) {
      this.note(m.plasticity());
      this.lastTrace = this.trace;
      this.stepInSample = 0;
      if (++this.samples % EVAL_EVERY === 0) this.history.push({ samples: this.samples, error: this.evaluate() });
    }
  }

  /** Appends the energy of the next state of the trace, counting any rise above float tolerance. */
  private note(e: number): void {
    if (!Number.isFinite(e)) throw new Error(`folded-autoencoder: the energy diverged (the inference step h = ${this.p.step_size} is above the stability bound 2/L)`);
    const before = this.trace.length ? this.trace[this.trace.length - 1] : Infinity;
    if (e > before + 1e-9 * Math.max(1, before)) this.energyIncreases++;
    this.trace.push(e);
  }

  snapshot(): ComponentSnapshot {
    const { samples, stepInSample, image, energyIncreases } = this;
    return { samples, stepInSample, image, energyIncreases, trace: [...this.trace], lastTrace: [...this.lastTrace], history: this.history.map((h) => ({ ...h })), model: this.model.snapshot(), landscape: this.landscape.snapshot(), sampler: this.sampler.getState(), params: { ...this.p } };
  }

  restore(s: ComponentSnapshot): void {
    Object.assign(this, { samples: s.samples, stepInSample: s.stepInSample, image: s.image, energyIncreases: s.energyIncreases });
    this.trace = [...(s.trace as number[])];
    this.lastTrace = [...(s.lastTrace as number[])];
    this.history = (s.history as { samples: number; error: number }[]).map((h) => ({ ...h }));
    this.model.restore(s.model as Record<string, unknown>);
    this.landscape.restore(s.landscape as Record<string, unknown>);
    this.sampler.setState(s.sampler as ReturnType<Rng['getState']>);
    Object.assign(this.p, s.params as ParamValues);
  }
}

function build(initial: ParamValues, rng: Rng): ExperimentRun {
  const p: ParamValues = { ...initial };
  const set = getImageSet('mnist');
  const side = Math.floor(set.width / POOL), D = side * Math.floor(set.height / POOL);
  const train = new Float64Array(TRAIN * D), test = new Float64Array(HELD_OUT * D);
  for (let k = 0; k < TRAIN; k++) poolImage(set, k, POOL, train, k * D);
  for (let k = 0; k < HELD_OUT; k++) poolImage(set, TRAIN + k, POOL, test, k * D);
  const model = new FoldedAutoencoder([D, p.n_hidden, p.n_latent], foldedParams(p), { rng: rng.fork('init:weights'), gainW: 1, gainG: 0.1 });
  const landscape = new EnergyLandscape(model.dim, p.n_inference + 1);

  // Encode with W, decode with G; the model's state is put back afterwards.
  const top = new Float64Array(p.n_latent), recon = new Float64Array(D), keepU = new Float64Array(model.dim), keepX = new Float64Array(D);
  const reconstruct = (x: Float64Array): Float64Array => {
    keepU.set(model.u);
    keepX.set(model.x);
    model.encode(x, top);
    model.decode(top, recon);
    model.u.set(keepU);
    model.x.set(keepX);
    return recon;
  };
  const heldOutError = (): number => {
    let s = 0;
    for (let k = 0; k < HELD_OUT; k++) {
      const x = test.subarray(k * D, (k + 1) * D);
      const r = reconstruct(x);
      for (let j = 0; j < D; j++) s += (r[j] - x[j]) ** 2;
    }
    return s / (HELD_OUT * D);
  };
  // Baseline: always answering the mean training digit.
  const meanImage = new Float64Array(D);
  for (let k = 0; k < TRAIN; k++) for (let j = 0; j < D; j++) meanImage[j] += train[k * D + j] / TRAIN;
  let meanErr = 0;
  for (let k = 0; k < HELD_OUT; k++) for (let j = 0; j < D; j++) meanErr += (test[k * D + j] - meanImage[j]) ** 2;
  meanErr /= HELD_OUT * D;

  const initialError = heldOutError();
  const trainer = new FoldedTrainer(model, landscape, p, train, rng.fork('trainer'), heldOutError);
  const net = new Network(10, rng);
  net.add(trainer);

  const flow = () => (p.lambda === 0 ? 'purely generative (λ = 0: the top layer is unanchored, its fixed point is not unique)' : p.lambda === 1 ? 'purely discriminative (λ = 1: G plays no part)' : 'forward and backward');
  const round = (x: number) => roundMetric(x, 5);
  return {
    network: net,
    layers: [],
    rates: [],
    setParam(key, value) {
      assertLive('folded-autoencoder', PARAMS, key);
      p[key] = value;
      model.p = foldedParams(p);
    },
    metrics() {
      const last = trainer.history.length ? trainer.history[trainer.history.length - 1].error : initialError;
      return {
        samples: trainer.samples,
        lambda: p.lambda,
        flow: flow(),
        energy_trace: trainer.lastTrace.map((e) => roundMetric(e, 6)),
        energy_now: round(model.energy()),
        energy_increases: trainer.energyIncreases,
        stability_bound: round(2 / model.lipschitz()),
        reconstruction_error_initial: round(initialError),
        reconstruction_error_final: round(last),
        reconstruction_error_mean_digit: round(meanErr),
      } as Record<string, MetricValue>;
    },
    plots(): PlotSpec[] {
      const axes = AXES[p.slice_axes];
      const surface = landscape.count > 0 ? landscape.slice(model, axes, [p.unit_a, p.unit_b], p.slice_grid) : null;
      const x = Array.from(model.x);
      const h = [{ samples: 0, error: initialError }, ...trainer.history];
      const steps = (t: number[]) => t.map((_, k) => k);
      const plots: PlotSpec[] = [
        {
          kind: 'images', id: 'digits', title: `Digit no. ${trainer.samples + 1} (${trainer.samples} learned so far), its reconstruction (encode with W, decode with G) and the visible state u₀ now`, width: side, height: D / side, signed: false,
          images: [x, Array.from(reconstruct(model.x)), Array.from(model.u.subarray(0, D))], captions: ['input x', 'reconstruction', 'u₀ now'],
        },
        {
          id: 'energy', title: 'Energy over the inference steps of the current digit (and of the previous one)', xLabel: 'inference step', yLabel: 'energy E (dimensionless)', legend: 'top-right', zeroLine: true,
          series: [
            { label: 'previous digit', x: steps(trainer.lastTrace), y: trainer.lastTrace, style: 'dashed', color: 'muted' },
            { label: 'current digit', x: steps(trainer.trace), y: trainer.trace, style: 'line', color: 'exc' },
          ],
        },
        {
          id: 'reconstruction', title: 'Held-out reconstruction error during training', xLabel: 'digits learned', yLabel: 'mean squared error (grey level², 0–1)', legend: 'top-right', zeroLine: true,
          series: [
            { label: 'encode W, decode G', x: h.map((q) => q.samples), y: h.map((q) => q.error), style: 'line', color: 'model' },
            { label: 'mean digit (baseline)', x: [0, Math.max(EVAL_EVERY, trainer.samples)], y: [meanErr, meanErr], style: 'dashed', color: 'muted' },
          ],
        },
      ];
      if (surface) plots.unshift({ kind: 'surface', id: 'landscape', title: `Energy landscape at λ = ${Number(p.lambda.toPrecision(3))} through the current state (${axes === 'pca' ? 'plane of the trajectory’s two principal directions' : 'two top-layer units'})`, ...surface });
      return plots;
    },
  };
}

export const foldedAutoencoder: ExperimentDef = {
  id: 'folded-autoencoder',
  title: 'Folded autoencoder: an energy landscape (Dold et al.)',
  summary:
    'Every neuron holds a bottom-up prediction (forward weights W) and a top-down one (generative weights G). One energy adds up ' +
    'both prediction errors, gated by λ, plus a cost that pulls the visible layer to the digit; the neurons roll down this energy ' +
    'and the weights learn by descending it too. Orbit the landscape while the state rolls, drag λ to move the basin between ' +
    'the bottom-up and the top-down prediction, and watch the reconstruction (encode with W, decode with G) improve.',
  differences: [
    "Source 002 is a poster with no published code or numbers: the energy, dynamics and rules are derived from its energy function (SCIENCE.md §7).",
    "A fixed number K of inference steps per digit instead of relaxing to convergence; rate neurons (tanh), not spiking ones.",
    "14×14 MNIST (2×2 pooled) instead of 28×28.",
  ],
  dt_ms: 10,
  mode: 'simulated',
  defaultSteps: 80_000,
  primary: { controls: ['lambda', 'beta', 'step_size'], plots: ['landscape', 'digits'], speed: Infinity },
  params: PARAMS,
  build,
  datasets: () => ['mnist'],
};
