/**
 * The PyNN exporter: every registered experiment has either an exporter or a reason; scripts carry
 * the header, the backend switch, the parameters in effect, the seed, the parallel-safe RNG and the
 * closing JSON line; model options change the generated model; untrusted input is checked.
 * Running the scripts on NEURON under MPI is pynn.integration.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { EXPERIMENTS, findExperiment } from '../../experiments/registry';
import { defaultParams } from '../../experiments/types';
import { exportPynn, PYNN_SUPPORT, pynnFilename } from './index';
import { pynnHeaderTitle } from './pyScript';

const exportable = Object.entries(PYNN_SUPPORT).filter(([, s]) => 'exporter' in s).map(([id]) => id);

function script(id: string, patch: Record<string, number> = {}, seed = 1): string {
  const def = findExperiment(id)!;
  const r = exportPynn(id, { ...defaultParams(def), ...patch }, seed);
  if (!r.ok) throw new Error(r.reason);
  return r.script;
}

describe('PyNN support covers the registry', () => {
  it.each(EXPERIMENTS.map((e) => e.id))('%s has an exporter or a reason', (id) => {
    const s = PYNN_SUPPORT[id];
    expect(s, `${id} is registered but src-engine/export/pynn/index.ts has neither an exporter nor a reason for it`).toBeDefined();
    if ('reason' in s) expect(s.reason.length).toBeGreaterThan(40);
  });

  it('the five network experiments are exported; the others return their reason; unknown ones say so', () => {
    expect(exportable.sort()).toEqual(['balanced-ei', 'fi-curve', 'fokker-planck', 'istdp-balance', 'stdp-bimodal']);
    for (const [id, s] of Object.entries(PYNN_SUPPORT)) {
      if ('reason' in s && findExperiment(id)) expect(exportPynn(id, {}, 1)).toEqual({ ok: false, reason: s.reason });
    }
    const r = exportPynn('no-such-experiment', {}, 1);
    expect(!r.ok && r.reason).toMatch(/unknown experiment/);
  });
});

describe('exported PyNN scripts', () => {
  it.each(exportable)('%s: header, backend switch, parameters, seed, parallel-safe RNG and result line', (id) => {
    const def = findExperiment(id)!;
    const s = script(id, {}, 4242);
    expect(s.startsWith(`#!/usr/bin/env python3\n${pynnHeaderTitle(def)}\n`)).toBe(true);
    expect(s).toContain("parser.add_argument('--backend', default='neuron', choices=['neuron', 'nest']");
    expect(s).toContain('import pyNN.neuron as sim');
    expect(s).toContain('import pyNN.nest as sim');
    expect(s).toContain("parser.add_argument('--seed', type=int, default=4242");
    expect(s).toContain('rng = NumpyRNG(seed=args.seed, parallel_safe=True)');
    expect(s).toContain(`DT = ${def.dt_ms}  # ms`);
    for (const p of def.params) expect(s, p.key).toMatch(new RegExp(`#   ${p.key} +=`));
    expect(s).toMatch(/print\(json\.dumps\(\{"engine": args\.backend, "processes": sim\.num_processes\(\), "neurons": neurons, "spikes": spikes,/);
    expect(s).toContain('"rate_hz": finite(spikes / (neurons * args.duration)), "sim_s": args.duration, "wall_s"');
    expect(s).toContain('if sim.rank() == 0:');
    expect(s).toContain('\nsim.run(duration_ms)\n');
    expect(s).toContain(`--duration', type=float, default=${(def.defaultSteps * def.dt_ms) / 1000},`);
    expect(exportPynn(id, defaultParams(def), 1)).toMatchObject({ ok: true, filename: pynnFilename(id) });
  });

  it('balanced-ei: CUBA jumps become currents w = dV * cm / tau_m; the optional drive is split', () => {
    const s = script('balanced-ei', { v_th_mV: -48.5, t_ref_ms: 2.3, n_neurons: 2000, w_exc_mV: 1.5, w_inh_mV: -8 });
    expect(s).toContain('v_th = -48.5  # mV');
    expect(s).toContain('tau_refrac=23 * DT');
    expect(s).toContain('n_exc = 1600');
    expect(s).toContain('w_exc = 1.5 * cm / tau_m  # nA');
    expect(s).toContain('w_inh = -8 * cm / tau_m  # nA');
    expect(s).toContain('sim.FixedProbabilityConnector(p_conn, allow_self_connections=True, rng=rng)');
    expect(s).toContain("RandomDistribution('uniform', low=v_reset, high=v_th, rng=rng)");
    expect(s).not.toContain('drive_rate_hz =');
    const d = script('balanced-ei', { drive_rate_hz: 800, w_drive_mV: 0.5 });
    expect(d).toContain('drive_rate_hz = 800');
    expect(d).toContain('drive_split = max(1, int(np.ceil(drive_rate_hz * DT / 1000.0 / 0.01)))');
  });

  it('stdp-bimodal: SpikePairRule with additive or Gutig weight dependence, or static synapses', () => {
    const add = script('stdp-bimodal', { n_outputs: 7, a_plus_ratio: 0.005, ab_ratio: 1.1 });
    expect(add).toContain('sim.IF_cond_exp(');
    expect(add).toContain('n_outputs = 7');
    expect(add).toContain('a_plus_ratio = 0.005');
    expect(add).toContain('a_minus_ratio = 1.1 * a_plus_ratio');
    expect(add).toContain('sim.AdditiveWeightDependence(w_min=0.0, w_max=g_max)');
    expect(add).toContain('dendritic_delay_fraction=0.0');
    const mult = script('stdp-bimodal', { mu: 0.5 });
    expect(mult).toContain('sim.GutigWeightDependence(w_min=0.0, w_max=g_max, mu_plus=mu, mu_minus=mu)');
    expect(mult).toContain("scale = g_max ** (1 - mu) if args.backend == 'neuron' else 1.0");
    const frozen = script('stdp-bimodal', { plastic: 0 });
    expect(frozen).not.toContain('STDPMechanism');
    expect(frozen).toContain('Plasticity is off');
  });

  it('istdp-balance: Vogels2011Rule with rho in 1/ms and eta in uS; NEST refused with the reason', () => {
    const s = script('istdp-balance', { rho0_hz: 5, eta_ns: 0.01, bias_mV: 25 });
    expect(s).toContain('timing = sim.Vogels2011Rule(tau=20.0, eta=eta, rho=rho0_hz / 1000.0)');
    expect(s).toContain('rho0_hz = 5');
    expect(s).toContain('eta = 0.01 / 1000.0');
    expect(s).toContain('i_offset=25 * g_leak');
    expect(s).toMatch(/sys\.exit\("nest backend refused: PyNN 0\.10's NEST backend has no Vogels2011Rule/);
    expect(script('istdp-balance', { plastic: 0 })).not.toContain('Vogels2011Rule(');
  });

  it('fokker-planck and fi-curve: mean current, per-step noise current, stationary V(0), Siegmund threshold (LIF)', () => {
    const lif = script('fokker-planck', { mu_mV: 12, sigma_mV: 3 });
    expect(lif).toContain('sim.IF_curr_exp(');
    expect(lif).toContain('i_offset=mu0 * cm / tau_m)');
    expect(lif).toContain('v_thresh=v_th - SIEGMUND * sigma0 * np.sqrt(DT / tau_m)');
    expect(lif).toContain('noise_per_mv = cm / np.sqrt(DT * tau_m)');
    expect(lif).toContain('sim.NoisyCurrentSource(mean=0.0, stdev=b_sigma * noise_per_mv');
    expect(lif).toContain('samples.play(clamp._ref_amp, DT)');
    expect(lif).toMatch(/\(0, 10000, 12, 3, /);
    const eif = script('fokker-planck', { model: 1, delta_t_mV: 1.5, v_t_mV: 12 });
    expect(eif).toContain('sim.EIF_cond_exp_isfa_ista(');
    expect(eif).toContain('delta_T=1.5, v_spike=v_th, a=0.0, b=0.0');
    expect(eif).not.toContain('SIEGMUND');
    const fi = script('fi-curve', { mu_points: 3, neurons_per_point: 20 });
    expect(fi).toContain('n_neurons = 180');
    expect(fi).toContain('neurons[120:180]');
    expect(fi.match(/theory_hz = \[(.*)\]/)![1].split(',')).toHaveLength(9);
  });

  it('rejects parameters outside the schema and bad seeds', () => {
    expect(exportPynn('balanced-ei', { v_th_mV: 10 }, 1).ok).toBe(false);
    expect(exportPynn('balanced-ei', { n_neurons: 150.5 }, 1).ok).toBe(false);
    expect(exportPynn('balanced-ei', {}, -1).ok).toBe(false);
    expect(exportPynn('balanced-ei', {}, 0).ok).toBe(true);
  });
});
