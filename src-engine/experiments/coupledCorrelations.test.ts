import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { coupledCorrelations as exp } from './coupledCorrelations';
import { defaultParams } from './types';

type M = Record<string, number>;
const build = (p: Record<string, number>, seed: number) => exp.build({ ...defaultParams(exp), ...p }, new Rng(seed));

describe('coupled-correlations (SCIENCE.md §8)', () => {
  it('predicts ∫C_kj = K₀ν_jCV_j² = 0.365 Hz at J = 1 mV and half of it at 0.5 mV', () => {
    const m1 = build({ j_mV: 1, n_pairs: 10 }, 1).metrics() as M;
    const m05 = build({ j_mV: 0.5, n_pairs: 10 }, 1).metrics() as M;
    expect(m1.corr_predicted).toBeCloseTo(0.3652, 3);
    expect(m1.k0).toBeCloseTo(0.0581, 3);
    expect(m05.corr_predicted).toBeCloseTo(0.3652 / 2, 3);
  });

  it('measured cross-covariance agrees with linear response at J = 0.5 mV within 10% (first-order theory) + 3 SE (sampling, 10^4 pair-seconds)', () => {
    const run = build({ j_mV: 0.5, n_pairs: 1000 }, 11);
    run.network.run(100_000);
    const m = run.metrics() as M;
    console.log('coupled-correlations J = 0.5 mV', m);
    expect(m.pair_seconds).toBeGreaterThanOrEqual(1e4);
    // Linear response is first order in J: at J = 0.5 mV the measurement sits a few per cent above it
    // (seeds 11–13: +12%, +3%, +9%), so the budget is the theory's 10% plus the sampling error.
    expect(Math.abs(m.corr_measured - m.corr_predicted)).toBeLessThan(0.1 * m.corr_predicted + 3 * m.corr_se);
    // The control k′ (same noise, no synapse) fires at the uncoupled rate; k is pushed up by ≈ K₀ν_j.
    expect(m.rate_post_hz - m.rate_control_hz).toBeGreaterThan(0.5 * m.k0 * m.rate_pre_hz);
    expect(m.rate_post_hz - m.rate_control_hz).toBeLessThan(1.5 * m.k0 * m.rate_pre_hz);
    // The causal peak sits at the delay.
    const cov = run.plots!()[0] as { series: { x: number[]; y: number[] }[] };
    const { x, y } = cov.series[0];
    const peak = x[y.indexOf(Math.max(...y))];
    expect(peak).toBeGreaterThanOrEqual(1);
    expect(peak).toBeLessThanOrEqual(4);
  });

  it('without coupling k and its shadow k′ are the same neuron: the difference is exactly zero', () => {
    const run = build({ j_mV: 0, n_pairs: 50 }, 5);
    run.network.run(5000);
    const m = run.metrics() as M;
    expect(m.corr_measured).toBe(0);
    expect(m.rate_post_hz).toBe(m.rate_control_hz);
  });
});
