/**
 * PyNN export of balanced-ei (the CUBA benchmark) with IF_curr_exp:
 *   app:  τm dV/dt = −(V − E_L) + ge + gi,  τe dge/dt = −ge,  a spike adds ΔV (mV) to ge.
 *   PyNN: cm dV/dt = cm(v_rest − V)/τm + I_e + I_i,  τe dI_e/dt = −I_e,  a spike adds w (nA) to I_e.
 * Dividing PyNN's equation by cm/τm shows ge = I_e·τm/cm, so the app's jump ΔV becomes the current
 * jump w = ΔV·cm/τm (nA with cm in nF, τm in ms, ΔV in mV); inhibitory weights stay negative.
 * Connectivity: FixedProbabilityConnector(p, self-pairs allowed) from the parallel-safe RNG;
 * V(0) ~ U[V_r, θ) from the same RNG; the optional Poisson drive is split over SpikeSourceArrays
 * (per-source streams, ≤ 0.01 events per step each), one-to-one onto the excitatory current.
 */
import type { ExperimentDef, ParamValues } from '../../experiments/types';
import { pyNum, pynnPrelude, pynnRunAndReport } from './pyScript';

const EXC_FRACTION = 0.8;
/** Membrane capacitance (nF) of the exported cells; any value works because the weights scale with it. */
const CM_NF = 1;
/** Most expected events per drive source and step (repeats within a step merge: at 0.01 that loses 0.5%). */
const DRIVE_EVENTS_PER_STEP = 0.01;

export function balancedEiPynn(def: ExperimentDef, p: ParamValues, seed: number): string {
  const n = p.n_neurons;
  const nE = Math.round(EXC_FRACTION * n);
  const refSteps = Math.round(p.t_ref_ms / def.dt_ms);
  const drive = p.drive_rate_hz > 0 && p.w_drive_mV !== 0;
  const head = pynnPrelude({
    def, params: p, seed, defaultDurationS: (def.defaultSteps * def.dt_ms) / 1000,
    model:
      'CUBA benchmark network (Brette et al. 2007; Vogels & Abbott 2005) as IF_curr_exp cells: the first 80% ' +
      'excitatory, exponential synaptic currents, each ordered pair connected with probability p_conn (self-pairs ' +
      "included), V(0) uniform in [V_r, theta). The app's voltage jumps dV of its synaptic drive become current " +
      'jumps w = dV * cm / tau_m. ' +
      (drive ? 'An external Poisson drive (one train per neuron) adds w_drive to the excitatory current.' : 'No external drive (E_L above threshold drives the network).'),
    differences: drive ? ['Drive events of one source in the same step merge into one; each neuron\'s drive is split over sources with at most 0.01 expected events per step, so at most 0.5% of drive events merge.'] : [],
  });
  const model = [
    `n_neurons = ${n}`,
    `n_exc = ${nE}`,
    `p_conn = ${pyNum(p.p_conn)}`,
    `cm = ${pyNum(CM_NF)}  # nF; the weights below are scaled by cm / tau_m`,
    `tau_m = ${pyNum(p.tau_m_ms)}  # ms`,
    `v_th = ${pyNum(p.v_th_mV)}  # mV`,
    `v_reset = ${pyNum(p.v_reset_mV)}  # mV`,
    `w_exc = ${pyNum(p.w_exc_mV)} * cm / tau_m  # nA (the app's ${pyNum(p.w_exc_mV)} mV jump)`,
    `w_inh = ${pyNum(p.w_inh_mV)} * cm / tau_m  # nA (the app's ${pyNum(p.w_inh_mV)} mV jump)`,
    '',
    'cell = sim.IF_curr_exp(',
    `    cm=cm, tau_m=tau_m, v_rest=${pyNum(p.el_mV)}, v_thresh=v_th, v_reset=v_reset,`,
    `    tau_refrac=${refSteps} * DT,  # round(${pyNum(p.t_ref_ms)} ms / dt) steps, as the app counts them`,
    `    tau_syn_E=${pyNum(p.tau_e_ms)}, tau_syn_I=${pyNum(p.tau_i_ms)}, i_offset=0.0)`,
    "neurons = sim.Population(n_neurons, cell, label='neurons',",
    "                         initial_values={'v': RandomDistribution('uniform', low=v_reset, high=v_th, rng=rng)})",
    'exc = neurons[:n_exc]',
    'inh = neurons[n_exc:]',
    'connector = sim.FixedProbabilityConnector(p_conn, allow_self_connections=True, rng=rng)',
    "exc_syn = sim.Projection(exc, neurons, connector, sim.StaticSynapse(weight=w_exc, delay=DELAY), receptor_type='excitatory')",
    "inh_syn = sim.Projection(inh, neurons, connector, sim.StaticSynapse(weight=w_inh, delay=DELAY), receptor_type='inhibitory')",
    ...(drive
      ? [
          `drive_rate_hz = ${pyNum(p.drive_rate_hz)}  # per neuron`,
          `w_drive = ${pyNum(p.w_drive_mV)} * cm / tau_m  # nA`,
          '# The drive of each neuron is split over enough sources that one source rarely fires twice in a step',
          '# (rate * dt <= 0.01 per source), since repeats within a step merge.',
          `drive_split = max(1, int(np.ceil(drive_rate_hz * DT / 1000.0 / ${pyNum(DRIVE_EVENTS_PER_STEP)})))`,
          'for part in range(drive_split):',
          "    drive = sim.Population(n_neurons, sim.SpikeSourceArray(), label='drive %d' % part)",
          '    set_poisson_trains(drive, drive_rate_hz / drive_split, 10 + part)',
          "    sim.Projection(drive, neurons, sim.OneToOneConnector(), sim.StaticSynapse(weight=w_drive, delay=DELAY), receptor_type='excitatory')",
        ]
      : []),
    "neurons.record('spikes')",
  ].join('\n');
  const report = pynnRunAndReport(def.id, [
    { label: 'excitatory', view: 'exc' },
    { label: 'inhibitory', view: 'inh' },
  ], { synapses: 'exc_syn.size(gather=True) + inh_syn.size(gather=True)' });
  return head + model + report;
}
