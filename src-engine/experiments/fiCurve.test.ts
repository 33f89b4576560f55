import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { fiCurve as exp } from './fiCurve';
import { defaultParams } from './types';

interface Xy { title: string; series: { label: string; x: number[]; y: number[]; yErr?: number[] }[] }

/** Builds, runs and checks every Monte-Carlo point against its line: |MC − theory| ≤ max(rel·theory, 4 SE, 0.05 Hz). */
function checkPoints(p: Record<string, number>, steps: number, rel: number): Xy {
  const run = exp.build({ ...defaultParams(exp), ...p }, new Rng(4));
  run.network.run(steps);
  const plot = run.plots!()[0] as unknown as Xy;
  expect(plot.series).toHaveLength(6);
  for (let s = 0; s < plot.series.length; s += 2) {
    const line = plot.series[s], pts = plot.series[s + 1];
    expect(pts.x).toHaveLength(11);
    for (let k = 1; k < line.y.length; k++) expect(line.y[k]).toBeGreaterThanOrEqual(line.y[k - 1] - 1e-9);
    pts.x.forEach((mu, k) => {
      const theory = line.y[line.x.findIndex((x) => Math.abs(x - mu) < 1e-9)];
      expect(Math.abs(pts.y[k] - theory)).toBeLessThanOrEqual(Math.max(rel * theory, 4 * pts.yErr![k], 0.05));
    });
  }
  return plot;
}

describe('fi-curve', () => {
  it('LIF: Monte-Carlo points lie on the Siegert lines (3%), and noise lifts the rate below threshold', () => {
    const plot = checkPoints({ neurons_per_point: 100 }, 10_000, 0.03);
    const at15 = (s: number) => plot.series[s].y[plot.series[s].x.findIndex((x) => x === 15)];
    expect(at15(0)).toBeLessThan(at15(2));
    expect(at15(2)).toBeLessThan(at15(4));
  });

  it('EIF (Euler–Maruyama): points within 5% of the stationary Fokker–Planck lines', () => {
    const plot = checkPoints({ neurons_per_point: 50, model: 1, v_th_mV: 35, v_reset_mV: 0 }, 5000, 0.05);
    expect(plot.title).toContain('EIF');
  });
});
