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

/** A script for `patch` (over the defaults) contains every `has`, none of `lacks` and matches every `matches`. */
interface ScriptCase {
  what: string;
  id: string;
  patch: Record<string, number>;
  has?: string[];
  lacks?: string[];
  matches?: RegExp[];
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

  const CASES: ScriptCase[] = [
    {
      what: 'CUBA jumps become currents w = dV * cm / tau_m',
      id: 'balanced-ei',
      patch: { v_th_mV: -48.5, t_ref_ms: 2.3, n_neurons: 2000, w_exc_mV: 1.5, w_inh_mV: -8 },
      has: [
        'v_th = -48.5  # mV',
        'tau_refrac=23 * DT',
        'n_exc = 1600',
        'w_exc = 1.5 * cm / tau_m  # nA',
        'w_inh = -8 * cm / tau_m  # nA',
        'sim.FixedProbabilityConnector(p_conn, allow_self_connections=True, rng=rng)',
        "RandomDistribution('uniform', low=v_reset, high=v_th, rng=rng)",
      ],
      lacks: ['drive_rate_hz ='],
    },
    {
      what: 'the optional drive is split',
      id: 'balanced-ei',
      patch: { drive_rate_hz: 800, w_drive_mV: 0.5 },
      has: ['drive_rate_hz = 800', 'drive_split = max(1, int(np.ceil(drive_rate_hz * DT / 1000.0 / 0.01)))'],
    },
    {
      what: 'SpikePairRule with additive weight dependence',
      id: 'stdp-bimodal',
      patch: { n_outputs: 7, a_plus_ratio: 0.005, ab_ratio: 1.1 },
      has: [
        'sim.IF_cond_exp(',
        'n_outputs = 7',
        'a_plus_ratio = 0.005',
        'a_minus_ratio = 1.1 * a_plus_ratio',
        'sim.AdditiveWeightDependence(w_min=0.0, w_max=g_max)',
        'dendritic_delay_fraction=0.0',
      ],
    },
    {
      what: 'SpikePairRule with Gutig weight dependence',
      id: 'stdp-bimodal',
      patch: { mu: 0.5 },
      has: ['sim.GutigWeightDependence(w_min=0.0, w_max=g_max, mu_plus=mu, mu_minus=mu)', "scale = g_max ** (1 - mu) if args.backend == 'neuron' else 1.0"],
    },
    { what: 'static synapses when plasticity is off', id: 'stdp-bimodal', patch: { plastic: 0 }, has: ['Plasticity is off'], lacks: ['STDPMechanism'] },
    {
      what: 'Vogels2011Rule with rho in 1/ms and eta in uS; NEST refused with the reason',
      id: 'istdp-balance',
      patch: { rho0_hz: 5, eta_ns: 0.01, bias_mV: 25 },
      has: ['timing = sim.Vogels2011Rule(tau=20.0, eta=eta, rho=rho0_hz / 1000.0)', 'rho0_hz = 5', 'eta = 0.01 / 1000.0', 'i_offset=25 * g_leak'],
      matches: [/sys\.exit\("nest backend refused: PyNN 0\.10's NEST backend has no Vogels2011Rule/],
    },
    { what: 'no Vogels2011Rule when plasticity is off', id: 'istdp-balance', patch: { plastic: 0 }, lacks: ['Vogels2011Rule('] },
    {
      what: 'LIF: mean current, per-step noise current, stationary V(0), Siegmund threshold',
      id: 'fokker-planck',
      patch: { mu_mV: 12, sigma_mV: 3 },
      has: [
        'sim.IF_curr_exp(',
        'i_offset=mu0 * cm / tau_m)',
        'v_thresh=v_th - SIEGMUND * sigma0 * np.sqrt(DT / tau_m)',
        'noise_per_mv = cm / np.sqrt(DT * tau_m)',
        'sim.NoisyCurrentSource(mean=0.0, stdev=b_sigma * noise_per_mv',
        'samples.play(clamp._ref_amp, DT)',
      ],
      matches: [/\(0, 10000, 12, 3, /],
    },
    {
      what: 'EIF: adaptation-free EIF cell, no Siegmund correction',
      id: 'fokker-planck',
      patch: { model: 1, delta_t_mV: 1.5, v_t_mV: 12 },
      has: ['sim.EIF_cond_exp_isfa_ista(', 'delta_T=1.5, v_spike=v_th, a=0.0, b=0.0'],
      lacks: ['SIEGMUND'],
    },
    {
      what: '3 sigma x 3 mu blocks of 20 neurons, a theory rate per block',
      id: 'fi-curve',
      patch: { mu_points: 3, neurons_per_point: 20 },
      has: ['n_neurons = 180', 'neurons[120:180]'],
      matches: [/theory_hz = \[[^,\]]+(, [^,\]]+){8}\]/],
    },
  ];

  for (const c of CASES) {
    it(`${c.id}: ${c.what}`, () => {
      const s = script(c.id, c.patch);
      for (const t of c.has ?? []) expect(s).toContain(t);
      for (const t of c.lacks ?? []) expect(s).not.toContain(t);
      for (const m of c.matches ?? []) expect(s).toMatch(m);
    });
  }

  it('rejects parameters outside the schema and bad seeds', () => {
    expect(exportPynn('balanced-ei', { v_th_mV: 10 }, 1).ok).toBe(false);
    expect(exportPynn('balanced-ei', { n_neurons: 150.5 }, 1).ok).toBe(false);
    expect(exportPynn('balanced-ei', {}, -1).ok).toBe(false);
    expect(exportPynn('balanced-ei', {}, 0).ok).toBe(true);
  });
});
