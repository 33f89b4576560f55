/**
 * Every measurement of every experiment has a human label in metricSpecs.ts, and the card shows
 * each one as a number, a word or a one-line summary: never a raw container ("[N values]", "{…}").
 */
import { describe, expect, it } from 'vitest';
import { ensureDatasets } from '../../scripts/nodeDatasets';
import { EXPERIMENTS } from '../../src-engine/experiments/registry';
import { defaultParams } from '../../src-engine/experiments/types';
import { Session } from '../../src-engine/run/session';
import { formatNumber, showMetric } from './formatMetric';
import { hasMetricSpec, metricSpec } from './metricSpecs';

describe('metric specs', () => {
  for (const def of EXPERIMENTS) {
    it(`${def.id}: every measurement has a label and shows without raw containers`, () => {
      const params = defaultParams(def);
      ensureDatasets(def.id, params);
      const session = new Session({ experiment: def.id, seed: 1, params, events: [] });
      if (def.mode === 'simulated') session.advance(Math.min(def.defaultSteps, 3000));
      for (const [key, value] of Object.entries(session.run.metrics())) {
        expect(hasMetricSpec(def.id, key), `${def.id}: add "${key}" to app/metrics/metricSpecs.ts`).toBe(true);
        const spec = metricSpec(def.id, key);
        expect(spec.label, 'a label, not the key').not.toBe(key.replace(/_/g, ' '));
        const { text } = showMetric(spec, value);
        expect(text, `${def.id}.${key}`).not.toMatch(/\[|\{|…\}|values\]|object Object/);
        expect(text.length, `${def.id}.${key}: one line`).toBeLessThan(220);
      }
    });
  }

  it('formats numbers for people', () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(0.000123)).toBe('1.23e-4');
    expect(formatNumber(3.14159)).toBe('3.142');
    expect(showMetric({ label: 'w', series: { x: 'dt_ms', y: 'dw', xUnit: 'ms', item: 'point' } }, [{ dt_ms: -1, dw: -0.002 }, { dt_ms: 1, dw: 0.007 }]).text).toBe('2 points; largest 0.007 at 1 ms; last 0.007');
  });
});
