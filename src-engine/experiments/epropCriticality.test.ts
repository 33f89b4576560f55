import { describe, expect, it } from 'vitest';
import { defaultRunConfig } from '../config/runConfig';
import { Session } from '../run/session';

interface CritMetrics { mean_rate_hz: number; rate_variance: number; branching: number; branching_naive: number; avalanches: number; target_variance: number }

function run(sStar: number, seconds: number): CritMetrics {
  const c = defaultRunConfig('eprop-criticality', 1);
  c.params.s_star_hz2 = sStar;
  const s = new Session(c);
  s.advance(seconds * 1000);
  return s.run.metrics() as unknown as CritMetrics;
}

describe('eprop-criticality', () => {
  it('the variance term acts in its direction: a higher s* gives a higher global-rate variance at a comparable rate', () => {
    const low = run(15, 60), high = run(40, 60);
    expect(high.rate_variance).toBeGreaterThan(low.rate_variance);
    for (const m of [low, high]) {
      expect(m.mean_rate_hz).toBeGreaterThan(3);
      expect(m.mean_rate_hz).toBeLessThan(20);
      expect(m.avalanches).toBeGreaterThan(100);
      expect(m.branching).toBeGreaterThan(0);
      expect(m.branching).toBeLessThanOrEqual(1);
    }
  });
});
