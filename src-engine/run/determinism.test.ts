/**
 * Reproducibility of the default balanced-ei run (the CUBA benchmark at its defaults, N = 1000)
 * through Session: seed → fingerprint, snapshot/restore, and replay of recorded live changes
 * (complements session.test.ts, which uses a smaller network). A fingerprint hashes every spike
 * (step, neuron id) in emission order, so equal fingerprints mean spike-for-spike equal runs.
 */
import { describe, expect, it } from 'vitest';
import { decodeLink, encodeFragment } from '../config/link';
import { defaultRunConfig, MAX_SEED, type RunConfig } from '../config/runConfig';
import { Session } from './session';

const STEPS = 2000; // 200 ms at dt = 0.1 ms

function runFor(config: RunConfig, steps = STEPS): Session {
  const s = new Session(config);
  s.advance(steps);
  return s;
}

function withEvents(events: RunConfig['events'], seed = 1): RunConfig {
  return { ...defaultRunConfig('balanced-ei', seed), events };
}

describe('balanced-ei determinism', () => {
  it('same seed → same fingerprint, spike count and metrics; another seed → another fingerprint', () => {
    const a = runFor(defaultRunConfig('balanced-ei', 1)).summary();
    const b = runFor(defaultRunConfig('balanced-ei', 1)).summary();
    expect(a.neurons).toBe(1000);
    expect(a.steps).toBe(STEPS);
    expect(a.spikes).toBeGreaterThan(500); // the self-driven network is active
    expect(b).toEqual(a);
    const others = [2, 0, MAX_SEED].map((seed) => runFor(defaultRunConfig('balanced-ei', seed)).summary());
    for (const o of others) expect(o.fingerprint).not.toBe(a.fingerprint);
    expect(new Set(others.map((o) => o.fingerprint)).size).toBe(3);
  });

  it('the fingerprint does not depend on how the run is split into advance() calls', () => {
    const ref = runFor(defaultRunConfig()).summary();
    const s = new Session(defaultRunConfig());
    for (const n of [1, 2, 997, 3, 500, 1, 496]) s.advance(n);
    expect(s.step).toBe(STEPS);
    expect(s.summary()).toEqual(ref);
  });

  it('snapshot at step 1000 + continuation equals the uninterrupted run, and restoring reproduces it again', () => {
    const ref = runFor(defaultRunConfig()).summary();
    const s = new Session(defaultRunConfig());
    s.advance(1000);
    const snap = structuredClone(s.snapshot()); // as if sent to and from a worker
    s.advance(1000);
    expect(s.summary()).toEqual(ref);

    // Diverge (different parameters, more steps), then restore into the same session.
    s.setParam('w_inh_mV', -3);
    s.setParam('el_mV', -47);
    s.advance(800);
    expect(s.summary().fingerprint).not.toBe(ref.fingerprint);
    s.restore(snap);
    expect(s.step).toBe(1000);
    expect(s.params.w_inh_mV).toBe(-9);
    expect(s.params.el_mV).toBe(-49);
    expect(s.toConfig().events).toEqual([]);
    s.advance(1000);
    expect(s.summary()).toEqual(ref);

    // A fresh session of the same config restored from the snapshot continues identically too.
    const fresh = new Session(defaultRunConfig());
    fresh.restore(snap);
    fresh.advance(1000);
    expect(fresh.summary()).toEqual(ref);
  });

  it('live changes recorded at their steps replay identically from toConfig() and from a link', () => {
    const live = new Session(defaultRunConfig());
    live.advance(500);
    live.setParam('w_exc_mV', 2.1);
    live.advance(250);
    live.setParam('el_mV', -48.5);
    live.setParam('t_ref_ms', 3);
    live.advance(650);
    live.setParam('drive_rate_hz', 800);
    live.setParam('w_drive_mV', 0.5);
    live.setParam('tau_i_ms', 8);
    live.advance(600);
    const cfg = live.toConfig();
    expect(cfg.events).toEqual([
      { step: 500, key: 'w_exc_mV', value: 2.1 },
      { step: 750, key: 'el_mV', value: -48.5 },
      { step: 750, key: 't_ref_ms', value: 3 },
      { step: 1400, key: 'drive_rate_hz', value: 800 },
      { step: 1400, key: 'w_drive_mV', value: 0.5 },
      { step: 1400, key: 'tau_i_ms', value: 8 },
    ]);
    expect(cfg.params).toEqual(defaultRunConfig().params);
    const expected = live.summary();

    const replay = runFor(cfg);
    expect(replay.summary()).toEqual(expected);
    expect(replay.params).toEqual(live.params);

    const viaLink = decodeLink(encodeFragment(cfg));
    expect(viaLink.messages).toEqual([]);
    expect(runFor(viaLink.config).summary()).toEqual(expected);

    // The changes matter: without them the run is different.
    expect(runFor(withEvents([])).summary().fingerprint).not.toBe(expected.fingerprint);
  });

  it('advance() applies a recorded change exactly before the step it names', () => {
    const event = { step: 700, key: 'v_th_mV', value: -52 };
    const s = new Session(withEvents([event]));
    s.advance(699);
    expect(s.params.v_th_mV).toBe(-50);
    s.advance(1);
    expect(s.step).toBe(700);
    expect(s.params.v_th_mV).toBe(-52);
    expect(s.run.network.neuronGroups[0]).toMatchObject({ params: { v_th: -52 } });
    s.advance(STEPS - 700);
    const replayed = s.summary();

    // Same as making the change by hand after 700 completed steps …
    const manual = new Session(defaultRunConfig());
    manual.advance(700);
    manual.setParam('v_th_mV', -52);
    manual.advance(STEPS - 700);
    expect(manual.summary()).toEqual(replayed);
    expect(manual.toConfig().events).toEqual([event]);

    // … and different from the same change one step earlier or later.
    for (const step of [699, 701]) {
      expect(runFor(withEvents([{ ...event, step }])).summary().fingerprint).not.toBe(replayed.fingerprint);
    }
  });

  it('a recorded change at step 0 is in effect before the first step', () => {
    const s = new Session(withEvents([{ step: 0, key: 'el_mV', value: -48 }]));
    expect(s.params.el_mV).toBe(-48);
    s.advance(STEPS);
    const t = new Session({ ...defaultRunConfig(), params: { ...defaultRunConfig().params, el_mV: -48 } });
    t.advance(STEPS);
    // The same spikes and state; the fingerprints differ because each also folds in how the run
    // was configured (an initial value here, a recorded change there): two different links.
    const { fingerprint: fs, ...rs } = s.summary();
    const { fingerprint: ft, ...rt } = t.summary();
    expect(rs).toEqual(rt);
    expect(rs.spikes).toBeGreaterThan(1000);
    expect(fs).not.toBe(ft);
  });

  it('a snapshot taken before a recorded change replays that change after restore', () => {
    const cfg = withEvents([{ step: 1500, key: 'w_exc_mV', value: 3 }]);
    const ref = runFor(cfg).summary();
    const s = new Session(cfg);
    s.advance(1000);
    const snap = s.snapshot();
    s.advance(1000);
    expect(s.summary()).toEqual(ref);
    s.restore(snap);
    expect(s.params.w_exc_mV).toBe(1.62);
    s.advance(1000);
    expect(s.params.w_exc_mV).toBe(3);
    expect(s.summary()).toEqual(ref);
  });

  // balanced-ei draws V(0) ~ U[V_r, θ) in build(), so a change at step 0 cannot become a new
  // initial value: it is recorded as an event at step 0, and replaying toConfig() reproduces the run.
  for (const [key, value] of [['el_mV', -48], ['w_exc_mV', 2], ['v_th_mV', -51], ['v_reset_mV', -59]] as const) {
    it(`a change of ${key} at step 0 replays identically from toConfig()`, () => {
      const s = new Session(defaultRunConfig());
      s.setParam(key, value);
      s.advance(STEPS);
      const cfg = s.toConfig();
      expect(cfg.events).toEqual([{ step: 0, key, value }]);
      expect(runFor(cfg).summary()).toEqual(s.summary());
    });
  }
});
