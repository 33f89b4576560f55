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

  it('lists no experiment that is not registered', () => {
    for (const id of Object.keys(BRIAN2_SUPPORT)) expect(findExperiment(id), id).toBeDefined();
  });

  it('unsupported experiments return their reason, unknown ones say so', () => {
    for (const [id, s] of Object.entries(BRIAN2_SUPPORT)) {
      if (!('reason' in s)) continue;
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
