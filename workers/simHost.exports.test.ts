/** SimHost.pynnScript and nwbSpikes: the script of the current run, and every spike so far by an exact re-run. */
import { describe, expect, it } from 'vitest';
import { defaultRunConfig } from '../src-engine/config/runConfig';
import { SimHost, type HostClock } from './simHost';

const clock: HostClock = { now: () => 0, later: () => {} };
const noTransfer = <T,>(v: T): T => v;

describe('SimHost exports', () => {
  it('pynnScript exports the parameters in effect now and the run seed; gives the reason otherwise', async () => {
    const host = new SimHost(clock, noTransfer);
    await host.configure({ ...defaultRunConfig('balanced-ei'), seed: 99 });
    await host.step(10);
    await host.setParams({ v_th_mV: -47.5 });
    const r = await host.pynnScript();
    expect(r).toMatchObject({ ok: true, filename: 'balanced-ei-pynn.py' });
    expect(r.ok && r.script).toContain('v_th = -47.5  # mV');
    await host.configure(defaultRunConfig('stdp-window'));
    const no = await host.pynnScript();
    expect(!no.ok && no.reason).toMatch(/computed experiment/);
  });

  it('nwbSpikes re-runs the recorded changes and holds exactly the run\'s spikes', async () => {
    const host = new SimHost(clock, noTransfer);
    const cfg = { ...defaultRunConfig('balanced-ei'), seed: 4 };
    cfg.params.n_neurons = 200;
    await host.configure(cfg);
    await host.step(300);
    await host.setParams({ v_th_mV: -52 });
    await host.step(400);
    const frame = await host.pullFrame();
    const r = await host.nwbSpikes('http://localhost:5173/app/#old');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.filename).toBe('balanced-ei-seed4-step700.nwb');
    expect(r.spikes).toBe(frame.totalSpikes);
    expect(r.bytes.length).toBeGreaterThan(1000);
  });
});
