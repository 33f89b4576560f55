/**
 * HelperTuner's decisions from given step times (no clock of this machine: each test feeds the
 * time per step it pretends to measure, with and without the helper).
 */
import { describe, expect, it } from 'vitest';
import { HelperTuner, HOLD_MS, IDLE_MS, MAX_HOLD_MS, SETTLE_MS, WARMUP_MS, WINDOW_MS } from './helperTuner';

/** Stepping time one trial takes (three windows, two switches), with room for the last call; the first also warms up. */
const TRIAL = 3 * WINDOW_MS + 2 * SETTLE_MS + 50;
const FIRST = TRIAL + 2 * WARMUP_MS;

/** A switch that records what the tuner set, and a workload whose step time depends on it. */
function rig(msOn: number, msOff: number, wanted = true) {
  const sw = { on: true, sets: [] as boolean[], wanted: () => wanted, set(on: boolean) { this.on = on; this.sets.push(on); } };
  const tuner = new HelperTuner(sw);
  let now = 0;
  /** Runs `total` wall-ms of flat-out (or paced) stepping in calls of 20 steps. */
  const run = (total: number, flatOut = true, perStep?: { on: number; off: number }) => {
    for (let t = 0; t < total; ) {
      const ms = 20 * (sw.on ? perStep?.on ?? msOn : perStep?.off ?? msOff);
      now += ms;
      t += ms;
      tuner.record(20, ms, flatOut, now);
    }
  };
  const idle = (ms: number) => (now += ms);
  return { sw, tuner, run, idle };
}

describe('HelperTuner', () => {
  it('starts without the helper, tries it, and keeps it where a step takes well under the time without it', () => {
    const r = rig(0.05, 0.08);
    r.run(10);
    expect(r.sw.on).toBe(false);
    r.run(FIRST);
    expect(r.tuner.trials).toBe(1);
    expect(r.sw.on).toBe(true);
    expect(r.tuner.threads).toBe(2);
  });

  it('leaves the helper off where it makes steps slower (the page drawing on two cores)', () => {
    const r = rig(0.12, 0.08);
    r.run(FIRST);
    expect(r.tuner.trials).toBe(1);
    expect(r.sw.on).toBe(false);
    expect(r.sw.sets).toEqual([false, true, false]);
  });

  it('needs a clear gain: 5 % faster is not enough', () => {
    const r = rig(0.076, 0.08);
    r.run(FIRST);
    expect(r.sw.on).toBe(false);
  });

  // After a hold the tuner tries again: a clear loss turns the helper off (the page starts drawing
  // heavily); one thread only a little faster (noise) does not.
  it.each([
    ['follows a change of load', { on: 0.12, off: 0.08 }, false],
    ['does not flip on noise', { on: 0.08, off: 0.076 }, true],
  ])('tries again after holding a choice: %s', (_, later, stays) => {
    const r = rig(0.05, 0.08);
    r.run(FIRST);
    expect(r.sw.on).toBe(true);
    r.run(HOLD_MS + TRIAL + 100, true, later);
    expect(r.tuner.trials).toBe(2);
    expect(r.sw.on).toBe(stays);
  });

  it('holds a confirmed choice longer each time, up to MAX_HOLD_MS', () => {
    const r = rig(0.05, 0.08);
    r.run(FIRST);
    const after1 = r.tuner.trials;
    r.run(HOLD_MS + TRIAL + 2 * HOLD_MS - 100);
    // Confirmed once more after HOLD_MS, then the hold doubles: not yet a third trial.
    expect(r.tuner.trials).toBe(after1 + 1);
    r.run(MAX_HOLD_MS * 3);
    expect(r.tuner.trials).toBeLessThan(after1 + 1 + 6);
    expect(r.sw.on).toBe(true);
  });

  it('turns the helper off once the run keeps up without trying, and tries again when it falls behind', () => {
    const r = rig(0.05, 0.08);
    r.run(FIRST);
    expect(r.sw.on).toBe(true);
    r.idle(IDLE_MS + 1);
    r.run(100, false);
    expect(r.sw.on).toBe(false);
    r.run(TRIAL);
    expect(r.sw.on).toBe(true);
    expect(r.tuner.trials).toBe(2);
  });

  it('does nothing while no group asks for the helper', () => {
    const r = rig(0.05, 0.08, false);
    r.run(5000);
    expect(r.sw.sets).toEqual([]);
    expect(r.tuner.threads).toBe(1);
  });

  it('a forced mode holds, and auto resumes the trials', () => {
    const r = rig(0.12, 0.08);
    r.tuner.setMode('on');
    r.run(5000);
    expect(r.sw.on).toBe(true);
    expect(r.tuner.trials).toBe(0);
    r.tuner.setMode('auto');
    r.run(TRIAL);
    expect(r.sw.on).toBe(false);
    expect(r.tuner.trials).toBe(1);
  });
});
