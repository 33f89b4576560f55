import { describe, expect, it } from 'vitest';
import { LPL_CLAMP_ETA, LPL_CLAMP_TAU_VAR_S, lplClampWindow, type ClampProtocol } from './lplClampProtocol';
import { LPL_SPIKING_DEFAULTS, type LplSpikingParams } from './lplSpiking';

const base: LplSpikingParams = { ...LPL_SPIKING_DEFAULTS, eta: LPL_CLAMP_ETA, delta: 0 };
const DTS = Array.from({ length: 41 }, (_, k) => k - 20);
const proto = (o: Partial<ClampProtocol> = {}): ClampProtocol => ({ freq_hz: 1, n: 100, dts: DTS, rbar_hz: 0, sigma2: 1e-4, w0: 0.5, dt_ms: 0.1, ...o });
const at = (w: number[], dt: number) => w[DTS.indexOf(dt)];

describe('spiking LPL in the clamp protocol (SCIENCE.md §3 tests 4 and 5)', () => {
  it('predictive term alone is anti-Hebbian: Δw(+10) < 0 < Δw(−10)', () => {
    const w = lplClampWindow({ ...base, lambda: 0 }, proto());
    expect(at(w, 10)).toBeLessThan(0);
    expect(at(w, -10)).toBeGreaterThan(0);
  });

  it('Hebbian term alone (r̄ = 0) is positive for |Δt| ≤ 20 ms with its maximum at +5…+20 ms, and scales as 1/(σ² + ξ)', () => {
    const w = lplClampWindow({ ...base, phi: 0 }, proto());
    for (const v of w) expect(v).toBeGreaterThan(0);
    const best = DTS[w.indexOf(Math.max(...w))];
    expect(best).toBeGreaterThanOrEqual(5);
    expect(best).toBeLessThanOrEqual(20);
    const doubled = lplClampWindow({ ...base, phi: 0 }, proto({ sigma2: 2 * (1e-4 + base.xi) - base.xi }));
    for (let k = 0; k < w.length; k++) expect(Math.abs(doubled[k] / w[k] - 0.5)).toBeLessThan(0.01);
  });

  it('metaplasticity: as σ² grows the LTP peak shrinks and moves from the causal to the acausal side (paper protocol: 10 Hz, r̄ = 10 Hz)', () => {
    const peaks = [1e-5, 1e-4, 1e-2].map((sigma2) => {
      const w = lplClampWindow(base, proto({ sigma2, freq_hz: 10, rbar_hz: 10, tau_var_s: LPL_CLAMP_TAU_VAR_S }));
      const m = Math.max(...w);
      return { height: m, dt: DTS[w.indexOf(m)], ltdCausal: Math.min(...w.filter((_, k) => DTS[k] >= 5)) };
    });
    expect(peaks[0].dt).toBeGreaterThan(0);
    expect(peaks[1].dt).toBeLessThan(0);
    expect(peaks[2].dt).toBeLessThan(0);
    expect(peaks[1].height).toBeLessThan(peaks[0].height);
    expect(peaks[2].ltdCausal).toBeLessThan(0); // LTD for Δt ≳ +5 ms at large σ²
  });

  for (const evolving of [false, true]) {
    it(`frequency pattern (full rule, r̄ = 20 Hz, σ² = 1e-5, statistics ${evolving ? 'evolving as in lpl-stdp-window' : 'frozen'}): LTD at −10 ms for 1 and 10 Hz, LTP both ways at 30 Hz, orders equal at 50 Hz`, () => {
      const dw = (hz: number) => {
        const [minus, plus] = lplClampWindow(base, proto({ freq_hz: hz, dts: [-10, 10], rbar_hz: 20, sigma2: 1e-5, ...(evolving ? { tau_var_s: LPL_CLAMP_TAU_VAR_S } : {}) }));
        return { minus, plus };
      };
      expect(dw(1).minus).toBeLessThan(0);
      expect(dw(10).minus).toBeLessThan(0);
      const f30 = dw(30);
      expect(f30.plus).toBeGreaterThan(0);
      expect(f30.minus).toBeGreaterThan(0);
      const f50 = dw(50);
      expect(Math.abs(f50.plus - f50.minus)).toBeLessThan(0.1);
    });
  }

  it('unit-area kernels reproduce the paper’s window magnitudes within 30% (Fig. 6: 10 Hz, r̄ = 10 Hz, σ² evolving) and the σ² dependence', () => {
    const wide = Array.from({ length: 101 }, (_, k) => k - 50);
    const paper = [
      { sigma2: 1e-5, peak: 0.42, causal: true }, // peak ≈ +0.42 at ≈ +2 ms
      { sigma2: 1e-4, peak: 0.11, causal: false }, // ≈ +0.11 near −5 ms
      { sigma2: 1e-2, peak: 0.14, causal: false }, // ≈ +0.14 near −10 ms
    ];
    for (const ref of paper) {
      const w = lplClampWindow(base, proto({ freq_hz: 10, dts: wide, rbar_hz: 10, sigma2: ref.sigma2, tau_var_s: LPL_CLAMP_TAU_VAR_S }));
      const peak = Math.max(...w);
      const at = wide[w.indexOf(peak)];
      expect(Math.abs(peak / ref.peak - 1)).toBeLessThan(0.3);
      if (ref.causal) expect(at).toBeGreaterThan(0);
      else expect(at).toBeLessThan(0);
    }
  });

  it('low-frequency shortcut (one pairing × n) equals the full simulation', () => {
    const full = lplClampWindow(base, proto({ freq_hz: 2.7, n: 10, dts: [-10, 5, 15] })); // period 370 ms: simulated in full
    const single = lplClampWindow(base, proto({ freq_hz: 2.4, n: 10, dts: [-10, 5, 15] })); // period 417 ms: one pairing × 10
    for (let k = 0; k < 3; k++) expect(single[k]).toBeCloseTo(full[k], 4);
  });
});
