/**
 * "Export as Brian2 script": for every registered experiment either an exporter, which writes a
 * Python script that builds the same network in Brian2 (for runs that outgrow the browser:
 * C++ standalone on a laptop, GPUs through brian2cuda), or the reason Brian2 cannot express it.
 * brian2.test.ts fails when a registered experiment has neither.
 */
import { findExperiment } from '../../experiments/registry';
import type { ExperimentDef, ParamValues } from '../../experiments/types';
import { checkExportInput } from '../exportInput';
import { balancedEiBrian2 } from './balancedEi';
import { fiCurveBrian2 } from './fiCurve';
import { fokkerPlanckBrian2 } from './fokkerPlanck';
import { istdpBalanceBrian2 } from './istdpBalance';
import { stdpBimodalBrian2 } from './stdpBimodal';

/** Writes the Python source for an experiment, a full validated parameter set and the app's seed. */
export type Brian2Exporter = (def: ExperimentDef, params: ParamValues, seed: number) => string;

export type Brian2Support = { readonly exporter: Brian2Exporter } | { readonly reason: string };

export const BRIAN2_SUPPORT: Readonly<Record<string, Brian2Support>> = {
  'balanced-ei': { exporter: balancedEiBrian2 },
  'stdp-bimodal': { exporter: stdpBimodalBrian2 },
  'istdp-balance': { exporter: istdpBalanceBrian2 },
  'fokker-planck': { exporter: fokkerPlanckBrian2 },
  'fi-curve': { exporter: fiCurveBrian2 },
  'stdp-window': {
    reason:
      'A computed experiment, not a simulation: Δw(Δt) and the frequency curves are evaluated exactly from event-driven ' +
      "traces for each protocol point and compared with Sjöström et al.'s data. There is no network to scale out.",
  },
  'lpl-stdp-window': {
    reason:
      'A computed experiment: the spiking LPL rule is evaluated on a voltage-clamped neuron with its rate and variance ' +
      'held at preset values for each pairing protocol. There is no network to scale out, and Brian2 has no LPL rule (see lpl-spiking).',
  },
  'hebb-compensation': {
    reason:
      'A single rate unit y = [w·x]+ (no spikes, no membrane equation) updated in discrete 10 ms steps with inputs ' +
      'redrawn every step. Brian2 models spiking networks with differential equations; the rate unit and its ' +
      'rectified instantaneous output are not a Brian2 model, and one unit gains nothing from scaling out.',
  },
  'lpl-sequences': {
    reason:
      'A rate network (softplus units, no spikes) that learns one image frame per step from MNIST, grating, bar or 1/f ' +
      'sequences with the online LPL rule and is periodically evaluated on held-out sequences. Brian2 simulates spiking ' +
      'networks in continuous time and has neither image-sequence inputs nor this frame-by-frame rule and evaluation.',
  },
  'lpl-spiking': {
    reason:
      "Its SuperSpike-style LPL rule needs, for every synapse and every step, an eligibility trace driven by a surrogate " +
      "derivative of the postsynaptic voltage, a predictive term from the neuron's own spikes D ms earlier, running " +
      'per-neuron means and variances, and updates accumulated over blocks and applied together. In Brian2 that is not a ' +
      'synapse model but clock-driven equations on every synapse plus hand-written code for the delayed spike history and ' +
      'the block updates (far slower than event-driven synapses), on top of adaptive-threshold neurons and Poisson-coded ' +
      'image inputs; the exporter does not attempt it.',
  },
  'superspike-target': {
    reason:
      'SuperSpike is a gradient rule trained on trials: each step needs, for every synapse, an eligibility trace of the ' +
      'presynaptic PSP times a surrogate derivative of the postsynaptic voltage; a van Rossum error against a target ' +
      'raster is sent back to the hidden layer through a (switchable) feedback matrix, and weights take one RMS-normalised ' +
      'step per 500 ms trial. Brian2 has no error feedback pathway between layers and no per-trial optimiser; the rule ' +
      'is not expressible as Brian2 synapse equations.',
  },
  'folded-autoencoder': {
    reason:
      'An energy-based network, not a spiking one: each step is a gradient step u ← u − h·∂E/∂u on an energy over all ' +
      'layers, with MNIST digits clamped for K steps and weight updates at the relaxed state. Brian2 integrates spiking ' +
      'neuron equations in time; it has no energy-minimisation dynamics or image-clamping training loop.',
  },
  'eprop-pattern': {
    reason:
      'e-prop is an online gradient rule: every step each synapse keeps an eligibility trace built from a pseudo-derivative ' +
      'of the postsynaptic voltage, a learning signal from the readout error is broadcast back through a feedback matrix, ' +
      'and input, recurrent and readout weights take one Adam step per 1-s trial. Brian2 has no error feedback between ' +
      'groups and no optimiser; the rule is not expressible as Brian2 synapse equations.',
  },
  'eprop-criticality': {
    reason:
      'Trained with e-prop (per-synapse eligibility traces from a pseudo-derivative of the voltage, learning signals from a ' +
      'loss on the global rate and its variance, weight steps after a warm-up); Brian2 has no loss-driven feedback pathway ' +
      'or optimiser, so the rule is not expressible as Brian2 synapse equations.',
  },
  'coupled-correlations': {
    reason:
      'Not exported. Brian2 could express the pairs themselves (white-noise LIF, delta synapses with delay), but the ' +
      "measurement rests on the shadow neurons k' receiving exactly the same Gaussian and uniform deviates as k " +
      "(common random numbers, which need a shared noise group and linked variables in Brian2) and on the jump being " +
      'added after the diffusion step within the same step (Brian2 applies synaptic effects after the threshold, one step ' +
      'later); the exporter does not yet reproduce these, so a script would not measure the same covariance.',
  },
};

export type Brian2Export =
  | { readonly ok: true; readonly filename: string; readonly script: string }
  | { readonly ok: false; readonly reason: string };

/** The file name the app offers for the download. */
export function brian2Filename(id: string): string {
  return `${id}-brian2.py`;
}

/**
 * The Brian2 script for a run (parameters in effect, app seed) or the reason there is none.
 * Parameters are untrusted here (they may come from a link or the CLI) and are checked against
 * the experiment's schema; missing ones take their defaults.
 */
export function exportBrian2(id: string, params: ParamValues, seed: number): Brian2Export {
  const def = findExperiment(id);
  if (!def) return { ok: false, reason: `unknown experiment "${id}"` };
  const support = BRIAN2_SUPPORT[id];
  if (!support) return { ok: false, reason: `${id} has no Brian2 exporter and no recorded reason (a missing entry in src-engine/export/brian2/index.ts)` };
  if ('reason' in support) return { ok: false, reason: support.reason };
  const input = checkExportInput(def, params, seed);
  if (!input.ok) return input;
  return { ok: true, filename: brian2Filename(id), script: support.exporter(def, input.params, seed) };
}
