/**
 * The Brian2 exporter: every registered experiment has either an exporter or a reason; scripts carry
 * the header, the parameters in effect, the seed and the result line; options of the model (drive,
 * plasticity on/off, weight dependence) change the generated model; untrusted input is checked.
 * Running the scripts in Brian2 is brian2.integration.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { EXPERIMENTS, findExperiment } from '../../experiments/registry';
import { defaultParams } from '../../experiments/types';
import { BRIAN2_SUPPORT, brian2Filename, exportBrian2 } from './index';
import { headerTitle, pyComment, pyNum, RESULT_MARKER } from './pyScript';

const exportable = Object.entries(BRIAN2_SUPPORT).filter(([, s]) => 'exporter' in s).map(([id]) => id);

function script(id: string, patch: Record<string, number> = {}, seed = 1): string {
  const def = findExperiment(id)!;
  const r = exportBrian2(id, { ...defaultParams(def), ...patch }, seed);
  if (!r.ok) throw new Error(r.reason);
  return r.script;
}

describe('Brian2 support covers the registry', () => {
  it.each(EXPERIMENTS.map((e) => e.id))('%s has an exporter or a reason', (id) => {
    const s = BRIAN2_SUPPORT[id];
    expect(s, `${id} is registered but src-engine/export/brian2/index.ts has neither an exporter nor a reason for it`).toBeDefined();
    if ('reason' in s) expect(s.reason.length).toBeGreaterThan(40);
    else expect(typeof s.exporter).toBe('function');
  });

  it('every exporter belongs to a registered experiment (reasons may name experiments still being added)', () => {
    for (const id of exportable) expect(findExperiment(id), id).toBeDefined();
  });

  it('unsupported experiments return their reason, unknown ones say so', () => {
    for (const [id, s] of Object.entries(BRIAN2_SUPPORT)) {
      if (!('reason' in s) || !findExperiment(id)) continue;
      expect(exportBrian2(id, {}, 1)).toEqual({ ok: false, reason: s.reason });
    }
    const r = exportBrian2('no-such-experiment', {}, 1);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/unknown experiment/);
  });
});

describe('exported scripts', () => {
  it.each(exportable)('%s: header, imports, parameters, seed and result line', (id) => {
    const def = findExperiment(id)!;
    const s = script(id, {}, 4242);
    expect(s.startsWith(`#!/usr/bin/env python3\n${headerTitle(def)}\n`)).toBe(true);
    expect(s).toContain('from brian2 import *');
    expect(s).toMatch(/statistically, not spike-for-spike, equal/);
    expect(s).toContain("parser.add_argument('--seed', type=int, default=4242");
    expect(s).toContain(`defaultclock.dt = ${def.dt_ms} * ms`);
    for (const p of def.params) expect(s, p.key).toMatch(new RegExp(`#   ${p.key} +=`));
    expect(s).toContain(JSON.stringify(RESULT_MARKER));
    expect(s).toMatch(/PopulationRateMonitor/);
    expect(s).toMatch(/\nrun\(duration\)\n/);
    // The default duration is the experiment's default CLI run.
    expect(s).toContain(`--duration', type=float, default=${(def.defaultSteps * def.dt_ms) / 1000},`);
    const r = exportBrian2(id, defaultParams(def), 1);
    expect(r.ok && r.filename).toBe(brian2Filename(id));
  });

  it('balanced-ei: parameter values, refractory steps and the optional drive', () => {
    const s = script('balanced-ei', { v_th_mV: -48.5, t_ref_ms: 2.3, n_neurons: 2000, p_conn: 0.05 });
    expect(s).toContain('v_th = -48.5 * mV');
    expect(s).toContain('t_ref = 23 * defaultclock.dt');
    expect(s).toContain('n_exc = 1600');
    expect(s).toContain('n_inh = 400');
    expect(s).toContain('p_conn = 0.05');
    expect(s).toContain("method='exact'");
    expect(s).toContain("neurons.v = 'v_reset + rand() * (v_th - v_reset)'");
    expect(s).not.toContain('PoissonInput(');
    const d = script('balanced-ei', { drive_rate_hz: 800, w_drive_mV: 0.5 });
    expect(d).toContain('drive_rate = 800 * Hz');
    expect(d).toContain('w_drive = 0.5 * mV');
    expect(d).toMatch(/PoissonInput\(neurons, 'ge', N=1, rate=drive_rate, weight=w_drive, when='start'\)/);
  });

  it('stdp-bimodal: additive, multiplicative and frozen rules', () => {
    const add = script('stdp-bimodal', { n_outputs: 7, a_plus_ratio: 0.005 });
    expect(add).toContain('n_outputs = 7');
    expect(add).toContain('a_plus = 0.005 * g_max');
    expect(add).toContain('w = clip(w - a_minus * y, 0, g_max)');
    expect(add).toContain('w = clip(w + a_plus * x, 0, g_max)');
    expect(add).toContain("run_regularly('''ge = ge * exp(-dt / tau_e)''', when='groups', order=1)");
    const mult = script('stdp-bimodal', { mu: 0.5 });
    expect(mult).toContain('mu = 0.5');
    expect(mult).toContain('w = clip(w - a_minus * (w / g_max)**mu * y, 0, g_max)');
    expect(mult).toContain('w = clip(w + a_plus * (1 - w / g_max)**mu * x, 0, g_max)');
    const frozen = script('stdp-bimodal', { plastic: 0 });
    expect(frozen).not.toMatch(/w = clip/);
    expect(frozen).toContain('Plasticity is off');
  });

  it('istdp-balance: Vogels rule with α = 2ρ0τ, or frozen', () => {
    const s = script('istdp-balance', { rho0_hz: 5, eta_ns: 0.01 });
    expect(s).toContain('rho0 = 5 * Hz');
    expect(s).toContain('eta = 0.01 / g_leak_ns');
    expect(s).toContain('alpha = 2 * rho0 * tau_stdp');
    expect(s).toContain('w = clip(w + eta * (xpost - alpha), 0, w_max)');
    expect(script('istdp-balance', { plastic: 0 })).not.toMatch(/w = clip/);
  });

  it('fokker-planck: the app\'s update, bridge-corrected threshold, stationary initial state and theory', () => {
    const lif = script('fokker-planck', { mu_mV: 12, sigma_mV: 3, v_reset_mV: 25, v_th_mV: 20 });
    expect(lif).toContain('mu0[first:first + count] = b_mu');
    expect(lif).toMatch(/\(0, 10000, 12, 3, /);
    expect(lif).toContain('v_reset = 19.5 * mV'); // kept 0.5 mV below θ, as the app does
    expect(lif).toContain("threshold='v >= v_th or rand() < p_cross'");
    expect(lif).toContain('v_new = mu + (v_old - mu) * a_m + sigma * sqrt((1 - a_m**2) / 2) * randn()');
    expect(lif).toContain('p_cross = not_refractory * exp(-2 * (v_th - v_old) * (v_th - v) / (sigma**2 * dt / tau_m))');
    expect(lif).toMatch(/rate_theory = [0-9.]+ {2}# Hz, the app's Siegert rate/);
    const eif = script('fokker-planck', { model: 1, delta_t_mV: 1.5, v_t_mV: 12 });
    expect(eif).toContain('delta_t = 1.5 * mV');
    expect(eif).toContain('exp(clip((v_old - v_t) / delta_t, -1000, 50))');
    expect(eif).not.toContain('cv_theory');
  });

  it('fi-curve: one block per (σ, μ) with its own stationary table and theory', () => {
    const s = script('fi-curve', { mu_points: 3, neurons_per_point: 20, mu_min_mV: 0, mu_max_mV: 30, sigma_a_mV: 1, sigma_b_mV: 4, sigma_c_mV: 8 });
    expect(s).toContain('n_neurons = 180');
    for (const [first, mu, sigma] of [[0, 0, 1], [20, 15, 1], [40, 30, 1], [60, 0, 4], [160, 30, 8]]) expect(s).toContain(`(${first}, 20, ${mu}, ${sigma}, `);
    expect(s.match(/theory_hz = \[(.*)\]/)![1].split(',')).toHaveLength(9);
    expect(s).toContain('rate_2 = PopulationRateMonitor(neurons[120:180])');
  });

  it('rejects parameters outside the schema and bad seeds', () => {
    const r = exportBrian2('balanced-ei', { v_th_mV: 10 }, 1);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/v_th_mV/);
    expect(exportBrian2('balanced-ei', { n_neurons: 150.5 }, 1).ok).toBe(false);
    expect(exportBrian2('balanced-ei', {}, -1).ok).toBe(false);
    expect(exportBrian2('balanced-ei', {}, 1.5).ok).toBe(false);
    expect(exportBrian2('balanced-ei', {}, 0).ok).toBe(true);
  });
});

describe('Python text helpers', () => {
  it('numbers are Python literals; non-finite values are refused', () => {
    expect(pyNum(-9)).toBe('-9');
    expect(pyNum(1.62)).toBe('1.62');
    expect(pyNum(1e-7)).toBe('1e-7');
    expect(() => pyNum(NaN)).toThrow();
    expect(() => pyNum(Infinity)).toThrow();
  });

  it('comments wrap at the width and keep every word', () => {
    const text = 'word '.repeat(60).trim();
    const lines = pyComment(text, 40);
    for (const l of lines) {
      expect(l.startsWith('# ')).toBe(true);
      expect(l.length).toBeLessThanOrEqual(40);
    }
    expect(lines.join(' ').replace(/# /g, '').split(/\s+/).filter(Boolean)).toHaveLength(60);
  });
});
