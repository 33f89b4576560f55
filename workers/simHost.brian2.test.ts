/** SimHost.brian2Script: the script of the current run (parameters in effect now, its seed), or the reason. */
import { describe, expect, it } from 'vitest';
import { defaultRunConfig } from '../src-engine/config/runConfig';
import { SimHost, type HostClock } from './simHost';

const clock: HostClock = { now: () => 0, later: () => {} };
const noTransfer = <T,>(v: T): T => v;

describe('SimHost.brian2Script', () => {
  it('exports the parameters in effect now and the run seed', async () => {
    const host = new SimHost(clock, noTransfer);
    await host.configure({ ...defaultRunConfig('balanced-ei'), seed: 99 });
    await host.step(10);
    await host.setParams({ v_th_mV: -47.5 });
    const r = await host.brian2Script();
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.filename).toBe('balanced-ei-brian2.py');
    expect(r.script).toContain('v_th = -47.5 * mV');
    expect(r.script).toContain("parser.add_argument('--seed', type=int, default=99");
  });

  it('gives the reason for an experiment Brian2 cannot express, and rejects without a run', async () => {
    const host = new SimHost(clock, noTransfer);
    await expect(host.brian2Script()).rejects.toThrow(/no run configured/);
    await host.configure(defaultRunConfig('stdp-window'));
    const r = await host.brian2Script();
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/computed experiment/);
  });
});
