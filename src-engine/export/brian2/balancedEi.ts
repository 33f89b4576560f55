/**
 * Brian2 export of balanced-ei (the CUBA benchmark, which is also Brian2's own CUBA example):
 *   τm dV/dt = −(V − E_L) + ge + gi (unless refractory),  τe dge/dt = −ge,  τi dgi/dt = −gi  (mV)
 *   V ≥ θ → V ← V_r, held for t_ref;  method 'exact' (the app's exact propagators);
 *   each ordered pair (self-pairs included) connected with p, a spike adds we / wi at the next step;
 *   V(0) ~ U[V_r, θ); optional PoissonInput onto ge. Rate monitors per layer, as in the app.
 * Brian2's schedule (groups → thresholds → synapses → resets) gives the same one-step latency as
 * the app's (integrate → propagate); a refractory period of round(t_ref/dt) steps matches the
 * app's counter, including when the neuron resumes.
 */
import type { ExperimentDef, ParamValues } from '../../experiments/types';
import { PY_MEAN_CV, pyNum, scriptPrelude, scriptReport } from './pyScript';

const EXC_FRACTION = 0.8;

export function balancedEiBrian2(def: ExperimentDef, p: ParamValues, seed: number): string {
  const n = p.n_neurons;
  const nE = Math.round(EXC_FRACTION * n);
  const refSteps = Math.round(p.t_ref_ms / def.dt_ms);
  const drive = p.drive_rate_hz > 0 && p.w_drive_mV !== 0;
  const head = scriptPrelude({
    def, params: p, seed, dtMs: def.dt_ms, defaultDurationS: (def.defaultSteps * def.dt_ms) / 1000,
    model:
      'CUBA benchmark network (Brette et al. 2007; Vogels & Abbott 2005): current-based LIF neurons, the first 80% ' +
      'excitatory, exponential synaptic currents, random connectivity with probability p_conn per ordered pair ' +
      '(self-pairs included), V(0) uniform in [V_r, theta). ' +
      (drive ? 'An external Poisson drive adds w_drive to ge at drive_rate per neuron.' : 'No external drive (E_L above threshold drives the network).'),
    differences: [],
  });
  const model = [
    `n_neurons = ${n}`,
    `n_exc = ${nE}`,
    `n_inh = ${n - nE}`,
    `p_conn = ${pyNum(p.p_conn)}`,
    `tau_m = ${pyNum(p.tau_m_ms)} * ms`,
    `el = ${pyNum(p.el_mV)} * mV`,
    `v_th = ${pyNum(p.v_th_mV)} * mV`,
    `v_reset = ${pyNum(p.v_reset_mV)} * mV`,
    `t_ref = ${refSteps} * defaultclock.dt  # round(${pyNum(p.t_ref_ms)} ms / dt) steps, as the app counts them`,
    `tau_e = ${pyNum(p.tau_e_ms)} * ms`,
    `tau_i = ${pyNum(p.tau_i_ms)} * ms`,
    `w_exc = ${pyNum(p.w_exc_mV)} * mV`,
    `w_inh = ${pyNum(p.w_inh_mV)} * mV`,
    '',
    "eqs = '''",
    'dv/dt = (ge + gi - (v - el)) / tau_m : volt (unless refractory)',
    'dge/dt = -ge / tau_e : volt',
    'dgi/dt = -gi / tau_i : volt',
    "'''",
    "neurons = NeuronGroup(n_neurons, eqs, threshold='v >= v_th', reset='v = v_reset', refractory=t_ref, method='exact')",
    "neurons.v = 'v_reset + rand() * (v_th - v_reset)'",
    'exc = neurons[:n_exc]',
    'inh = neurons[n_exc:]',
    "exc_syn = Synapses(exc, neurons, on_pre='ge += w_exc')",
    'exc_syn.connect(p=p_conn)',
    "inh_syn = Synapses(inh, neurons, on_pre='gi += w_inh')",
    'inh_syn.connect(p=p_conn)',
    ...(drive
      ? [
          `drive_rate = ${pyNum(p.drive_rate_hz)} * Hz`,
          `w_drive = ${pyNum(p.w_drive_mV)} * mV`,
          "# when='start': the app adds external events before integrating the step.",
          "drive = PoissonInput(neurons, 'ge', N=1, rate=drive_rate, weight=w_drive, when='start')",
        ]
      : []),
    '',
    'spikes = SpikeMonitor(neurons)',
    'rate_exc = PopulationRateMonitor(exc)',
    'rate_inh = PopulationRateMonitor(inh)',
    'run(duration)',
    PY_MEAN_CV,
  ].join('\n');
  const report = scriptReport(def.id, [
    { label: 'excitatory', count: 'n_exc', monitor: 'rate_exc' },
    { label: 'inhibitory', count: 'n_inh', monitor: 'rate_inh' },
  ], {
    mean_rate_hz: 'finite((mean_rate(rate_exc) * n_exc + mean_rate(rate_inh) * n_inh) / n_neurons)',
    exc_rate_hz: 'finite(mean_rate(rate_exc))',
    inh_rate_hz: 'finite(mean_rate(rate_inh))',
    cv_isi: 'finite(mean_cv(spikes, 0, n_neurons))',
  });
  return head + model + report;
}
