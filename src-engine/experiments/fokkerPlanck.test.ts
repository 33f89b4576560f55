import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { fokkerPlanckExperiment as exp } from './fokkerPlanck';
import { defaultParams } from './types';

const build = (p: Record<string, number> = {}, seed = 3) => exp.build({ ...defaultParams(exp), ...p }, new Rng(seed));
type M = Record<string, number>;

describe('fokker-planck experiment (10,000 neurons, dt = 0.1 ms)', () => {
  it('starts stationary: histogram within L1 0.05 of the FP density, rate on Siegert, mass conserved', () => {
    const run = build();
    run.network.run(5000);
    const m = run.metrics() as M;
    console.log('fokker-planck LIF default', m);
    expect(m.density_l1).toBeLessThan(0.05);
    expect(Math.abs(m.rate_mc_hz - m.rate_theory_hz)).toBeLessThan(Math.max(0.03 * m.rate_theory_hz, 3 * m.rate_mc_se_hz));
    expect(Math.abs(m.rate_fp_hz / m.rate_theory_hz - 1)).toBeLessThan(0.01);
    expect(m.fp_mass_error).toBeLessThan(1e-6);
  });

  it('after a step in σ both relax: L1 < 0.05 and the rate on the new Siegert rate after settling', () => {
    const run = build();
    run.network.run(1000);
    run.setParam('sigma_mV', 2);
    run.setParam('mu_mV', 20);
    const before = run.metrics() as M;
    expect(before.measured_s).toBe(0);
    run.network.run(2000 + 4000); // 10·τm of settling, then 0.4 s of measurement
    const m = run.metrics() as M;
    console.log('fokker-planck after σ → 2, μ → 20', m);
    expect(m.density_l1).toBeLessThan(0.05);
    expect(Math.abs(m.rate_mc_hz - m.rate_theory_hz)).toBeLessThan(Math.max(0.03 * m.rate_theory_hz, 3 * m.rate_mc_se_hz));
    expect(m.fp_mass_error).toBeLessThan(1e-6);
  });

  it('EIF: Monte-Carlo rate within 5% of the Fokker–Planck rate, density within L1 0.05', () => {
    // SCIENCE.md §1.6 teaching parameters, voltages from rest: V_T = 15, V_cut = 35, V_r = 0 mV.
    for (const mu of [14, 18]) {
      const run = build({ model: 1, v_th_mV: 35, v_reset_mV: 0, v_t_mV: 15, delta_t_mV: 2, mu_mV: mu, sigma_mV: 4, n_neurons: 5000 });
      run.network.run(5000);
      const m = run.metrics() as M;
      console.log(`fokker-planck EIF μ=${mu}`, m);
      expect(Math.abs(m.rate_mc_hz / m.rate_fp_hz - 1)).toBeLessThan(0.05);
      expect(m.density_l1).toBeLessThan(0.05);
    }
  });

  it('changes its shape with σ: the FP and histogram peaks rise when σ falls', () => {
    const run = build({ n_neurons: 2000 });
    run.network.run(500);
    const a = run.metrics() as M;
    run.setParam('sigma_mV', 2);
    run.network.run(1500);
    const b = run.metrics() as M;
    expect(b.density_peak_fp).toBeGreaterThan(2 * a.density_peak_fp);
    expect(b.density_peak_mc).toBeGreaterThan(1.5 * a.density_peak_mc);
  });
});
