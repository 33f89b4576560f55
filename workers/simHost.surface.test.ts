/** Surface plots (energy landscapes) travel as transferred Float32Arrays, and their cost is throttled. */
import { describe, expect, it } from 'vitest';
import { defaultRunConfig } from '../src-engine/config/runConfig';
import type { SurfacePlotSpec } from '../src-engine/experiments/types';
import { SimHost, type HostClock } from './simHost';

/** A clock that advances by `tick` ms on every reading (so a plots() call appears to take time). */
function tickingClock(tick: number): HostClock {
  let now = 0;
  return { now: () => (now += tick), later: () => undefined };
}

describe('SimHost and surface plots', () => {
  it('puts the buffer of every surface plot in the transfer list, and only those', async () => {
    const transfers: Transferable[][] = [];
    const host = new SimHost(tickingClock(0), (v, t) => (transfers.push(t), v));
    await host.configure(defaultRunConfig('folded-autoencoder', 2));
    await host.step(15);
    const f = await host.pullFrame();
    const surface = f.plots!.find((p) => p.kind === 'surface') as SurfacePlotSpec;
    expect(surface.values.length).toBe(surface.width * surface.height);
    const list = transfers[transfers.length - 1];
    expect(list).toContain(surface.values.buffer);
    expect(list.length).toBe(2 + f.rates.length + 1);
  });

  it('after an expensive plots() call, the next frames carry no plots until three times its cost has passed', async () => {
    // Every clock reading advances 10 ms: one plots() call "costs" 10 ms, so the next may come 30 ms later.
    const host = new SimHost(tickingClock(10), (v) => v);
    await host.configure(defaultRunConfig('folded-autoencoder', 2));
    await host.step(5);
    expect((await host.pullFrame()).plots).not.toBeNull();
    await host.step(1);
    expect((await host.pullFrame()).plots).toBeNull();
    let pulls = 0;
    while ((await host.pullFrame()).plots === null) pulls++;
    expect(pulls).toBeGreaterThan(0);
    expect(pulls).toBeLessThan(5);
  });
});
