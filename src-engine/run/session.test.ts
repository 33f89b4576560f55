import { describe, expect, it } from 'vitest';
import { decodeLink, encodeFragment } from '../config/link';
import { defaultRunConfig, type RunConfig } from '../config/runConfig';
import { Session } from './session';

function small(seed = 1): RunConfig {
  const c = defaultRunConfig('balanced-ei', seed);
  c.params.n_neurons = 400;
  c.params.p_conn = 0.05;
  return c;
}

describe('determinism', () => {
  it('same seed → same fingerprint; another seed → another fingerprint', () => {
    const a = new Session(small(1));
    const b = new Session(small(1));
    const c = new Session(small(2));
    for (const s of [a, b, c]) s.advance(2000);
    expect(a.summary().spikes).toBeGreaterThan(100);
    expect(b.summary()).toEqual(a.summary());
    expect(c.summary().fingerprint).not.toBe(a.summary().fingerprint);
  });

  it('snapshot/restore continues spike for spike', () => {
    const ref = new Session(small());
    ref.advance(2000);
    const s = new Session(small());
    s.advance(1000);
    const snap = s.snapshot();
    s.advance(1000);
    expect(s.summary()).toEqual(ref.summary());
    // Wander off with other parameters, then come back.
    s.setParam('v_th_mV', -52);
    s.setParam('w_inh_mV', -2);
    s.advance(700);
    expect(s.summary().spikes).toBeGreaterThan(ref.summary().spikes);
    s.restore(snap);
    expect(s.step).toBe(1000);
    expect(s.params.v_th_mV).toBe(-50);
    s.advance(1000);
    expect(s.summary()).toEqual(ref.summary());
  });

  it('live changes are recorded at their step and replay identically from the config', () => {
    const s = new Session(small(5));
    s.advance(600);
    s.setParam('v_th_mV', -48);
    s.advance(300);
    s.setParam('drive_rate_hz', 400);
    s.setParam('drive_rate_hz', 500); // same step, same key: one event with the last value
    s.advance(1100);
    const cfg = s.toConfig();
    expect(cfg.events).toEqual([
      { step: 600, key: 'v_th_mV', value: -48 },
      { step: 900, key: 'drive_rate_hz', value: 500 },
    ]);
    const replay = new Session(decodeLink(encodeFragment(cfg)).config);
    replay.advance(2000);
    expect(replay.summary()).toEqual(s.summary());
    // Without the changes the run differs: the replay really applied them.
    const plain = new Session({ ...cfg, events: [] });
    plain.advance(2000);
    expect(plain.summary().fingerprint).not.toBe(s.summary().fingerprint);
  });

  it('a change at step 0 is recorded as an event (the initial state was drawn with the old value); replayed runs branch when changed', () => {
    const s = new Session(small());
    s.setParam('el_mV', -52);
    expect(s.toConfig().params.el_mV).toBe(-49);
    expect(s.toConfig().events).toEqual([{ step: 0, key: 'el_mV', value: -52 }]);

    const cfg = { ...small(), events: [{ step: 500, key: 'v_th_mV', value: -47 }] };
    const r = new Session(cfg);
    r.advance(200);
    r.setParam('w_exc_mV', 2); // branch at 200: the recorded future change is dropped
    expect(r.toConfig().events).toEqual([{ step: 200, key: 'w_exc_mV', value: 2 }]);
  });

  it('refuses non-live, unknown and out-of-range changes', () => {
    const s = new Session(small());
    expect(() => s.setParam('n_neurons', 500)).toThrow(/cannot change while running/);
    expect(() => s.setParam('nope', 1)).toThrow(/unknown parameter/);
    expect(() => s.setParam('v_th_mV', 50)).toThrow(/outside/);
  });

  it('the default balanced-ei is the CUBA benchmark: 80/20 split, p = 0.02, self-driven AI activity', () => {
    const s = new Session(defaultRunConfig());
    expect(s.run.layers.map((l) => l.count)).toEqual([800, 200]);
    const syn = s.summary().synapses;
    expect(Math.abs(syn - 20000)).toBeLessThan(4 * Math.sqrt(20000));
    s.advance(10000);
    const m = s.run.metrics() as Record<string, number>;
    expect(m.mean_rate_hz).toBeGreaterThan(3);
    expect(m.mean_rate_hz).toBeLessThan(40);
  });
});
