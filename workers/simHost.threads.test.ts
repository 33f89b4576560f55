/**
 * What the frames say about threads: 2 only while the run has a white-noise group the helper
 * serves. The helper here is a stand-in that takes jobs and never runs them (the group then does
 * every block itself; scripts/nodeNormalsHelper.test.ts runs a real one).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { defaultRunConfig } from '../src-engine/config/runConfig';
import { installNormalsHelper, setNormalsHelperEnabled, type HelperJob } from '../src-engine/wasm/normalsHelper';
import { SimHost } from './simHost';

const fp = () => {
  const c = defaultRunConfig('fokker-planck', 8);
  c.params.n_neurons = 4000;
  return c;
};

describe('SimHost threads', () => {
  afterEach(() => {
    installNormalsHelper(null);
    setNormalsHelperEnabled(true);
  });

  it('reports two threads only while its run has a group the helper serves, and the run is the same', async () => {
    const jobs: HelperJob[] = [];
    installNormalsHelper({ serve: (job) => void jobs.push(job) });
    const host = new SimHost({ now: () => 0, later: () => undefined }, (v) => v);
    await host.configure(fp());
    await host.setHelperMode('on');
    await host.step(50);
    const first = await host.pullFrame();
    expect(first.threads).toBe(2);
    expect(jobs.length).toBeGreaterThan(0);
    // Another experiment: the replaced run's group no longer counts.
    await host.configure(defaultRunConfig('balanced-ei', 1));
    await host.step(10);
    expect((await host.pullFrame()).threads).toBe(1);
    await host.configure(fp());
    await host.step(50);
    const again = await host.pullFrame();
    expect(again.threads).toBe(2);
    expect(again.fingerprint).toBe(first.fingerprint);
    await host.setHelperMode('off');
    await host.step(1);
    expect((await host.pullFrame()).threads).toBe(1);
  });
});
