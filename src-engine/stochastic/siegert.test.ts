import { describe, expect, it } from 'vitest';
import { siegertCv, siegertGain, siegertRate, type LifNoiseParams } from './siegert';

const base: LifNoiseParams = { mu: 15, sigma: 5, tau_m: 20, v_th: 20, v_reset: 10, t_ref: 2 };

describe('Siegert formula (SCIENCE.md §1.4 table)', () => {
  const rows: [number, number, number, number, number, number][] = [
    // mu, sigma, t_ref, rate, CV, dν/dμ
    [15, 5, 2, 9.4608, 0.8148, 2.9073],
    [20, 5, 2, 27.3406, 0.5826, 3.9462],
    [10, 10, 2, 12.0839, 1.013, 2.0752],
    [25, 2, 2, 42.8496, 0.2083, 4.4335],
    [18, 3, 2, 12.5115, 0.6234, 4.404],
    [15, 5, 0, 9.6433, 0.8305, 3.0205],
  ];
  for (const [mu, sigma, t_ref, rate, cv, gain] of rows) {
    it(`μ=${mu}, σ=${sigma}, τ_ref=${t_ref}`, () => {
      const p = { ...base, mu, sigma, t_ref };
      expect(siegertRate(p)).toBeCloseTo(rate, 3);
      expect(siegertCv(p)).toBeCloseTo(cv, 3);
      expect(siegertGain(p)).toBeCloseTo(gain, 3);
    });
  }

  it('reaches the deterministic limit as σ → 0', () => {
    expect(siegertRate({ ...base, mu: 25, sigma: 1e-3 })).toBeCloseTo(41.7149, 3);
    expect(siegertRate({ ...base, mu: 25, sigma: 0 })).toBeCloseTo(41.7149, 3);
    expect(siegertRate({ ...base, mu: 15, sigma: 0 })).toBe(0);
  });

  it('gain matches a finite difference of the rate', () => {
    const h = 1e-3;
    const fd = (siegertRate({ ...base, mu: 15 + h }) - siegertRate({ ...base, mu: 15 - h })) / (2 * h);
    expect(siegertGain(base)).toBeCloseTo(fd, 5);
  });
});
