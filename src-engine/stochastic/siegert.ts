/**
 * Stationary rate, ISI variability and gain of the leaky integrate-and-fire neuron driven by
 * white noise, in Brunel's (2000) convention (SCIENCE.md §1.3–1.4; voltages from rest, mV; ms):
 *
 *   τ dV/dt = −V + μ + σ√τ ξ(t),   V ≥ θ → spike, V ← V_r, refractory for τ_ref
 *
 *   Siegert:  1/ν = τ_ref + τ√π ∫_{y_r}^{y_θ} e^{u²}(1 + erf u) du,   y = (V − μ)/σ
 *   ISI CV:   CV² = 2π(ντ)² ∫_{y_r}^{y_θ} e^{x²} ∫_{−∞}^{x} e^{y²}(1 + erf y)² dy dx
 *   Gain:     dν/dμ = ν² τ √π [f(y_θ) − f(y_r)] / σ,  f(u) = e^{u²}(1 + erf u) = erfcx(−u)
 *
 * The integrand is written with the scaled complementary error function erfcx, so nothing
 * overflows for the arguments that matter (|y| ≲ 25). Rates are returned in Hz.
 */
import stdlibErfcx from '@stdlib/math-base-special-erfcx';
import { integrate } from './quadrature';
import * as det from '../core/detMath';

/** Bound once: called ~10⁵ times per CV integral, and the unit tests' module runner otherwise looks the
 *  function up on the package's namespace object at every call (3× slower there; same numbers). */
const erfcx: (x: number) => number = stdlibErfcx;

/** Parameters of the white-noise LIF (mV, ms). */
export interface LifNoiseParams {
  /** Mean input μ (mV, from rest). */
  mu: number;
  /** Noise amplitude σ (mV; free-membrane standard deviation σ/√2). */
  sigma: number;
  /** Membrane time constant τ (ms). */
  tau_m: number;
  /** Threshold θ (mV). */
  v_th: number;
  /** Reset V_r (mV). */
  v_reset: number;
  /** Absolute refractory period τ_ref (ms). */
  t_ref: number;
}

/** e^{u²}(1 + erf u), finite for every u where the Siegert integral is finite. */
export function siegertIntegrand(u: number): number {
  return erfcx(-u);
}

/** Noise-free rate (Hz): zero below threshold, 1/(τ_ref + τ ln((μ−V_r)/(μ−θ))) above. */
function deterministicRate(p: LifNoiseParams): number {
  if (p.mu <= p.v_th) return 0;
  return 1000 / (p.t_ref + p.tau_m * det.log((p.mu - p.v_reset) / (p.mu - p.v_th)));
}

/** Mean first-passage time from V_r to θ without the refractory period (ms); Infinity if unreachable. */
export function siegertPassageTime(p: LifNoiseParams): number {
  if (p.sigma <= 0) {
    const r = deterministicRate(p);
    return r > 0 ? 1000 / r - p.t_ref : Infinity;
  }
  const yt = (p.v_th - p.mu) / p.sigma;
  const yr = (p.v_reset - p.mu) / p.sigma;
  // Beyond y ≈ 26 e^{y²} overflows: the rate is zero for any practical purpose.
  if (yt > 26) return Infinity;
  return p.tau_m * Math.sqrt(Math.PI) * integrate(siegertIntegrand, yr, yt, 1e-11);
}

/** Stationary firing rate ν (Hz). */
export function siegertRate(p: LifNoiseParams): number {
  const T = siegertPassageTime(p);
  return Number.isFinite(T) ? 1000 / (p.t_ref + T) : 0;
}

/** dν/dμ (Hz/mV), from differentiating the Siegert formula under the integral's limits. */
export function siegertGain(p: LifNoiseParams): number {
  const nu = siegertRate(p) / 1000; // 1/ms
  if (nu === 0 || p.sigma <= 0) return 0;
  const yt = (p.v_th - p.mu) / p.sigma;
  const yr = (p.v_reset - p.mu) / p.sigma;
  return 1000 * nu * nu * p.tau_m * Math.sqrt(Math.PI) * (siegertIntegrand(yt) - siegertIntegrand(yr)) / p.sigma;
}

/** Coefficient of variation of the interspike intervals (Brunel 2000, eq. A.13). */
export function siegertCv(p: LifNoiseParams): number {
  const nu = siegertRate(p) / 1000;
  if (nu === 0 || p.sigma <= 0) return 0;
  const yt = (p.v_th - p.mu) / p.sigma;
  const yr = (p.v_reset - p.mu) / p.sigma;
  // Inner integrand e^{y²}(1 + erf y)² = erfcx(−y)² e^{−y²}; below y = −10 it is < 1e-45.
  const inner = (y: number) => {
    const f = erfcx(-y);
    return f * f * det.exp(-y * y);
  };
  const lower = Math.min(-10, yr - 10);
  // Cumulative inner integral I(x) on the way up, so the outer integral reuses it.
  const outer = (x: number) => det.exp(x * x) * integrate(inner, lower, x, 1e-10);
  const cv2 = 2 * Math.PI * (nu * p.tau_m) ** 2 * integrate(outer, yr, yt, 1e-9);
  return Math.sqrt(cv2);
}
