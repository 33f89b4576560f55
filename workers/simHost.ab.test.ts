/** A/B side by side on the host: run B moves in lockstep with A and equals the separate run B. */
import { describe, expect, it } from 'vitest';
import { defaultRunConfig, type RunConfig } from '../src-engine/config/runConfig';
import { defaultView } from '../src-engine/config/viewConfig';
import { Session } from '../src-engine/run/session';
import { SimHost, type HostClock } from './simHost';

const clock: HostClock = { now: () => 0, later: () => {} };
const noTransfer = <T,>(v: T): T => v;

function smallEi(): RunConfig {
  const c = defaultRunConfig('balanced-ei', 9);
  c.params.n_neurons = 400;
  c.params.p_conn = 0.05;
  return c;
}

function fingerprintAt(config: RunConfig, step: number): string {
  const s = new Session(config);
  s.advance(step);
  return s.summary().fingerprint;
}

describe('SimHost A/B', () => {
  it('B follows the transport and A\'s other changes, and equals two separate runs', async () => {
    const host = new SimHost(clock, noTransfer);
    await host.configure(smallEi());
    await host.step(700); // B is switched on mid-run: it catches up to A's step
    await host.setView({ ...defaultView(), ab: { key: 'v_th_mV', value: -51 } });
    await host.step(2300);
    // One change for both; one of the compared parameter, which stays A's.
    await host.setParams({ w_inh_mV: -12, v_th_mV: -52 });
    await host.step(5000);
    let f = await host.pullFrame();
    expect(f.step).toBe(8000);
    expect(f.b?.step).toBe(8000);
    const a = { ...smallEi(), events: [{ step: 3000, key: 'w_inh_mV', value: -12 }, { step: 3000, key: 'v_th_mV', value: -52 }] };
    const b = { ...smallEi(), params: { ...smallEi().params, v_th_mV: -51 }, events: [{ step: 3000, key: 'w_inh_mV', value: -12 }] };
    expect(f.fingerprint).toBe(fingerprintAt(a, 8000));
    expect(f.b!.fingerprint).toBe(fingerprintAt(b, 8000));
    expect(f.b!.fingerprint).not.toBe(f.fingerprint);
    // B's frames carry its own spikes (from A's present when B was switched on).
    expect(f.b!.spikeSteps.length).toBeGreaterThan(0);
    expect(f.b!.spikeSteps[0]).toBeGreaterThanOrEqual(700);
    // Rewinding moves both.
    const info = await host.seek(5000);
    expect(info.view.ab).toEqual({ key: 'v_th_mV', value: -51 });
    await host.step(1000);
    f = await host.pullFrame();
    expect(f.b!.step).toBe(6000);
    expect(f.fingerprint).toBe(fingerprintAt(a, 6000));
    expect(f.b!.fingerprint).toBe(fingerprintAt(b, 6000));
    // The link carries B's choice; switching it off drops B.
    expect((await host.decodeLink(info.fragment)).view.ab).toEqual({ key: 'v_th_mV', value: -51 });
    await host.setView(defaultView());
    expect((await host.pullFrame()).b).toBeNull();
  });

  it('drops a choice that does not fit the experiment, with a message', async () => {
    const host = new SimHost(clock, noTransfer);
    await host.configure(smallEi());
    let info = await host.setView({ ...defaultView(), ab: { key: 'no_such', value: 1 } });
    expect(info.abProblem).toMatch(/no parameter "no_such"/);
    expect(info.view.ab ?? null).toBeNull();
    info = await host.setView({ ...defaultView(), ab: { key: 'v_th_mV', value: 99 } });
    expect(info.abProblem).toMatch(/outside/);
    expect((await host.pullFrame()).b).toBeNull();
  });
});
