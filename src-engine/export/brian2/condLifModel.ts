/**
 * The app's conductance-based LIF group (neurons/condLif.ts) as Brian2 source:
 *   τm dV/dt = (E_L − V) + ge·(E_e − V) [+ gi·(E_i − V)] [+ I_b]   forward Euler, conductances frozen
 *   over the step; then ge ← ge·exp(−dt/τe), gi ← gi·exp(−dt/τi) (exact decay, also while refractory).
 * Brian2 has no per-variable integration method, so ge/gi are plain variables decayed by a
 * run_regularly in the 'groups' slot after the state update (order 1): the same order as the app.
 * The Python names (tau_m, el, e_exc, e_inh, i_bias, v_th, v_reset, t_ref, tau_e, tau_i) must be
 * defined by the caller.
 */
export interface CondLifPyOptions {
  /** Python variable name of the group. */
  name: string;
  /** Python expression of the group size. */
  size: string;
  /** Include the inhibitory conductance gi. */
  inhibitory: boolean;
  /** Include the constant bias I_b (mV) as `i_bias`. */
  bias: boolean;
  /** Include `t_ref` as a refractory period (V not integrated while refractory). */
  refractory: boolean;
}

export function condLifPy(o: CondLifPyOptions): string[] {
  const drive = ['(el - v)', 'ge * (e_exc - v)', ...(o.inhibitory ? ['gi * (e_inh - v)'] : []), ...(o.bias ? ['i_bias'] : [])].join(' + ');
  const decay = ['ge = ge * exp(-dt / tau_e)', ...(o.inhibitory ? ['gi = gi * exp(-dt / tau_i)'] : [])].join('\n');
  return [
    "eqs = '''",
    `dv/dt = (${drive}) / tau_m : volt${o.refractory ? ' (unless refractory)' : ''}`,
    'ge : 1  # units of the leak conductance; decays exactly after each Euler step of v',
    ...(o.inhibitory ? ['gi : 1'] : []),
    "'''",
    `${o.name} = NeuronGroup(${o.size}, eqs, threshold='v >= v_th', reset='v = v_reset',${o.refractory ? ' refractory=t_ref,' : ''} method='euler')`,
    `${o.name}.run_regularly('''${decay}''', when='groups', order=1)`,
  ];
}
