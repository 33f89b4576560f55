/**
 * The float32 LIF group's state in WebAssembly memory and its SIMD step (lifKernel32.wat, eight
 * neurons per iteration): V, ge, gi (float32), each neuron's last refractory step `until` and the
 * spike list (int32) are typed-array views of one memory per group, at the fixed offsets the
 * kernel addresses. The step's constants (c = E_L·(1 − a_m), a_m, a_e, a_i, k_e, k_i, θ, V_r) sit
 * at the start of that memory, rounded to float32 once when they change, not passed per step.
 */
import { lifKernel32Wasm } from './lifKernel32.wasm';
import { instantiate } from './wasmApi';
import type { LifStepConstants } from './lifKernel';

type IntegrateFn = (endByte: number, step: number, refSteps: number) => number;

/** Every FLUSH_EVERY steps, currents below 2^−100 mV are set to zero (lifKernel32.wat: subnormals are slow). */
export const FLUSH_EVERY = 16;

const MiB = 1 << 20;
/** Byte offsets of the arrays (lifKernel32.wat's header). */
const V = MiB, GE = 2 * MiB + 64, GI = 3 * MiB + 128, UNTIL = 4 * MiB + 192, SPIKES = 5 * MiB + 256;
/** The most neurons one group holds at these offsets (1 MiB per array, padded to 8). */
export const LIF32_MAX_NEURONS = (MiB - 256) / 4;

export class LifKernel32 {
  readonly v: Float32Array;
  readonly ge: Float32Array;
  readonly gi: Float32Array;
  /** The last step of each neuron's refractory period (−1: none yet). */
  readonly until: Int32Array;
  readonly spikes: Int32Array;
  private readonly endByte: number;
  private readonly consts: Float32Array;
  private readonly run: IntegrateFn;
  private readonly flush: (endByte: number) => void;

  constructor(readonly size: number) {
    if (size > LIF32_MAX_NEURONS) throw new Error(`a float32 LIF group holds at most ${LIF32_MAX_NEURONS} neurons, not ${size}`);
    const padded = Math.max(8, Math.ceil(size / 8) * 8);
    this.endByte = padded * 4;
    const { exports, buffer } = instantiate(lifKernel32Wasm, SPIKES + padded * 4);
    this.run = exports.integrate as IntegrateFn;
    this.flush = exports.flush as (endByte: number) => void;
    this.consts = new Float32Array(buffer, 0, 32);
    this.v = new Float32Array(buffer, V, size);
    this.ge = new Float32Array(buffer, GE, size);
    this.gi = new Float32Array(buffer, GI, size);
    this.until = new Int32Array(buffer, UNTIL, size).fill(-1);
    this.spikes = new Int32Array(buffer, SPIKES, size);
    // Padding neurons sit at −∞ and stay refractory for good, so they never spike.
    new Float32Array(buffer, V, padded).fill(-Infinity, size);
    new Int32Array(buffer, UNTIL, padded).fill(0x7fffffff, size);
  }

  /** Sets the step's constants (float64 propagators, rounded to float32 here). */
  setConstants(c: LifStepConstants): void {
    const values = [c.el * (1 - c.am), c.am, c.ae, c.ai, c.ke, c.ki, c.vth, c.vr];
    for (let k = 0; k < values.length; k++) this.consts.fill(values[k], 4 * k, 4 * k + 4);
  }

  /** Step `step` for every neuron (refractory while step ≤ until), after flushing tiny currents every FLUSH_EVERY steps; returns the number of spikes written to `spikes` (ascending ids). */
  integrate(step: number, refSteps: number): number {
    if (step % FLUSH_EVERY === 0) this.flush(this.endByte);
    return this.run(this.endByte, step, refSteps);
  }
}
