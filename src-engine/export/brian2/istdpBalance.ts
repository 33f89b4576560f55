/**
 * Brian2 export of istdp-balance (Vogels et al. 2011, cf. Brian2's examples/frompapers/Vogels_et_al_2011.py):
 *   conductance LIF (condLifModel.ts): τm = 20 ms, E_L = −60, θ = −50, V_r = −60 mV, t_ref = 5 ms,
 *   E_e = 0, E_i = −80 mV, τe = 5 ms, τi = 10 ms, bias I_b; V(0) ~ U[−60, −50) mV.
 *   E→all 0.3 nS, I→I 3 nS (fixed), I→E plastic from 0 (all in units of g_L = 10 nS), each with p.
 *   Vogels rule on I→E, τ = 20 ms, α = 2ρ0τ:
 *     pre:  gi += w;  w ← clip(w + η·(xpost − α), 0, w_max);  xpre += 1
 *     post: w ← clip(w + η·xpre, 0, w_max);  xpost += 1
 * Metrics as in the app: E rate over the last (up to) 5 whole seconds, I rate, mean I→E weight (nS).
 */
import type { ExperimentDef, ParamValues } from '../../experiments/types';
import { condLifPy } from './condLifModel';
import { pyNum, scriptPrelude, scriptReport } from './pyScript';

const G_LEAK_NS = 10;

export function istdpBalanceBrian2(def: ExperimentDef, p: ParamValues, seed: number): string {
  const n = p.n_neurons;
  const nE = Math.round(0.8 * n);
  const plastic = p.plastic === 1;
  const head = scriptPrelude({
    def, params: p, seed, dtMs: def.dt_ms, defaultDurationS: (def.defaultSteps * def.dt_ms) / 1000,
    model:
      'Recurrent network of conductance-based LIF neurons (80% excitatory) with a constant background drive. ' +
      'Excitatory and inhibitory->inhibitory synapses are fixed; inhibitory->excitatory synapses start at 0 and ' +
      (plastic ? 'follow the Vogels et al. (2011) inhibitory STDP rule, which drives the excitatory rate to rho0.' : 'stay fixed (plasticity off).'),
    differences: ["The app's inhibitory/excitatory current-ratio metric (ei_current_ratio) is not recorded here."],
  });
  const model = [
    `n_neurons = ${n}`,
    `n_exc = ${nE}`,
    `n_inh = ${n - nE}`,
    `p_conn = ${pyNum(p.p_conn)}`,
    'tau_m = 20 * ms',
    'el = -60 * mV',
    'e_exc = 0 * mV',
    'e_inh = -80 * mV',
    'v_th = -50 * mV',
    'v_reset = -60 * mV',
    't_ref = 5 * ms',
    'tau_e = 5 * ms',
    'tau_i = 10 * ms',
    `i_bias = ${pyNum(p.bias_mV)} * mV`,
    `g_leak_ns = ${G_LEAK_NS}  # conductances below are in units of the leak conductance`,
    'w_exc = 0.3 / g_leak_ns',
    'w_ii = 3 / g_leak_ns',
    'w_max = 100 / g_leak_ns',
    `eta = ${pyNum(p.eta_ns)} / g_leak_ns`,
    `rho0 = ${pyNum(p.rho0_hz)} * Hz`,
    'tau_stdp = 20 * ms',
    'alpha = 2 * rho0 * tau_stdp',
    '',
    ...condLifPy({ name: 'neurons', size: 'n_neurons', inhibitory: true, bias: true, refractory: true }),
    "neurons.v = '-60 * mV + 10 * mV * rand()'",
    'exc = neurons[:n_exc]',
    'inh = neurons[n_exc:]',
    "e_all = Synapses(exc, neurons, on_pre='ge_post += w_exc')",
    'e_all.connect(p=p_conn)',
    "i_i = Synapses(inh, inh, on_pre='gi_post += w_ii')",
    'i_i.connect(p=p_conn)',
    "i_e = Synapses(inh, exc, '''",
    'w : 1',
    'dxpre/dt = -xpre / tau_stdp : 1 (event-driven)',
    'dxpost/dt = -xpost / tau_stdp : 1 (event-driven)',
    "''',",
    plastic
      ? "    on_pre='''\ngi_post += w\nw = clip(w + eta * (xpost - alpha), 0, w_max)\nxpre += 1\n''',\n    on_post='''\nw = clip(w + eta * xpre, 0, w_max)\nxpost += 1\n''')"
      : "    on_pre='''\ngi_post += w\nxpre += 1\n''',\n    on_post='xpost += 1')",
    'i_e.connect(p=p_conn)',
    'i_e.w = 0',
    '',
    'spikes_exc = SpikeMonitor(exc)',
    'rate_exc = PopulationRateMonitor(exc)',
    'rate_inh = PopulationRateMonitor(inh)',
    'run(duration)',
    '',
    'spike_s = np.asarray(spikes_exc.t / second)',
    'whole_s = int(np.floor(args.duration + 1e-9))',
    'last_s = min(5, whole_s)',
    '# The app reports the E rate over the last (up to) 5 complete seconds, or the mean rate before the first one.',
    'if last_s > 0:',
    '    recent = np.count_nonzero((spike_s >= whole_s - last_s) & (spike_s < whole_s)) / (last_s * n_exc)',
    'else:',
    '    recent = mean_rate(rate_exc)',
    'w_ie = np.asarray(i_e.w[:])',
    '',
  ].join('\n');
  const report = scriptReport(def.id, [
    { label: 'excitatory', count: 'n_exc', monitor: 'rate_exc' },
    { label: 'inhibitory', count: 'n_inh', monitor: 'rate_inh' },
  ], {
    exc_rate_hz: 'finite(recent)',
    target_rate_hz: 'float(rho0 / Hz)',
    inh_rate_hz: 'finite(mean_rate(rate_inh))',
    mean_w_ie_ns: 'finite(w_ie.mean() * g_leak_ns) if w_ie.size else None',
  });
  return head + model + report;
}
