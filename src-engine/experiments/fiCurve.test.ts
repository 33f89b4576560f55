import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { fiCurve as exp } from './fiCurve';
import { defaultParams } from './types';

interface Xy { title: string; series: { label: string; x: number[]; y: number[]; yErr?: number[] }[] }

/**
 * Builds and runs the experiment, then checks every Monte-Carlo point against its line:
 * - where the theory rate is at least `relAbove` Hz: |MC − theory| ≤ rel·theory (the named tolerance);
 * - every point with ≥ 20 expected spikes: |MC − theory| ≤ bias·theory + 4 standard errors (bias 0 for the
 *   exactly stepped LIF: a pure z-test; the EIF's Euler–Maruyama step has a systematic bias of about 1%);
 * - points with fewer expected spikes: the spike count stays below its Poisson bound (mean + 4√mean + 1).
 */
function checkPoints(p: Record<string, number>, steps: number, rel: number, relAbove: number, bias: number): { plot: Xy; relChecked: number } {
  const params = { ...defaultParams(exp), ...p };
  const run = exp.build(params, new Rng(4));
  run.network.run(steps);
  const seconds = (steps * exp.dt_ms) / 1000, per = params.neurons_per_point;
  const plot = run.plots!()[0] as unknown as Xy;
  expect(plot.series).toHaveLength(6);
  let relChecked = 0;
  for (let s = 0; s < plot.series.length; s += 2) {
    const line = plot.series[s], pts = plot.series[s + 1];
    expect(pts.x).toHaveLength(11);
    for (let k = 1; k < line.y.length; k++) expect(line.y[k]).toBeGreaterThanOrEqual(line.y[k - 1] - 1e-9);
    pts.x.forEach((mu, k) => {
      const theory = line.y[line.x.findIndex((x) => Math.abs(x - mu) < 1e-9)];
      const expected = Math.max(0, theory) * per * seconds;
      const where = `${line.label}, μ = ${mu} mV: MC ${pts.y[k]} Hz, theory ${theory} Hz`;
      if (theory >= relAbove) {
        expect(Math.abs(pts.y[k] - theory), where).toBeLessThanOrEqual(rel * theory);
        relChecked++;
      }
      if (expected >= 20) expect(Math.abs(pts.y[k] - theory), where).toBeLessThanOrEqual(bias * theory + 4 * pts.yErr![k]);
      else expect(pts.y[k] * per * seconds, where).toBeLessThanOrEqual(expected + 4 * Math.sqrt(expected) + 1);
    });
  }
  return { plot, relChecked };
}

describe('fi-curve', () => {
  it('LIF: points at ≥ 20 Hz within 3% of the Siegert lines, every point within 4 standard errors, and noise lifts the rate below threshold', () => {
    const { plot, relChecked } = checkPoints({ neurons_per_point: 200 }, 20_000, 0.03, 20, 0);
    expect(relChecked).toBeGreaterThanOrEqual(12);
    const at15 = (s: number) => plot.series[s].y[plot.series[s].x.findIndex((x) => x === 15)];
    expect(at15(0)).toBeLessThan(at15(2));
    expect(at15(2)).toBeLessThan(at15(4));
  });

  it('EIF (Euler–Maruyama): points at ≥ 20 Hz within 5% of the stationary Fokker–Planck lines, the others within 5% plus 4 standard errors', () => {
    const { plot, relChecked } = checkPoints({ neurons_per_point: 100, model: 1, v_th_mV: 35, v_reset_mV: 0 }, 10_000, 0.05, 20, 0.05);
    expect(relChecked).toBeGreaterThanOrEqual(6);
    expect(plot.title).toContain('EIF');
  });
});
