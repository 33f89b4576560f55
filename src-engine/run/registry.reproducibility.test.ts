/**
 * Reproducibility over the whole registry, for every simulated experiment:
 * (each at its default parameters with the network sizes at a quarter of their defaults):
 *  - the same configuration twice gives the same fingerprint;
 *  - every live parameter, changed at step 50 to another valid value, changes the fingerprint
 *    within 500 steps (for rate models, whose runs emit no spikes, through the state digest);
 *  - snapshot at a step, structured clone (as across a worker boundary), restore into a fresh
 *    build, continue: the same fingerprint at every later step as an uninterrupted run.
 */
import { describe, expect, it } from 'vitest';
import { defaultRunConfig, type RunConfig } from '../config/runConfig';
import { EXPERIMENTS } from '../experiments/registry';
import type { ExperimentDef, ParamSpec } from '../experiments/types';
import { Session } from './session';

const SIMULATED = EXPERIMENTS.filter((d) => d.mode === 'simulated');
const CHANGE_AT = 50;
const WITHIN = 500;

/** Another valid value: a step or more away from the current one, towards the wider side. */
function otherValue(spec: ParamSpec, current: number): number {
  if (spec.options) return current === 0 ? 1 : 0;
  const up = spec.max - current, down = current - spec.min;
  const span = Math.max(up, down);
  let v = up >= down ? current + Math.max(spec.step, span / 2) : current - Math.max(spec.step, span / 2);
  if (spec.integer) v = Math.round(v);
  v = Math.round(v / spec.step) * spec.step;
  return Math.min(spec.max, Math.max(spec.min, v));
}

function fingerprintAt(config: RunConfig, steps: number): string {
  const s = new Session(config);
  s.advance(steps);
  return s.summary().fingerprint;
}

/** Typed arrays as plain arrays, so toEqual compares values. */
function plain(x: unknown): unknown {
  return JSON.parse(JSON.stringify(x, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float32Array) : v)));
}

/** The default configuration with every size parameter (n_…, rebuild-only) at a quarter of its default: the same code paths, less work. */
function smallConfig(def: ExperimentDef): RunConfig {
  const c = defaultRunConfig(def.id, 3);
  for (const p of def.params) if (!p.live && p.key.startsWith('n_') && !p.options) c.params[p.key] = Math.max(p.min, Math.round(p.default / 4 / p.step) * p.step);
  return c;
}

describe.each(SIMULATED.map((d) => [d.id, d] as const))('%s', (id, def) => {
  const config = smallConfig(def);

  it('same configuration twice → same fingerprint; every live parameter changes it within 500 steps', () => {
    const ref = fingerprintAt(config, CHANGE_AT + WITHIN);
    expect(fingerprintAt(config, CHANGE_AT + WITHIN)).toBe(ref);
    const unchanged: string[] = [];
    for (const spec of def.params.filter((p) => p.live)) {
      const value = otherValue(spec, config.params[spec.key]);
      expect(value, spec.key).not.toBe(config.params[spec.key]);
      const fp = fingerprintAt({ ...config, events: [{ step: CHANGE_AT, key: spec.key, value }] }, CHANGE_AT + WITHIN);
      if (fp === ref) unchanged.push(`${spec.key} → ${value}`);
    }
    expect(unchanged, 'live parameters whose change left the fingerprint unchanged').toEqual([]);
  });

  it('snapshot → structured clone → restore into a fresh build continues with the same fingerprint at every step', () => {
    const live = def.params.find((p) => p.live);
    const events = live ? [{ step: 120, key: live.key, value: otherValue(live, config.params[live.key]) }] : [];
    const cfg = { ...config, events };
    const a = new Session(cfg);
    a.advance(333);
    const snap = structuredClone(a.snapshot());
    const b = new Session(cfg);
    b.advance(17); // a fresh build that has moved on: restore must put every bit back
    b.restore(snap);
    expect(b.step).toBe(333);
    const mismatches: number[] = [];
    // Past step 1000, where once-per-second histories are appended.
    for (let k = 0; k < 700; k++) {
      a.advance(1);
      b.advance(1);
      if (a.fingerprint.fp.hex() !== b.fingerprint.fp.hex()) {
        mismatches.push(a.step);
        if (mismatches.length > 3) break;
      }
    }
    expect(mismatches).toEqual([]);
    expect(b.summary()).toEqual(a.summary());
    // What the charts show is state too (histories, traces, readouts).
    expect(plain(b.run.plots?.() ?? [])).toEqual(plain(a.run.plots?.() ?? []));
  });
});
