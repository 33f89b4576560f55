import { describe, expect, it } from 'vitest';
import { defaultRunConfig } from '../config/runConfig';
import { Session } from '../run/session';
import type { SurfacePlotSpec } from './types';

type M = { samples: number; energy_trace: number[]; energy_increases: number; stability_bound: number; reconstruction_error_initial: number; reconstruction_error_final: number; reconstruction_error_mean_digit: number; lambda: number; flow: string };

function session(set: Record<string, number> = {}, seed = 1): Session {
  const c = defaultRunConfig('folded-autoencoder', seed);
  Object.assign(c.params, set);
  return new Session(c);
}
const metrics = (s: Session) => s.run.metrics() as unknown as M;
const surface = (s: Session) => s.run.plots!().find((p) => p.kind === 'surface') as SurfacePlotSpec;

function bilinear(sp: SurfacePlotSpec, x: number, y: number): number {
  const x0 = Math.min(Math.floor(x), sp.width - 2), y0 = Math.min(Math.floor(y), sp.height - 2), fx = x - x0, fy = y - y0;
  const v = (c: number, r: number) => sp.values[r * sp.width + c];
  return (1 - fy) * ((1 - fx) * v(x0, y0) + fx * v(x0 + 1, y0)) + fy * ((1 - fx) * v(x0, y0 + 1) + fx * v(x0 + 1, y0 + 1));
}

describe('folded-autoencoder (Dold et al. on 14×14 MNIST, 196–64–16)', () => {
  const K = 40;
  const trained = session();
  trained.advance(1000 * K);
  const m = metrics(trained);

  it('training lowers the held-out reconstruction error below 60% of its initial value, and below the mean-digit baseline', () => {
    expect(m.samples).toBe(1000);
    expect(m.reconstruction_error_final).toBeLessThan(0.6 * m.reconstruction_error_initial);
    expect(m.reconstruction_error_final).toBeLessThan(m.reconstruction_error_mean_digit);
  });

  it('with the default step inside the stability bound, the energy never rose during 40,000 inference steps', () => {
    expect(0.1).toBeLessThan(m.stability_bound);
    expect(m.energy_increases).toBe(0);
    expect(m.energy_trace).toHaveLength(K + 1);
    for (let k = 1; k < m.energy_trace.length; k++) expect(m.energy_trace[k]).toBeLessThanOrEqual(m.energy_trace[k - 1]);
  });

  it('reports the degenerate purely generative case (λ = 0) and stays finite there', () => {
    const s = session({ lambda: 0 });
    s.advance(3 * K);
    expect(metrics(s).flow).toMatch(/not unique/);
    expect(metrics(s).energy_increases).toBe(0);
  });

  it('the energy slice passes through the current state: the ball sits on the surface at its own energy', () => {
    for (const axes of [0, 1]) {
      const s = session({ slice_axes: axes, slice_grid: 17 });
      s.advance(2 * K + 20);
      const sp = surface(s);
      expect(sp.values).toBeInstanceOf(Float32Array);
      expect(sp.values.length).toBe(17 * 17);
      // E is exact at the grid nodes; the surface interpolated at the ball's grid position must give
      // the ball's own energy E(u) (up to interpolation error, here < 3% of the surface's span).
      expect(sp.ball.value).toBeCloseTo(s.run.metrics().energy_now as number, 4);
      expect(Math.abs(bilinear(sp, sp.ball.x, sp.ball.y) - sp.ball.value)).toBeLessThan(0.03 * (sp.range[1] - sp.range[0]));
      expect(sp.ball.x).toBeGreaterThanOrEqual(0);
      expect(sp.ball.x).toBeLessThanOrEqual(16);
      expect(sp.trajectory.x.length).toBe(21);
      // The relaxation went downhill: the trajectory starts higher than it ends.
      expect(sp.trajectory.value[0]).toBeGreaterThan(sp.trajectory.value[20]);
    }
  });

  it('changing λ live changes the landscape', () => {
    const s = session({ slice_grid: 17 });
    s.advance(K + 10);
    const a = surface(s).values;
    s.setParam('lambda', 0.9);
    const b = surface(s).values;
    let diff = 0;
    for (let k = 0; k < a.length; k++) diff = Math.max(diff, Math.abs(a[k] - b[k]));
    expect(diff).toBeGreaterThan(0.1);
  });

  it('snapshot/restore continues identically', () => {
    const a = session({}, 3);
    a.advance(7 * K + 13);
    const b = session({}, 3);
    b.advance(3 * K + 5);
    const snap = b.snapshot();
    b.advance(4 * K + 8);
    expect(b.run.metrics()).toEqual(a.run.metrics());
    b.restore(snap);
    b.advance(4 * K + 8);
    expect(b.run.metrics()).toEqual(a.run.metrics());
  });
});
