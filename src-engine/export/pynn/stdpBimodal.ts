/**
 * PyNN export of stdp-bimodal (Song, Miller & Abbott 2000) with IF_cond_exp, SpikePairRule and
 * AdditiveWeightDependence (GutigWeightDependence for μ > 0):
 *   app:  τm dV/dt = (E_L − V) + ge·(E_e − V), ge in units of the leak conductance g_L;
 *   PyNN: cm dV/dt = g_L(v_rest − V) + g_e(e_rev_E − V), g_L = cm/τm (µS), so g_e = ge·g_L.
 *   Weights w ~ U[0, g_max]·g_L from the parallel-safe RNG; all-to-all traces, τ+ = τ− = τ.
 *   Additive: PyNN's Δw = A±·w_max·trace on both backends, so A+ = a_plus_ratio, A− = ab_ratio·A+.
 *   Gutig (μ > 0): NEURON applies Δw = A±·(w_max − w)^μ·trace (resp. w^μ) with w in µS, NEST
 *   Δw = w_max·A±·(1 − w/w_max)^μ·trace; the script picks A± per backend so both give the app's
 *   Δw = a±·(1 − w/g_max)^μ·trace.
 * Inputs: one Poisson train per input (SpikeSourceArray, per-source streams).
 */
import type { ExperimentDef, ParamValues } from '../../experiments/types';
import { pyNum, pynnPrelude, pynnRunAndReport } from './pyScript';

/** The app's neuron constants for this experiment (experiments/stdpBimodal.ts). */
const NEURON = { tau_m: 10, el: -74, e_exc: 0, v_th: -54, v_reset: -60, tau_e: 5 };
/** Leak conductance (µS) of the exported cell: cm = g_L·τm. */
const G_LEAK_US = 0.01;

export function stdpBimodalPynn(def: ExperimentDef, p: ParamValues, seed: number): string {
  const plastic = p.plastic === 1;
  const mu = p.mu;
  const head = pynnPrelude({
    def, params: p, seed, defaultDurationS: (def.defaultSteps * def.dt_ms) / 1000,
    model:
      `${p.n_inputs} Poisson inputs at input_rate_hz drive ${p.n_outputs} IF_cond_exp neuron(s) all-to-all ` +
      '(tau_m = 10 ms, E_L = -74 mV, theta = -54 mV, V_r = -60 mV, E_e = 0, tau_e = 5 ms, no refractory period, V(0) = V_r), ' +
      'initial weights uniform in [0, g_max] (conductances in units of the leak conductance g_L = 10 nS). ' +
      (plastic
        ? `${mu === 0 ? 'Additive pair STDP (SpikePairRule, AdditiveWeightDependence)' : 'Weight-dependent pair STDP (SpikePairRule, GutigWeightDependence)'} with all-to-all traces.`
        : 'Plasticity is off: the weights stay fixed (StaticSynapse).'),
    differences: [
      'Each input is a precomputed Poisson train on the dt grid (SpikeSourceArray) rather than a SpikeSourcePoisson, whose NEURON streams are seeded per MPI rank and would change with the process count. Two events of one input in the same step merge into one (the app keeps both): at 15 Hz that is 0.08% of events.',
      "The delay is axonal (PyNN's NEURON backend needs that for STDP under MPI): the rule sees the presynaptic spike when it arrives, 0.2 ms after it; the app at the spike.",
    ],
  });
  const model = [
    `n_inputs = ${p.n_inputs}`,
    `n_outputs = ${p.n_outputs}`,
    `input_rate_hz = ${pyNum(p.input_rate_hz)}`,
    `g_leak = ${pyNum(G_LEAK_US)}  # uS`,
    `g_max = ${pyNum(p.g_max)} * g_leak  # uS (the app's g_max = ${pyNum(p.g_max)} g_L)`,
    `a_plus_ratio = ${pyNum(p.a_plus_ratio)}  # A+ / g_max`,
    `a_minus_ratio = ${pyNum(p.ab_ratio)} * a_plus_ratio  # A- / g_max`,
    `tau_stdp = ${pyNum(p.tau_ms)}  # ms`,
    '',
    'cell = sim.IF_cond_exp(',
    `    cm=g_leak * ${NEURON.tau_m}, tau_m=${NEURON.tau_m}, v_rest=${NEURON.el}, v_thresh=${NEURON.v_th}, v_reset=${NEURON.v_reset}, tau_refrac=0.0,`,
    `    e_rev_E=${NEURON.e_exc}, e_rev_I=-80.0, tau_syn_E=${NEURON.tau_e}, tau_syn_I=5.0, i_offset=0.0)`,
    "outputs = sim.Population(n_outputs, cell, label='outputs', initial_values={'v': " + pyNum(NEURON.v_reset) + '})',
    "inputs = sim.Population(n_inputs, sim.SpikeSourceArray(), label='inputs')",
    'set_poisson_trains(inputs, input_rate_hz, 2)',
    "w_init = RandomDistribution('uniform', low=0.0, high=g_max, rng=rng)",
    ...(plastic ? stdpSynapse(mu) : ['synapse = sim.StaticSynapse(weight=w_init, delay=DELAY)']),
    "syn = sim.Projection(inputs, outputs, sim.AllToAllConnector(), synapse, receptor_type='excitatory')",
    "outputs.record('spikes')",
  ].join('\n');
  const report = pynnRunAndReport(def.id, [{ label: p.n_outputs === 1 ? 'output neuron' : 'output neurons', view: 'outputs' }], {
    mean_weight_ratio: 'finite(np.mean(w_final) / g_max) if w_final.size else None',
    bimodality: 'finite(np.mean((w_final <= 0.1 * g_max) | (w_final >= 0.9 * g_max))) if w_final.size else None',
  }, ["w_final = np.asarray(syn.get('weight', format='list', gather=True, with_address=False), dtype=float)"]);
  return head + model + report;
}

/** All of the delay is axonal (dendritic_delay_fraction = 0): PyNN's NEURON backend refuses STDP with dendritic delays under MPI. */
const STDP_SYNAPSE = [
  "synapse = sim.STDPMechanism(timing_dependence=timing, weight_dependence=weights, weight=w_init, delay=DELAY,",
  "                            dendritic_delay_fraction=0.0)  # axonal delay: MPI needs it",
];

function stdpSynapse(mu: number): string[] {
  if (mu === 0) {
    return [
      '# Additive: PyNN applies dw = A * w_max * trace on NEURON and NEST alike.',
      'timing = sim.SpikePairRule(tau_plus=tau_stdp, tau_minus=tau_stdp, A_plus=a_plus_ratio, A_minus=a_minus_ratio)',
      'weights = sim.AdditiveWeightDependence(w_min=0.0, w_max=g_max)',
      ...STDP_SYNAPSE,
    ];
  }
  return [
    `mu = ${pyNum(mu)}`,
    '# The app: dw = a * g_max * (1 - w/g_max)**mu * trace (and (w/g_max)**mu for depression).',
    "# NEURON's Gutig rule applies dw = A * (w_max - w)**mu * trace with w in uS, NEST's dw = w_max * A * (1 - w/w_max)**mu * trace.",
    "scale = g_max ** (1 - mu) if args.backend == 'neuron' else 1.0",
    'timing = sim.SpikePairRule(tau_plus=tau_stdp, tau_minus=tau_stdp, A_plus=a_plus_ratio * scale, A_minus=a_minus_ratio * scale)',
    'weights = sim.GutigWeightDependence(w_min=0.0, w_max=g_max, mu_plus=mu, mu_minus=mu)',
    ...STDP_SYNAPSE,
  ];
}
