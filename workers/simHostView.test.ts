import { describe, expect, it } from 'vitest';
import { decodeConfigFile, decodeLink } from '../src-engine/config/link';
import { defaultRunConfig } from '../src-engine/config/runConfig';
import { SimHost, type HostClock } from './simHost';

const clock: HostClock = { now: () => 0, later: () => undefined };
const noTransfer = <T,>(v: T): T => v;

describe('SimHost: view settings, configuration files, replayed parameters', () => {
  it('view settings go into the link and the file, survive a rebuild, and junk is refused', async () => {
    const host = new SimHost(clock, noTransfer);
    await host.configure(defaultRunConfig());
    const info = await host.setView({ hidden: ['plot:raster', 'param:v_th_mV'], raster: { mode: 'sample', n: 50 }, localImages: 0 });
    expect(decodeLink(info.fragment).view).toEqual(info.view);
    expect(info.view.hidden).toEqual(['param:v_th_mV', 'plot:raster']);
    const rebuilt = await host.configure(defaultRunConfig('balanced-ei', 9));
    expect(rebuilt.view).toEqual(info.view);
    const file = decodeConfigFile(await host.configFile());
    expect(file.messages).toEqual([]);
    expect(file.view).toEqual(info.view);
    expect(file.config.seed).toBe(9);
    await expect(host.setView({ hidden: ['<b>'], raster: { mode: 'all' }, localImages: 0 })).rejects.toThrow(/view settings/);
  });

  it('frames report parameter values when a replayed recorded change alters them, once', async () => {
    const host = new SimHost(clock, noTransfer);
    const cfg = defaultRunConfig();
    await host.configure({ ...cfg, events: [{ step: 50, key: 'w_inh_mV', value: -12 }] });
    expect((await host.pullFrame()).params).toBeNull();
    await host.step(40);
    expect((await host.pullFrame()).params).toBeNull();
    await host.step(20);
    expect((await host.pullFrame()).params?.w_inh_mV).toBe(-12);
    await host.step(20);
    expect((await host.pullFrame()).params).toBeNull();
  });
});
