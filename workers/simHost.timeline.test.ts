/**
 * Rewind and branch on the host: seeking back and continuing unchanged gives the original
 * fingerprint at every later checkpoint of the comparison; a change there makes it differ from
 * then on, and the branched run's link reproduces it from step 0; thinning keeps memory bounded
 * and seeks exact.
 */
import { describe, expect, it } from 'vitest';
import { defaultRunConfig, type RunConfig } from '../src-engine/config/runConfig';
import { Session } from '../src-engine/run/session';
import { SimHost, type HostClock } from './simHost';
import { Timeline } from './timeline';

const clock: HostClock = { now: () => 0, later: () => {} };
const noTransfer = <T,>(v: T): T => v;

function smallEi(): RunConfig {
  const c = defaultRunConfig('balanced-ei', 5);
  c.params.n_neurons = 400;
  c.params.p_conn = 0.05;
  return c;
}

/** Steps the host to `end` in strides, returning the fingerprint after each stride. */
async function record(host: SimHost, from: number, end: number, stride: number): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (let s = from; s < end; s += stride) {
    await host.step(Math.min(stride, end - s));
    const f = await host.pullFrame();
    out.set(f.step, f.fingerprint);
  }
  return out;
}

describe('SimHost timeline (rewind and branch)', () => {
  it('rewinding and continuing unchanged reproduces the original at every later step', async () => {
    const host = new SimHost(clock, noTransfer);
    await host.configure(smallEi());
    const original = await record(host, 0, 3000, 250);
    await host.setParams({ w_inh_mV: -12 }); // a recorded change the replay must apply again
    for (const [k, v] of await record(host, 3000, 25_000, 250)) original.set(k, v);
    for (const back of [12_345, 2000, 24_999]) {
      const info = await host.seek(back);
      const f = await host.pullFrame();
      expect(f.runId).toBe(info.runId);
      expect(f.step).toBe(back);
      expect(f.timeline?.horizon).toBe(25_000);
      // Single steps up to the next multiple of 250, then every 250 steps to the end.
      const firstGrid = Math.ceil((back + 1) / 250) * 250;
      let step = back;
      while (step < firstGrid) {
        await host.step(1);
        step++;
      }
      expect((await host.pullFrame()).fingerprint).toBe(original.get(firstGrid));
      const again = await record(host, firstGrid, 25_000, 250);
      expect(again.size).toBe((25_000 - firstGrid) / 250);
      for (const [s, fp] of again) expect(fp, `step ${s} after rewinding to ${back}`).toBe(original.get(s));
      expect(info.config.events).toEqual([{ step: 3000, key: 'w_inh_mV', value: -12 }]);
    }
  });

  it('a change after rewinding branches: it differs from there on, and its link reproduces it', async () => {
    const host = new SimHost(clock, noTransfer);
    await host.configure(smallEi());
    await host.step(3000);
    await host.setParams({ w_inh_mV: -12 });
    const original = await record(host, 3000, 20_000, 500);
    await host.setParams({ v_th_mV: -49 }); // a later change that the branch discards
    await record(host, 20_000, 22_000, 1000);
    await host.seek(10_000);
    const res = await host.setParams({ v_th_mV: -51 });
    expect(res.step).toBe(10_000);
    const tl = (await host.pullFrame()).timeline!;
    expect(tl.branchStep).toBe(10_000);
    expect(tl.horizon).toBe(10_000);
    expect(Math.max(...tl.checkpoints)).toBeLessThanOrEqual(10_000);
    const cfg = res.info.config;
    expect(cfg.events).toEqual([
      { step: 3000, key: 'w_inh_mV', value: -12 },
      { step: 10_000, key: 'v_th_mV', value: -51 },
    ]);
    const branch = await record(host, 10_000, 20_000, 500);
    for (const [s, fp] of branch) expect(fp, `branch at step ${s}`).not.toBe(original.get(s));
    // The branch's link, replayed from step 0, gives the branch's fingerprints.
    const replay = new Session(cfg);
    for (const [s, fp] of branch) {
      replay.advance(s - replay.step);
      expect(replay.summary().fingerprint).toBe(fp);
    }
  });

  it('thins and caps the checkpoints, and seeks stay exact after thinning', () => {
    const s = new Session(smallEi());
    const tl = new Timeline(s, 0.1, 4, Infinity, 100); // a checkpoint every 1000 steps, at most 4
    const fps: string[] = [];
    for (let k = 0; k < 20; k++) {
      tl.advance(500);
      fps.push(s.summary().fingerprint);
    }
    const info = tl.info();
    expect(info.checkpoints.length).toBeLessThanOrEqual(4);
    expect(info.checkpoints[0]).toBe(0);
    expect(info.thinned).toBeGreaterThan(0);
    for (const c of info.checkpoints) expect(c % info.intervalSteps).toBe(0);
    tl.seek(3700);
    for (let k = 8; k < 20; k++) {
      tl.advance((k + 1) * 500 - s.step);
      expect(s.summary().fingerprint).toBe(fps[k]);
    }
    // A byte cap holds too: one snapshot's worth keeps only step 0.
    const s2 = new Session(smallEi());
    const one = new Timeline(s2, 0.1, 100, 1, 100);
    one.advance(5000);
    expect(one.info().checkpoints).toEqual([0]);
    expect(one.info().bytes).toBeGreaterThan(1);
  });
});
