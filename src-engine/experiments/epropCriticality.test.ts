import { describe, expect, it } from 'vitest';
import { defaultRunConfig } from '../config/runConfig';
import { Session } from '../run/session';

interface CritMetrics {
  mean_rate_hz: number; rate_variance: number; poisson_variance: number; variance_within_bin: number; variance_across_bins: number;
  variance_poisson_floor: number; fano_factor: number; branching: number; branching_naive: number; branching_r1: number; avalanches: number;
}

const R0 = 10;
/** The default run (seed 1, 200 s of training) at s* = a multiple of the Poisson floor r₀/(N·bin). */
function train(factor: number): CritMetrics & { sStar: number } {
  const c = defaultRunConfig('eprop-criticality', 1);
  const floor = R0 / (c.params.n * c.params.bin_ms * 1e-3);
  c.params.r0_hz = R0;
  c.params.s_star_hz2 = factor * floor;
  const s = new Session(c);
  s.advance(s.def.defaultSteps);
  return { ...(s.run.metrics() as unknown as CritMetrics), sStar: factor * floor };
}

describe('eprop-criticality (issue 16: what the r₀ × s* grid in docs/STUDIES.md supports)', () => {
  const runs = [1.5, 3].map(train);

  it('at r₀ = 10 Hz and s* = 1.5× and 3× the Poisson floor, the mean rate ends within 10% of r₀ and the variance within 25% of s*', () => {
    for (const m of runs) {
      expect(Math.abs(m.mean_rate_hz / R0 - 1)).toBeLessThan(0.1);
      expect(Math.abs(m.rate_variance / m.sStar - 1)).toBeLessThan(0.25);
      expect(m.avalanches).toBeGreaterThan(1000);
    }
  });

  it('the variance parts add up, and most of the excess over the Poisson floor is synchrony within a bin, which m̂ cannot see', () => {
    for (const m of runs) {
      const sum = m.variance_poisson_floor + m.variance_across_bins + m.variance_within_bin;
      expect(Math.abs(sum - m.rate_variance)).toBeLessThan(1e-3 * m.rate_variance + 2e-3);
      expect(m.variance_within_bin).toBeGreaterThan(0.8 * (m.variance_within_bin + m.variance_across_bins));
      // Var/mean is far above the driven-branching line 1/(1 − m̂²) at the measured m̂.
      expect(m.fano_factor).toBeGreaterThan(1 / (1 - m.branching ** 2));
    }
  });

  it('m̂ stays far from 1 while the naive ratio reads ≥ 1 (it would call every run critical)', () => {
    for (const m of runs) {
      expect(m.branching).toBeLessThan(0.9);
      expect(m.branching_naive).toBeGreaterThanOrEqual(1);
    }
  });
});
