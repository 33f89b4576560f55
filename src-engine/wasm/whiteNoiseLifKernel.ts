/**
 * The white-noise LIF/EIF group's state in WebAssembly memory and its step (whiteNoiseLifKernel.wat),
 * used by stochastic/whiteNoiseIf.ts. V, μ, the noise and bridge factors, ge, gi (float64), the
 * refractory counters and the spike list (int32) are typed-array views of one memory per group, as are the common-random-number map and the
 * shared deviates. The kernel draws from the run's Rng (its four words go in and come back out) in
 * the order of the scalar code, with the same ziggurat tables, so spikes, state and the generator's
 * stream are identical to it.
 */
import type { Rng } from '../core/rng';
import { ZIG_LAYERS, ZIG_RATIO, ZIG_X } from '../core/ziggurat';
import { whiteNoiseLifKernelWasm } from './whiteNoiseLifKernel.wasm';
import { instantiate } from './wasmApi';
import * as det from '../core/detMath';

type IntegrateFn = (n: number, base: number, a: number, vth: number, vr: number, refSteps: number, w0: number, w1: number, w2: number, w3: number, shared: number,
  eif: number, k: number, dT: number, vT: number) => number;

/** The EIF's step constants (stochastic/whiteNoiseIf.ts): k = dt/τ, Δ_T, V_T. */
export interface EifConstants { k: number; dT: number; vT: number }

export class WhiteNoiseLifKernel {
  readonly v: Float64Array;
  readonly mu: Float64Array;
  readonly noiseSd: Float64Array;
  readonly bridgeK: Float64Array;
  readonly ge: Float64Array;
  readonly gi: Float64Array;
  readonly refr: Int32Array;
  readonly spikes: Int32Array;
  /** Common random numbers: neuron i takes the deviates drawn for noiseSource[i] (see integrate). */
  readonly noiseSource: Int32Array;
  readonly sharedNormal: Float64Array;
  readonly sharedUniform: Float64Array;
  private readonly run: IntegrateFn;
  private readonly words: Int32Array;

  constructor(readonly size: number) {
    const even = size + (size & 1);
    const stride = even * 8;
    const tables = stride * 6 + even * 8; // after the six float64 and two int32 arrays
    const shared = tables + (ZIG_LAYERS + 1) * 8 + ZIG_LAYERS * 8 + 16;
    const bytes = shared + even * 4 + 2 * stride;
    const { exports, buffer } = instantiate(whiteNoiseLifKernelWasm, bytes, { exp: det.exp, log: det.log });
    this.run = exports.integrate as IntegrateFn;
    const f64 = (k: number) => new Float64Array(buffer, k * stride, size);
    this.v = f64(0);
    this.mu = f64(1);
    this.noiseSd = f64(2);
    this.bridgeK = f64(3);
    this.ge = f64(4);
    this.gi = f64(5);
    this.refr = new Int32Array(buffer, 6 * stride, size);
    this.spikes = new Int32Array(buffer, 6 * stride + even * 4, size);
    new Float64Array(buffer, tables, ZIG_LAYERS + 1).set(ZIG_X);
    new Float64Array(buffer, tables + (ZIG_LAYERS + 1) * 8, ZIG_LAYERS).set(ZIG_RATIO);
    this.words = new Int32Array(buffer, tables + (2 * ZIG_LAYERS + 1) * 8, 4);
    this.noiseSource = new Int32Array(buffer, shared, size);
    this.sharedNormal = new Float64Array(buffer, shared + even * 4, size);
    this.sharedUniform = new Float64Array(buffer, shared + even * 4 + stride, size);
  }

  /**
   * One step of every neuron, drawing from `rng`; returns the number of spikes (ascending ids).
   * `shared`: common random numbers — first each source neuron (noiseSource[i] = i), in order, draws
   * a normal then a uniform into sharedNormal/sharedUniform; then every neuron uses its source's.
   * `eif`: the EIF's Euler–Maruyama step instead of the LIF's exact one.
   */
  integrate(rng: Rng, a: number, vth: number, vr: number, refSteps: number, shared = false, eif: EifConstants | null = null): number {
    const st = rng.getState();
    const [w0, w1, w2, w3] = st.s;
    const count = this.run(this.size, 0, a, vth, vr, refSteps, w0, w1, w2, w3, shared ? 1 : 0, eif ? 1 : 0, eif?.k ?? 0, eif?.dT ?? 0, eif?.vT ?? 0);
    const w = this.words;
    st.s = [w[0] >>> 0, w[1] >>> 0, w[2] >>> 0, w[3] >>> 0];
    rng.setState(st);
    return count;
  }
}
