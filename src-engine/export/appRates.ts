/**
 * The app's side of the export integration tests (Brian2, PyNN): each layer's mean rate (Hz) of
 * an experiment after `durationS` of simulated time, averaged over a few seeds, computed by the
 * same Session the app and the CLI use. Another simulator draws other random numbers, so only
 * such statistics can be compared with it.
 */
import { defaultRunConfig } from '../config/runConfig';
import { findExperiment } from '../experiments/registry';
import { Session } from '../run/session';

export interface AppRateCase {
  id: string;
  params: Record<string, number>;
  durationS: number;
}

export function appRates(c: AppRateCase, seeds: readonly number[]): { labels: string[]; rates: number[] } {
  const def = findExperiment(c.id);
  if (!def) throw new Error(`unknown experiment "${c.id}"`);
  const steps = Math.round((c.durationS * 1000) / def.dt_ms);
  let sum: number[] = [];
  let labels: string[] = [];
  for (const seed of seeds) {
    const cfg = defaultRunConfig(c.id, seed);
    Object.assign(cfg.params, c.params);
    const s = new Session(cfg);
    s.advance(steps);
    const r = s.run.rates.map((m) => m.meanRate());
    labels = s.run.layers.map((l) => l.label);
    sum = sum.length ? sum.map((x, k) => x + r[k]) : r;
  }
  return { labels, rates: sum.map((x) => x / seeds.length) };
}
