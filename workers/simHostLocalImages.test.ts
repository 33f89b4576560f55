import { describe, expect, it } from 'vitest';
import { decodeLink } from '../src-engine/config/link';
import { defaultRunConfig } from '../src-engine/config/runConfig';
import { LOCAL_IMAGE_PX } from '../src-engine/inputs/localImages';
import { SimHost, type HostClock } from './simHost';

const clock: HostClock = { now: () => 0, later: () => undefined };
const noTransfer = <T,>(v: T): T => v;
const px = LOCAL_IMAGE_PX * LOCAL_IMAGE_PX;

/** Four images: a bright square at a different place in each. */
function images(count = 4) {
  const pixels = new Uint8Array(count * px);
  for (let k = 0; k < count; k++) for (let y = 4; y < 14; y++) for (let x = 4 + 3 * k; x < 14 + 3 * k; x++) pixels[k * px + y * LOCAL_IMAGE_PX + x] = 230;
  return { width: LOCAL_IMAGE_PX, height: LOCAL_IMAGE_PX, count, pixels };
}

describe('SimHost: the user\'s own images', () => {
  for (const id of ['lpl-sequences', 'lpl-spiking']) {
    it(`${id}: needs them loaded, trains on them, and the link says how many were used`, async () => {
      const host = new SimHost(clock, noTransfer);
      const exp = (await host.listExperiments()).find((e) => e.id === id)!;
      expect(exp.localImages).toBeDefined();
      const { key, option } = exp.localImages!;
      const base = defaultRunConfig(id);
      const cfg = { ...base, params: { ...base.params, [key]: option } };
      if (id === 'lpl-sequences') await expect(host.configure(cfg)).rejects.toThrow(/your own images/);
      expect(await host.provideLocalImages(images())).toEqual({ count: 4 });
      await expect(host.provideLocalImages({ ...images(), width: 10 })).rejects.toThrow(/28×28/);
      const info = await host.configure(cfg);
      expect(info.view.localImages).toBe(4);
      expect(decodeLink(info.fragment).view.localImages).toBe(4);
      await host.step(Math.round(200 / info.dt_ms));
      const frame = (await host.pullFrame()).plots?.find((p) => p.id === 'frame');
      expect(frame?.kind).toBe('images');
      if (frame?.kind === 'images') expect(frame.images[0].some((v) => v > 0.2)).toBe(true);
      // Another input: the link no longer mentions local images.
      const other = await host.configure(base);
      expect(other.view.localImages).toBe(0);
    });
  }
});
