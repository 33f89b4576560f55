import { describe, expect, it } from 'vitest';
import { defaultRunConfig } from '../src-engine/config/runConfig';
import { Session } from '../src-engine/run/session';
import { SimHost, type HostClock } from './simHost';

/** A clock that moves 1 ms every time it is read (so a chunk ends after a few checks); tasks run when the test says. */
function tickingClock() {
  let now = 0;
  const tasks: (() => void)[] = [];
  const clock: HostClock = { now: () => now++, later: (fn) => void tasks.push(fn) };
  return { clock, runTask: () => tasks.shift()?.(), pending: () => tasks.length };
}

const noTransfer = <T,>(v: T): T => v;

describe('SimHost.advanceTo (links opened at a step, ?at=N)', () => {
  it('runs to exactly the goal in chunks, whatever the speed, handling changes on the way; paused there', async () => {
    const c = tickingClock();
    const host = new SimHost(c.clock, noTransfer);
    await host.configure(defaultRunConfig());
    await host.setSpeed(100); // 0.1× real time: pacing alone would allow a few steps here
    const pending = host.advanceTo(2345);
    c.runTask();
    const mid = await host.pullFrame();
    // One chunk did not get there: the worker yields, frames report progress towards the goal.
    expect(mid.step).toBeGreaterThan(0);
    expect(mid.step).toBeLessThan(2345);
    expect(mid.goal).toBe(2345);
    expect(mid.playing).toBe(true);
    const change = await host.setParams({ v_th_mV: -49 });
    expect(change.info.config.events).toEqual([{ step: mid.step, key: 'v_th_mV', value: -49 }]);
    for (let i = 0; i < 10_000 && c.pending() > 0; i++) c.runTask();
    expect(await pending).toEqual({ step: 2345, reached: true });
    const end = await host.pullFrame();
    expect(end).toMatchObject({ step: 2345, goal: null, playing: false });
    expect(c.pending()).toBe(0);
    const ref = new Session(change.info.config);
    ref.advance(2345);
    expect(end.fingerprint).toBe(ref.summary().fingerprint);
  });

  it('Pause (or any other transport command) ends an advance where it is, and says it was not reached', async () => {
    const c = tickingClock();
    const host = new SimHost(c.clock, noTransfer);
    await host.configure(defaultRunConfig());
    const pending = host.advanceTo(50_000);
    c.runTask();
    await host.pause();
    const r = await pending;
    expect(r.reached).toBe(false);
    expect(r.step).toBeLessThan(50_000);
    for (let i = 0; i < 5; i++) c.runTask();
    expect(await host.pullFrame()).toMatchObject({ step: r.step, goal: null, playing: false });

    const again = host.advanceTo(60_000);
    await host.step(10);
    expect(await again).toEqual({ step: r.step, reached: false });
    expect((await host.pullFrame()).step).toBe(r.step + 10);
  });

  it('refuses a goal that is not a whole step number; a goal already reached or passed resolves at once', async () => {
    const host = new SimHost(tickingClock().clock, noTransfer);
    await host.configure(defaultRunConfig());
    for (const bad of [1.5, -1, NaN, Infinity, 2 ** 60]) await expect(host.advanceTo(bad)).rejects.toThrow(/whole step number/);
    await host.step(100);
    expect(await host.advanceTo(100)).toEqual({ step: 100, reached: true });
    expect(await host.advanceTo(40)).toEqual({ step: 100, reached: false });
    expect((await host.pullFrame()).playing).toBe(false);
  });
});
