import { describe, expect, it } from 'vitest';
import { defaultRunConfig } from '../config/runConfig';
import { Session } from '../run/session';

interface CritMetrics {
  mean_rate_hz: number; target_rate_hz: number; rate_variance: number; target_variance: number; poisson_variance: number;
  branching: number; branching_naive: number; branching_r1: number; avalanches: number;
}

/** The default run (seed 1, 200 s of training) at a given variance target. */
function train(sStar: number): CritMetrics {
  const c = defaultRunConfig('eprop-criticality', 1);
  c.params.s_star_hz2 = sStar;
  const s = new Session(c);
  s.advance(s.def.defaultSteps);
  return s.run.metrics() as unknown as CritMetrics;
}

describe('eprop-criticality (issue 5 checks)', () => {
  const runs = [12, 20, 30].map((sStar) => ({ sStar, m: train(sStar) }));

  it('after training the mean rate is within 10% of r₀ and the global-rate variance within 25% of s*', () => {
    for (const { sStar, m } of runs) {
      expect(m.target_variance).toBe(sStar);
      expect(Math.abs(m.mean_rate_hz / m.target_rate_hz - 1)).toBeLessThan(0.1);
      expect(Math.abs(m.rate_variance / sStar - 1)).toBeLessThan(0.25);
      expect(m.avalanches).toBeGreaterThan(1000);
    }
  });

  it('m̂ rises with s* (fixed mean: more variance = larger branching ratio, SCIENCE.md §5.3), while the naive ratio stays near 1', () => {
    const m = runs.map((r) => r.m.branching);
    expect(m[1]).toBeGreaterThan(m[0]);
    expect(m[2]).toBeGreaterThan(m[1]);
    for (const { m: r } of runs) {
      expect(r.branching).toBeLessThan(0.9);
      expect(Math.abs(r.branching_naive - 1)).toBeLessThan(0.3);
    }
  });
});
