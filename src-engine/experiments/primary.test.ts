/**
 * Every experiment declares its story (PrimaryView): controls that exist and act live, charts it
 * really draws (its own plots() ids, or the app's spiking views when it has spiking layers).
 */
import { describe, expect, it } from 'vitest';
import { ensureDatasets } from '../../scripts/nodeDatasets';
import { Session } from '../run/session';
import { EXPERIMENTS } from './registry';
import { defaultParams } from './types';

const SPIKING_VIEWS = ['raster', 'rate-trace', 'rate-histogram'];

describe('primary views', () => {
  for (const def of EXPERIMENTS) {
    it(`${def.id}: 1–3 charts it draws and 1–4 live controls`, () => {
      const p = def.primary;
      expect(p, 'primary declared').toBeDefined();
      if (!p) return;
      expect(p.plots.length).toBeGreaterThanOrEqual(1);
      expect(p.plots.length).toBeLessThanOrEqual(3);
      expect(p.controls.length).toBeGreaterThanOrEqual(1);
      expect(p.controls.length).toBeLessThanOrEqual(4);
      for (const key of p.controls) expect(def.params.find((s) => s.key === key)?.live, `${key} is a live parameter`).toBe(true);
      const params = defaultParams(def);
      ensureDatasets(def.id, params);
      const session = new Session({ experiment: def.id, seed: 1, params, events: [] });
      if (def.mode === 'simulated') session.advance(20); // some charts appear after the first steps
      const run = session.run;
      const ids = (run.plots?.() ?? []).map((s) => s.id);
      for (const id of p.plots) {
        if (SPIKING_VIEWS.includes(id)) expect(run.layers.length, `${id} needs spiking layers`).toBeGreaterThan(0);
        else expect(ids, `${id} is one of the experiment's charts`).toContain(id);
      }
    });
  }
});
