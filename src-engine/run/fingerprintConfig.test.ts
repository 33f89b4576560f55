/**
 * The fingerprint covers how a run was configured: two runs that differ only in a parameter differ
 * from the first step (a rate model has no spikes, and the first state digest comes at step 200),
 * and a live change folds in exactly as its replay from the link does, also when one key is
 * changed twice at one step (the link records the last value only).
 */
import { describe, expect, it } from 'vitest';
import { defaultRunConfig } from '../config/runConfig';
import { Session } from './session';

const at = (set: Record<string, number>, steps: number, seed = 1) => {
  const c = defaultRunConfig('hebb-compensation', seed);
  Object.assign(c.params, set);
  const s = new Session(c);
  s.advance(steps);
  return s.summary().fingerprint;
};

describe('fingerprint of the configuration', () => {
  it('a parameter, the seed or the experiment changes it at step 1, before any digest', () => {
    const base = at({}, 1);
    expect(at({}, 1)).toBe(base);
    expect(at({ eta: 0.02 }, 1)).not.toBe(base);
    expect(at({}, 1, 2)).not.toBe(base);
    const other = new Session(defaultRunConfig('lpl-stdp-window', 1));
    expect(other.summary().fingerprint).not.toBe(new Session(defaultRunConfig('stdp-window', 1)).summary().fingerprint);
  });

  it('a live change equals its replay, however often the key changed at that step', () => {
    const live = new Session(defaultRunConfig('hebb-compensation', 1));
    live.advance(50);
    live.setParam('eta', 0.02);
    live.setParam('eta', 0.03);
    live.advance(100);
    const replay = new Session(live.toConfig());
    replay.advance(150);
    expect(live.toConfig().events).toEqual([{ step: 50, key: 'eta', value: 0.03 }]);
    expect(replay.summary().fingerprint).toBe(live.summary().fingerprint);
    const once = new Session(defaultRunConfig('hebb-compensation', 1));
    once.advance(50);
    once.setParam('eta', 0.03);
    once.advance(100);
    expect(once.summary().fingerprint).toBe(live.summary().fingerprint);
  });

  it('a change to a value that leaves the state alone still changes the fingerprint (another link)', () => {
    const a = new Session(defaultRunConfig('hebb-compensation', 1));
    a.advance(10);
    a.setParam('eta', defaultRunConfig('hebb-compensation', 1).params.eta);
    a.advance(10);
    expect(a.summary().fingerprint).not.toBe(at({}, 20));
  });
});
