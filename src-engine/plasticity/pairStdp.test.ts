import { describe, expect, it } from 'vitest';
import { PairStdp, type PairStdpParams } from './pairStdp';
import { pairingDw, stdpWindow } from './pairingProtocol';
import { TRIPLET_MINIMAL_ALL_TO_ALL, TripletStdp } from './tripletStdp';

const pair = (p: Partial<PairStdpParams> = {}) => () =>
  new PairStdp(1, 1, { a_plus: 0.005, a_minus: 0.00525, tau_plus: 20, tau_minus: 20, w_max: Infinity, mu: 0, nearest: 0, ...p });

/** Least-squares fit of log|Δw| = log A − |Δt|/τ over the given points; returns τ. */
function fitTau(points: { dt_ms: number; dw: number }[]): number {
  const xs = points.map((p) => Math.abs(p.dt_ms));
  const ys = points.map((p) => Math.log(Math.abs(p.dw)));
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0, sxx = 0;
  for (let k = 0; k < n; k++) {
    sxy += (xs[k] - mx) * (ys[k] - my);
    sxx += (xs[k] - mx) ** 2;
  }
  return -1 / (sxy / sxx);
}

describe('pair STDP', () => {
  it('single pair: Δw(+10 ms) = +0.0030327 and Δw(−10 ms) = −0.0031843 (SCIENCE.md §2 test 1)', () => {
    // w0 = 1 keeps the weight away from the lower bound 0 (w_max = ∞ here).
    expect(pairingDw(pair(), { dt_ms: 10, freq_hz: 1, n: 1 }, 1)).toBeCloseTo(0.0030327, 7);
    expect(pairingDw(pair(), { dt_ms: -10, freq_hz: 1, n: 1 }, 1)).toBeCloseTo(-0.0031843, 7);
  });

  it('window: signs, peak magnitudes A± within 2 %, decay constants by a fit within 5 %', () => {
    const tp = 16.8, tm = 33.7;
    const dts = Array.from({ length: 201 }, (_, k) => k - 100);
    const win = stdpWindow(pair({ tau_plus: tp, tau_minus: tm }), dts, 1, 1, 1);
    for (const { dt_ms, dw } of win) {
      if (dt_ms > 0 && dt_ms <= 40) expect(dw).toBeGreaterThan(0);
      if (dt_ms < 0 && dt_ms >= -40) expect(dw).toBeLessThan(0);
    }
    const near = (d: number) => win.find((p) => p.dt_ms === d)!.dw;
    expect(Math.abs(near(1) / Math.exp(-1 / tp) - 0.005) / 0.005).toBeLessThan(0.02);
    expect(Math.abs(-near(-1) / Math.exp(-1 / tm) - 0.00525) / 0.00525).toBeLessThan(0.02);
    expect(Math.abs(fitTau(win.filter((p) => p.dt_ms > 0 && p.dt_ms <= 60)) - tp) / tp).toBeLessThan(0.05);
    expect(Math.abs(fitTau(win.filter((p) => p.dt_ms < 0 && p.dt_ms >= -60)) - tm) / tm).toBeLessThan(0.05);
  });

  it('multiplicative rule has soft bounds; additive rule clips at the hard bounds', () => {
    const soft = new PairStdp(1, 1, { a_plus: 0.1, a_minus: 0.1, tau_plus: 20, tau_minus: 20, w_max: 1, mu: 1, nearest: 0 });
    const w = new Float32Array([0.9]);
    soft.onPre(0, w, 1);
    soft.onPost(0, w, 1, 1); // x = 1: Δw = 0.1·(1 − 0.9) = 0.01
    expect(w[0]).toBeCloseTo(0.91, 6);
    const hard = new PairStdp(1, 1, { a_plus: 0.5, a_minus: 0.5, tau_plus: 20, tau_minus: 20, w_max: 1, mu: 0, nearest: 0 });
    const v = new Float32Array([0.9]);
    hard.onPre(0, v, 1);
    hard.onPost(0, v, 1, 1);
    expect(v[0]).toBe(1);
  });

  it('nearest-spike traces saturate at 1, all-to-all traces accumulate', () => {
    const a2a = new PairStdp(1, 1, { a_plus: 0, a_minus: 0, tau_plus: 20, tau_minus: 20, w_max: 1, mu: 0, nearest: 0 });
    const nn = new PairStdp(1, 1, { ...a2a.p, nearest: 1 });
    const w = new Float32Array(1);
    for (const r of [a2a, nn]) for (let k = 0; k < 3; k++) r.onPre(0, w, 1);
    expect(a2a.x[0]).toBe(3);
    expect(nn.x[0]).toBe(1);
  });
});

describe('triplet STDP, Sjöström protocol (60 pairings, minimal all-to-all, τy = 114 ms)', () => {
  // SCIENCE.md §2.3 model predictions, to ±0.002.
  const table: [number, number, number][] = [
    [0.1, 0.0, -0.317], [10, 0.119, -0.332], [20, 0.228, -0.342], [40, 0.532, 0.174], [50, 0.763, 0.749],
  ];
  const make = () => new TripletStdp(1, 1, TRIPLET_MINIMAL_ALL_TO_ALL);
  for (const [hz, plus, minus] of table) {
    it(`${hz} Hz: Δw(+10) = ${plus}, Δw(−10) = ${minus}`, () => {
      expect(Math.abs(pairingDw(make, { dt_ms: 10, freq_hz: hz, n: 60 }) - plus)).toBeLessThanOrEqual(0.002);
      expect(Math.abs(pairingDw(make, { dt_ms: -10, freq_hz: hz, n: 60 }) - minus)).toBeLessThanOrEqual(0.002);
    });
  }

  it('Δw(+10) grows with frequency; Δw(−10) changes sign from LTD at 0.1 Hz to LTP at 50 Hz', () => {
    const plus = [0.1, 10, 20, 40, 50].map((hz) => pairingDw(make, { dt_ms: 10, freq_hz: hz, n: 60 }));
    for (let k = 1; k < plus.length; k++) expect(plus[k]).toBeGreaterThan(plus[k - 1]);
    expect(pairingDw(make, { dt_ms: -10, freq_hz: 0.1, n: 60 })).toBeLessThan(0);
    expect(pairingDw(make, { dt_ms: -10, freq_hz: 50, n: 60 })).toBeGreaterThan(0);
    // Sanity value of SCIENCE.md: −60 × 7.1e-3 × e^{−10/33.7} = −0.3166.
    expect(pairingDw(make, { dt_ms: -10, freq_hz: 0.1, n: 60 })).toBeCloseTo(-0.3166, 3);
  });
});
