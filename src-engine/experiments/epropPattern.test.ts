import { describe, expect, it } from 'vitest';
import { defaultRunConfig } from '../config/runConfig';
import { Session } from '../run/session';

interface PatternMetrics { trials: number; mse_initial: number; mse_final: number; mse_trace: number[]; mean_rate_hz: number }

describe('eprop-pattern (issue 5 check)', () => {
  // SCIENCE.md §5 test 4 asks nMSE < 0.15 and a rate in [5, 20] Hz at the end of training (2000 plain-gradient iterations there;
  // 400 Adam trials here, where seed 1 ends at nMSE ≈ 0.03 and ≈ 17 Hz).
  it('after the default training (400 trials): normalised MSE < 0.15 and the mean rate within [5, 20] Hz (SCIENCE.md §5 test 4)', () => {
    const s = new Session(defaultRunConfig('eprop-pattern', 1));
    s.advance(s.def.defaultSteps);
    const m = s.run.metrics() as unknown as PatternMetrics;
    expect(m.trials).toBe(400);
    expect(m.mse_initial).toBeGreaterThan(0.5);
    expect(m.mse_final).toBeLessThan(0.15);
    expect(m.mean_rate_hz).toBeGreaterThanOrEqual(5);
    expect(m.mean_rate_hz).toBeLessThanOrEqual(20);
  });

  it('with ALIF neurons (τ_a = 200 ms, β = 0.2 v_th, c_reg = 300, 150 trials) the readout still learns: normalised MSE < 0.15 (SCIENCE.md §5 test 4’s bound; its rate band is for LIF)', () => {
    const c = defaultRunConfig('eprop-pattern', 1);
    c.params.tau_a_ms = 200;
    c.params.beta_a = 0.2;
    c.params.c_reg = 300;
    const s = new Session(c);
    s.advance(150_000);
    const m = s.run.metrics() as unknown as PatternMetrics;
    expect(m.mse_initial).toBeGreaterThan(0.5);
    expect(m.mse_final).toBeLessThan(0.15);
    expect(m.mean_rate_hz).toBeGreaterThan(1);
  });

  it('without learning the error does not fall', () => {
    const c = defaultRunConfig('eprop-pattern', 1);
    c.params.plastic = 0;
    const s = new Session(c);
    s.advance(20_000);
    const m = s.run.metrics() as unknown as PatternMetrics;
    expect(m.mse_final).toBeGreaterThan(0.8 * m.mse_trace[1]);
  });
});
