/**
 * Discrete double-exponential filters used by the surrogate-gradient rules (SCIENCE.md §4.1).
 *
 * PSP kernel ε (presynaptic trace, peak 0.25 for τ_rise = 5 ms, τ_decay = 10 ms):
 *   du/dt = −u/τ_r + S(t),   τ_d dp/dt = −p + u   ⇒  p(t) = τ_r/(τ_d − τ_r)·(e^{−t/τ_d} − e^{−t/τ_r})
 * after one spike (= e^{−t/10} − e^{−t/5} for 5/10 ms), integrated exactly over a step like the
 * LIF current: p ← a_d·p + k·u,  u ← a_r·u, then u += S;  k = τ_r/(τ_r − τ_d)·(a_r − a_d).
 *
 * Unit-area kernel α (van Rossum error, eligibility filter):
 *   α(t) = (e^{−t/τ_d} − e^{−t/τ_r})/(τ_d − τ_r),  ∫α dt = 1,  ∫α² dt = 1/30 ms⁻¹ for (5, 10) ms
 * realised as two unit-gain low-passes h1 ← a_r h1 + (1 − a_r) x,  h2 ← a_d h2 + (1 − a_d) h1,
 * with a spike entering as x = 1/dt (a delta of unit area), so h2 is in ms⁻¹.
 */
import { currentGain } from '../neurons/lif';
import * as det from '../core/detMath';

/** Step coefficients of the exact PSP trace (u jumps by 1 per spike, p is ε∗S). */
export interface PspCoefs {
  readonly ar: number;
  readonly ad: number;
  readonly k: number;
}

export function pspCoefs(tauRise: number, tauDecay: number, dt: number): PspCoefs {
  return { ar: det.exp(-dt / tauRise), ad: det.exp(-dt / tauDecay), k: currentGain(tauRise, tauDecay, dt) };
}

/** Step coefficients of the unit-area α filter: h1 ← a_r h1 + b_r x, h2 ← a_d h2 + b_d h1. */
export interface AlphaCoefs {
  readonly ar: number;
  readonly br: number;
  readonly ad: number;
  readonly bd: number;
}

export function alphaCoefs(tauRise: number, tauDecay: number, dt: number): AlphaCoefs {
  const ar = det.exp(-dt / tauRise);
  const ad = det.exp(-dt / tauDecay);
  return { ar, br: 1 - ar, ad, bd: 1 - ad };
}

/** ∫α² dt of the continuous unit-area kernel (ms⁻¹). */
export function alphaSquaredIntegral(tauRise: number, tauDecay: number): number {
  const tr = tauRise, td = tauDecay;
  return (td / 2 + tr / 2 - (2 * td * tr) / (td + tr)) / ((td - tr) * (td - tr));
}
