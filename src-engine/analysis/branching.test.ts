import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { avalancheFromOneAncestor, avalancheSizes, borelPmf, drivenBranchingProcess, lagRegression, mrEstimate, naiveRatio, subsample, varianceSplit } from './branching';

const mean = (a: ArrayLike<number>) => { let s = 0; for (let k = 0; k < a.length; k++) s += a[k]; return s / a.length; };
const variance = (a: ArrayLike<number>) => { const m = mean(a); let s = 0; for (let k = 0; k < a.length; k++) s += (a[k] - m) ** 2; return s / a.length; };

describe('branching-ratio estimators (SCIENCE.md §5 test 5; issue 5 checks)', () => {
  const T = 200_000;
  const a09 = drivenBranchingProcess(new Rng(11), 0.9, 10, T);
  const a098 = drivenBranchingProcess(new Rng(12), 0.98, 2, T);

  it('driven process m = 0.9, h = 10: mean 100 ± 3, variance 526 ± 40, r₁ = 0.90 ± 0.01', () => {
    expect(Math.abs(mean(a09) - 100)).toBeLessThan(3);
    expect(Math.abs(variance(a09) - 100 / (1 - 0.81))).toBeLessThan(40);
    expect(Math.abs(lagRegression(a09, 1) - 0.9)).toBeLessThan(0.01);
  });

  it('MR estimator recovers m within 0.01 (m = 0.9, 0.98), with full observation and 5% subsampling', () => {
    for (const [a, m, seed] of [[a09, 0.9, 21], [a098, 0.98, 22]] as const) {
      expect(Math.abs(mrEstimate(a, 40).m - m)).toBeLessThan(0.01);
      const sub = subsample(new Rng(seed), a, 0.05);
      const fit = mrEstimate(sub, 40);
      expect(Math.abs(fit.m - m)).toBeLessThan(0.01);
      // Subsampling biases the conventional estimator; in the MR fit it only lowers b to
      // q²Var/(q²Var + q(1 − q)⟨A⟩) (0.216 for m = 0.9).
      expect(lagRegression(sub, 1)).toBeLessThan(m - 0.3);
      const q = 0.05, bTheory = (q * q * variance(a)) / (q * q * variance(a) + q * (1 - q) * mean(a));
      expect(Math.abs(fit.b - bTheory)).toBeLessThan(0.05);
    }
  });

  it('the naive ratio reads ≈ 1 whatever m is (m = 0.5 and 0.9, ⟨A⟩ = 100)', () => {
    const a05 = drivenBranchingProcess(new Rng(13), 0.5, 50, T);
    expect(Math.abs(naiveRatio(a05) - 1)).toBeLessThan(0.02);
    expect(Math.abs(naiveRatio(a09) - 1)).toBeLessThan(0.02);
    expect(Math.abs(mrEstimate(a05, 20).m - 0.5)).toBeLessThan(0.01);
  });

  it('avalanches from one ancestor at m = 0.8 follow Borel: P(S = 1) = e^{−0.8}, mean size 5', () => {
    const rng = new Rng(14);
    const sizes = Array.from({ length: 100_000 }, () => avalancheFromOneAncestor(rng, 0.8));
    const p1 = sizes.filter((s) => s === 1).length / sizes.length;
    expect(Math.abs(p1 - Math.exp(-0.8))).toBeLessThan(0.005);
    expect(Math.abs(mean(sizes) - 5)).toBeLessThan(0.2);
    expect(borelPmf(1, 0.8)).toBeCloseTo(Math.exp(-0.8), 12);
    let total = 0;
    for (let s = 1; s <= 2000; s++) total += borelPmf(s, 0.8);
    expect(total).toBeCloseTo(1, 6);
    // At m = 1 the tail approaches s^{−3/2}/√(2π).
    expect(borelPmf(1000, 1) / (1000 ** -1.5 / Math.sqrt(2 * Math.PI))).toBeCloseTo(1, 2);
  });

  it('avalanche sizes are the sums of runs between empty bins', () => {
    expect(avalancheSizes([0, 1, 2, 0, 0, 3, 0, 1])).toEqual([3, 3]);
  });

  it('variance split: a driven branching process has no within-bin excess; independent neurons bunched into bursts do', () => {
    const sp = varianceSplit(a09);
    expect(Math.abs(sp.poisson + sp.across + sp.within - sp.variance)).toBeLessThan(1e-6 * sp.variance);
    expect(Math.abs(sp.within)).toBeLessThan(0.05 * sp.variance);
    expect(Math.abs(sp.fano - 1 / (1 - 0.81))).toBeLessThan(0.4);
    // Synchrony without propagation: each bin holds 5·Poisson(20) spikes (bursts of 5), independent across bins.
    const rng = new Rng(3);
    const burst = Float64Array.from({ length: 50_000 }, () => 5 * rng.poisson(20));
    const sb = varianceSplit(burst);
    expect(Math.abs(sb.r1)).toBeLessThan(0.02);
    expect(sb.across).toBeLessThan(0.001 * sb.variance);
    expect(Math.abs(sb.within / sb.mean - 4) ).toBeLessThan(0.15);
  });
});
