/**
 * "Export as PyNN script": for every registered experiment either an exporter, which writes a PyNN
 * 0.10 script that builds the same network for NEURON or NEST (distributed with MPI, for runs that
 * outgrow the browser and one machine), or the reason PyNN cannot express it. pynn.test.ts fails
 * when a registered experiment has neither. Same structure as the Brian2 export (../brian2/).
 */
import { findExperiment } from '../../experiments/registry';
import type { ExperimentDef, ParamValues } from '../../experiments/types';
import { checkExportInput } from '../exportInput';
import { balancedEiPynn } from './balancedEi';
import { fiCurvePynn } from './fiCurve';
import { fokkerPlanckPynn } from './fokkerPlanck';
import { istdpBalancePynn } from './istdpBalance';
import { stdpBimodalPynn } from './stdpBimodal';

/** Writes the Python source for an experiment, a full validated parameter set and the app's seed. */
export type PynnExporter = (def: ExperimentDef, params: ParamValues, seed: number) => string;

export type PynnSupport = { readonly exporter: PynnExporter } | { readonly reason: string };

const GRADIENT =
  'PyNN describes networks of standard cell types, connectors and STDP rules; it has no error signal sent back ' +
  'between populations, no per-synapse eligibility traces driven by a surrogate derivative of the voltage and no ' +
  'optimiser, so the rule cannot be written in PyNN (a native NMODL or NESTML model would be a new simulator model, ' +
  'not an export).';

export const PYNN_SUPPORT: Readonly<Record<string, PynnSupport>> = {
  'balanced-ei': { exporter: balancedEiPynn },
  'stdp-bimodal': { exporter: stdpBimodalPynn },
  'istdp-balance': { exporter: istdpBalancePynn },
  'fokker-planck': { exporter: fokkerPlanckPynn },
  'fi-curve': { exporter: fiCurvePynn },
  'stdp-window': {
    reason:
      'A computed experiment, not a simulation: Δw(Δt) and the frequency curves are evaluated exactly for each pairing ' +
      'protocol and compared with Sjöström et al.\'s data. There is no network to distribute over MPI processes.',
  },
  'lpl-stdp-window': {
    reason:
      'A computed experiment: the spiking LPL rule is evaluated on a voltage-clamped neuron for each pairing protocol. ' +
      'There is no network to distribute, and PyNN has no LPL rule (see lpl-spiking).',
  },
  'hebb-compensation': {
    reason:
      'A single rate unit y = [w·x]+ (no spikes, no membrane equation) updated in discrete 10 ms steps. PyNN describes ' +
      'spiking neurons; a rate unit and its rate rules (Hebb, BCM, Oja) are not PyNN cell types or synapse models.',
  },
  'lpl-sequences': {
    reason:
      'A rate network (softplus units, no spikes) that learns one image frame per step with the online LPL rule. PyNN ' +
      'simulates spiking neurons in continuous time and has neither rate units nor this frame-by-frame rule.',
  },
  'lpl-spiking': {
    reason:
      "Its SuperSpike-style LPL rule needs per-synapse eligibility traces from a surrogate derivative of the voltage, " +
      "a predictive term from the neuron's own delayed spikes, running means and variances and block-wise weight " +
      `updates. ${GRADIENT}`,
  },
  'superspike-target': {
    reason: `SuperSpike trains on trials with a van Rossum error sent back to the hidden layer through a feedback matrix. ${GRADIENT}`,
  },
  'eprop-pattern': {
    reason: `e-prop broadcasts a readout error back through a feedback matrix and takes Adam steps per trial. ${GRADIENT}`,
  },
  'eprop-criticality': {
    reason: `Trained with e-prop on a loss over the global rate and its variance. ${GRADIENT}`,
  },
  'folded-autoencoder': {
    reason:
      'An energy-based network, not a spiking one: each step is a gradient step on an energy over all layers with MNIST ' +
      'digits clamped. PyNN integrates spiking neuron models; it has no energy-minimisation dynamics.',
  },
  'coupled-correlations': {
    reason:
      "The measurement rests on the shadow neurons k' receiving exactly the same Gaussian and uniform deviates as k " +
      '(common random numbers) and on the jump acting within the same step. PyNN noise sources are independent per ' +
      'cell and its synapses need a delay of at least one step (two under MPI), so a script would not measure the ' +
      'same covariance.',
  },
};

export type PynnExport =
  | { readonly ok: true; readonly filename: string; readonly script: string }
  | { readonly ok: false; readonly reason: string };

/** The file name the app offers for the download. */
export function pynnFilename(id: string): string {
  return `${id}-pynn.py`;
}

/**
 * The PyNN script for a run (parameters in effect, app seed) or the reason there is none.
 * Parameters are untrusted (a link or the CLI) and are checked against the experiment's schema;
 * missing ones take their defaults.
 */
export function exportPynn(id: string, params: ParamValues, seed: number): PynnExport {
  const def = findExperiment(id);
  if (!def) return { ok: false, reason: `unknown experiment "${id}"` };
  const support = PYNN_SUPPORT[id];
  if (!support) return { ok: false, reason: `${id} has no PyNN exporter and no recorded reason (a missing entry in src-engine/export/pynn/index.ts)` };
  if ('reason' in support) return { ok: false, reason: support.reason };
  const input = checkExportInput(def, params, seed);
  if (!input.ok) return input;
  return { ok: true, filename: pynnFilename(id), script: support.exporter(def, input.params, seed) };
}
