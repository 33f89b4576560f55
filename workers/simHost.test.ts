import { describe, expect, it } from 'vitest';
import { decodeLink } from '../src-engine/config/link';
import { defaultRunConfig } from '../src-engine/config/runConfig';
import { Session } from '../src-engine/run/session';
import { SimHost, type HostClock } from './simHost';

/** A manual clock: tasks run only when the test says so, and time is whatever the test sets. */
function manualClock() {
  let now = 0;
  const tasks: (() => void)[] = [];
  const clock: HostClock = { now: () => now, later: (fn) => void tasks.push(fn) };
  return {
    clock,
    advance(ms: number) {
      now += ms;
    },
    runTasks(n = 1) {
      for (let i = 0; i < n && tasks.length; i++) tasks.shift()!();
    },
    pending: () => tasks.length,
  };
}

const noTransfer = <T,>(v: T): T => v;

describe('SimHost', () => {
  it('frames carry every spike exactly once, merged between pulls, with a matching fingerprint', async () => {
    const mc = manualClock();
    const host = new SimHost(mc.clock, noTransfer);
    await host.configure(defaultRunConfig());
    await host.step(1000);
    await host.step(500);
    const f = await host.pullFrame();
    expect(f.step).toBe(1500);
    expect(f.spikeSteps.length).toBe(f.totalSpikes);
    expect(f.rates[0].length).toBe(150); // 1 ms bins
    const again = await host.pullFrame();
    expect(again.spikeSteps.length).toBe(0);

    const ref = new Session(defaultRunConfig());
    ref.advance(1500);
    expect(f.fingerprint).toBe(ref.summary().fingerprint);
    expect(f.totalSpikes).toBe(ref.summary().spikes);
  });

  it('records a live change with the step at which it takes effect, and the link replays it', async () => {
    const mc = manualClock();
    const host = new SimHost(mc.clock, noTransfer);
    await host.configure(defaultRunConfig());
    await host.step(700);
    const res = await host.setParams({ v_th_mV: -47, n_neurons: 200, bogus: 1 });
    expect(res.step).toBe(700);
    expect(res.applied).toEqual(['v_th_mV']);
    expect(res.rejected).toHaveLength(2);
    expect(res.info.config.events).toEqual([{ step: 700, key: 'v_th_mV', value: -47 }]);
    expect(res.info.params.v_th_mV).toBe(-47);
    await host.step(800);
    const f = await host.pullFrame();

    const { config, messages } = decodeLink('#' + res.info.fragment);
    expect(messages).toEqual([]);
    const replay = new Session(config);
    replay.advance(1500);
    expect(replay.summary().fingerprint).toBe(f.fingerprint);
  });

  it('plays in paced chunks and stops at pause; reset returns to step 0 with current params', async () => {
    const mc = manualClock();
    const host = new SimHost(mc.clock, noTransfer);
    await host.configure(defaultRunConfig());
    await host.setSpeed(1000); // real time: 1 simulated ms per wall ms
    await host.play();
    mc.advance(50);
    mc.runTasks(1);
    const f1 = await host.pullFrame();
    expect(f1.playing).toBe(true);
    // Paced to real time: at most 50 ms of simulated time after 50 ms of wall time.
    expect(f1.step).toBeGreaterThan(0);
    expect(f1.step).toBeLessThanOrEqual(500);
    await host.pause();
    const stepAtPause = (await host.pullFrame()).step;
    mc.advance(100);
    mc.runTasks(5);
    expect((await host.pullFrame()).step).toBe(stepAtPause);

    await host.setParams({ el_mV: -55 });
    const info = await host.reset();
    expect((await host.pullFrame()).step).toBe(0);
    expect(info.config.params.el_mV).toBe(-55);
    expect(info.config.events).toEqual([]);
  });

  it('rejects invalid configurations with a readable message', async () => {
    const host = new SimHost(manualClock().clock, noTransfer);
    const bad = defaultRunConfig();
    bad.params.n_neurons = 5;
    await expect(host.configure(bad)).rejects.toThrow(/n_neurons/);
    await expect(host.configure({ ...defaultRunConfig(), experiment: 'nope' })).rejects.toThrow(/Unknown experiment/);
  });
});
