/**
 * Brian2 export of stdp-bimodal (Song, Miller & Abbott 2000 as in Brian2's examples/synapses/STDP.py):
 *   τm dV/dt = (E_L − V) + ge·(E_e − V)  (forward Euler, then exact decay of ge: condLifModel.ts);
 *   V ≥ θ → V ← V_r; no refractory period; V(0) = V_r.
 *   n_inputs Poisson inputs at F, all-to-all onto n_outputs neurons, w ~ U[0, g_max].
 *   STDP with all-to-all traces x (pre), y (post), τ+ = τ− = τ:
 *     pre:  ge += w;  w ← clip(w − A−·(w/g_max)^μ·y, 0, g_max);  x += 1
 *     post: w ← clip(w + A+·(1 − w/g_max)^μ·x, 0, g_max);  y += 1
 * Metrics as in the app: output rate over the last (up to) 10 whole seconds, mean w/g_max, bimodality.
 */
import type { ExperimentDef, ParamValues } from '../../experiments/types';
import { condLifPy } from './condLifModel';
import { pyNum, scriptPrelude, scriptReport } from './pyScript';

/** The app's neuron constants for this experiment (stdpBimodal.ts). */
const NEURON = { tau_m: 10, el: -74, e_exc: 0, v_th: -54, v_reset: -60, tau_e: 5 };

export function stdpBimodalBrian2(def: ExperimentDef, p: ParamValues, seed: number): string {
  const mu = p.mu;
  const plastic = p.plastic === 1;
  const depress = mu === 0 ? 'a_minus * y' : 'a_minus * (w / g_max)**mu * y';
  const potentiate = mu === 0 ? 'a_plus * x' : 'a_plus * (1 - w / g_max)**mu * x';
  const head = scriptPrelude({
    def, params: p, seed, dtMs: def.dt_ms, defaultDurationS: (def.defaultSteps * def.dt_ms) / 1000,
    model:
      `${p.n_inputs} Poisson inputs at input_rate_hz drive ${p.n_outputs} conductance-based LIF neuron(s) all-to-all ` +
      '(tau_m = 10 ms, E_L = -74 mV, theta = -54 mV, V_r = -60 mV, E_e = 0, tau_e = 5 ms, no refractory period, V(0) = V_r), ' +
      `initial weights uniform in [0, g_max]. ${plastic ? `${mu === 0 ? 'Additive' : 'Weight-dependent'} pair STDP with all-to-all traces` : 'Plasticity is off: the weights stay fixed'} ` +
      '(Song, Miller & Abbott 2000, as in Brian2\'s examples/synapses/STDP.py).',
    differences: [
      "Brian2's PoissonGroup emits at most one spike per input per step; the app allows k ~ Poisson(rate*dt) repeats " +
        '(at 60 Hz and dt = 0.1 ms that is 0.3% of events).',
    ],
  });
  const model = [
    `n_inputs = ${p.n_inputs}`,
    `n_outputs = ${p.n_outputs}`,
    `input_rate = ${pyNum(p.input_rate_hz)} * Hz`,
    `g_max = ${pyNum(p.g_max)}`,
    `a_plus = ${pyNum(p.a_plus_ratio)} * g_max`,
    `a_minus = ${pyNum(p.ab_ratio)} * a_plus`,
    `tau_stdp = ${pyNum(p.tau_ms)} * ms`,
    ...(mu === 0 ? [] : [`mu = ${pyNum(mu)}`]),
    `tau_m = ${NEURON.tau_m} * ms`,
    `el = ${NEURON.el} * mV`,
    `e_exc = ${NEURON.e_exc} * mV`,
    `v_th = ${NEURON.v_th} * mV`,
    `v_reset = ${NEURON.v_reset} * mV`,
    `tau_e = ${NEURON.tau_e} * ms`,
    '',
    'inputs = PoissonGroup(n_inputs, rates=input_rate)',
    ...condLifPy({ name: 'outputs', size: 'n_outputs', inhibitory: false, bias: false, refractory: false }),
    'outputs.v = v_reset',
    "syn = Synapses(inputs, outputs, '''",
    'w : 1',
    'dx/dt = -x / tau_stdp : 1 (event-driven)',
    'dy/dt = -y / tau_stdp : 1 (event-driven)',
    "''',",
    plastic
      ? `    on_pre='''\nge_post += w\nw = clip(w - ${depress}, 0, g_max)\nx += 1\n''',\n    on_post='''\nw = clip(w + ${potentiate}, 0, g_max)\ny += 1\n''')`
      : "    on_pre='''\nge_post += w\nx += 1\n''',\n    on_post='y += 1')",
    'syn.connect()',
    "syn.w = 'rand() * g_max'",
    '',
    'spikes = SpikeMonitor(outputs)',
    'rate_out = PopulationRateMonitor(outputs)',
    'run(duration)',
    '',
    'w_final = np.asarray(syn.w[:])',
    'spike_s = np.asarray(spikes.t / second)',
    'whole_s = int(np.floor(args.duration + 1e-9))',
    'last_s = min(10, whole_s)',
    '# The app reports the rate over the last (up to) 10 complete seconds, or the mean rate before the first one.',
    'if last_s > 0:',
    '    recent = np.count_nonzero((spike_s >= whole_s - last_s) & (spike_s < whole_s)) / (last_s * n_outputs)',
    'else:',
    '    recent = mean_rate(rate_out)',
    'hist_counts = np.histogram(np.clip(w_final / g_max * 20, 0, 19.5).astype(int), bins=np.arange(21))[0]',
    '',
  ].join('\n');
  const report = scriptReport(def.id, [{ label: p.n_outputs === 1 ? 'output neuron' : 'output neurons', count: 'n_outputs', monitor: 'rate_out' }], {
    weight_histogram: "{'edges': [k / 20 for k in range(21)], 'counts': [int(c) for c in hist_counts]}",
    bimodality: 'finite(np.mean((w_final <= 0.1 * g_max) | (w_final >= 0.9 * g_max)))',
    output_rate_hz: 'finite(recent)',
    mean_weight_ratio: 'finite(w_final.mean() / g_max)',
  });
  return head + model + report;
}
