/**
 * PyNN export of istdp-balance (Vogels et al. 2011) with IF_cond_exp and Vogels2011Rule:
 *   τm = 20 ms, E_L = −60, θ = −50, V_r = −60 mV, t_ref = 5 ms, E_e = 0, E_i = −80 mV,
 *   τe = 5 ms, τi = 10 ms; g_L = 10 nS, so cm = g_L·τm = 0.2 nF and the bias R·I_b (mV) is the
 *   current I_b·g_L (nA). Conductances: E→all 0.3 nS, I→I 3 nS, I→E plastic from 0 to 100 nS
 *   (PyNN weights in µS), each pair with p from the parallel-safe RNG; V(0) ~ U[−60, −50) mV.
 *   Vogels rule on I→E, τ = 20 ms: pre Δw = η(x_post − α), post Δw = η·x_pre, α = 2ρ0τ.
 *   NEURON's StdwaVogels2011 computes α = 2·rho·tau with tau in ms, so rho is ρ0 in 1/ms.
 * PyNN 0.10's NEST backend has no Vogels2011Rule: the script refuses --backend nest.
 */
import type { ExperimentDef, ParamValues } from '../../experiments/types';
import { pyNum, pynnPrelude, pynnRunAndReport } from './pyScript';

export function istdpBalancePynn(def: ExperimentDef, p: ParamValues, seed: number): string {
  const n = p.n_neurons;
  const nE = Math.round(0.8 * n);
  const plastic = p.plastic === 1;
  const head = pynnPrelude({
    def, params: p, seed, defaultDurationS: (def.defaultSteps * def.dt_ms) / 1000,
    nestRefusal: "PyNN 0.10's NEST backend has no Vogels2011Rule (NEST's native vogels_sprekeler_synapse would need its own weight conventions); run with --backend neuron",
    model:
      'Recurrent network of IF_cond_exp neurons (80% excitatory) with a constant background current. Excitatory and ' +
      'inhibitory->inhibitory synapses are fixed; inhibitory->excitatory synapses start at 0 and ' +
      (plastic ? 'follow the Vogels et al. (2011) inhibitory STDP rule (Vogels2011Rule), which drives the excitatory rate to rho0.' : 'stay fixed (plasticity off).'),
    differences: [
      "NEURON's Vogels2011Rule pairs each spike with the last spike of the other side only (nearest neighbour); the app sums all earlier spikes through traces. At these rates and tau = 20 ms the two differ little.",
      "The app's inhibitory/excitatory current-ratio metric is not recorded.",
    ],
  });
  const model = [
    `n_neurons = ${n}`,
    `n_exc = ${nE}`,
    `p_conn = ${pyNum(p.p_conn)}`,
    'g_leak = 0.01  # uS (10 nS); weights below in uS',
    '',
    'cell = sim.IF_cond_exp(',
    '    cm=g_leak * 20.0, tau_m=20.0, v_rest=-60.0, v_thresh=-50.0, v_reset=-60.0, tau_refrac=5.0,',
    `    e_rev_E=0.0, e_rev_I=-80.0, tau_syn_E=5.0, tau_syn_I=10.0, i_offset=${pyNum(p.bias_mV)} * g_leak)  # nA (the app's ${pyNum(p.bias_mV)} mV)`,
    "neurons = sim.Population(n_neurons, cell, label='neurons',",
    "                         initial_values={'v': RandomDistribution('uniform', low=-60.0, high=-50.0, rng=rng)})",
    'exc = neurons[:n_exc]',
    'inh = neurons[n_exc:]',
    'connector = sim.FixedProbabilityConnector(p_conn, allow_self_connections=True, rng=rng)',
    "e_all = sim.Projection(exc, neurons, connector, sim.StaticSynapse(weight=0.0003, delay=DELAY), receptor_type='excitatory')",
    "i_i = sim.Projection(inh, inh, connector, sim.StaticSynapse(weight=0.003, delay=DELAY), receptor_type='inhibitory')",
    ...(plastic
      ? [
          `rho0_hz = ${pyNum(p.rho0_hz)}`,
          `eta = ${pyNum(p.eta_ns)} / 1000.0  # uS per event (the app's ${pyNum(p.eta_ns)} nS)`,
          '# rho in 1/ms: the NMODL rule computes alpha = 2 * rho * tau with tau in ms.',
          'timing = sim.Vogels2011Rule(tau=20.0, eta=eta, rho=rho0_hz / 1000.0)',
          'weights = sim.AdditiveWeightDependence(w_min=0.0, w_max=0.1)',
          'ie_synapse = sim.STDPMechanism(timing_dependence=timing, weight_dependence=weights, weight=0.0, delay=DELAY,',
          '                               dendritic_delay_fraction=0.0)  # axonal delay: MPI needs it',
        ]
      : ['ie_synapse = sim.StaticSynapse(weight=0.0, delay=DELAY)']),
    "i_e = sim.Projection(inh, exc, connector, ie_synapse, receptor_type='inhibitory')",
    "neurons.record('spikes')",
  ].join('\n');
  const report = pynnRunAndReport(def.id, [
    { label: 'excitatory', view: 'exc' },
    { label: 'inhibitory', view: 'inh' },
  ], {
    target_rate_hz: pyNum(p.rho0_hz),
    mean_w_ie_ns: 'finite(np.mean(w_ie) * 1000.0) if w_ie.size else None',
  }, ["w_ie = np.asarray(i_e.get('weight', format='list', gather=True, with_address=False), dtype=float)"]);
  return head + model + report;
}
