/**
 * The float32 path of the white-noise LIF/EIF group (stochastic/whiteNoiseIf.ts): its state in
 * WebAssembly memory and its step (whiteNoiseLif32Kernel.wat, float32x4 SIMD: Box–Muller normals
 * on four lanes, then the update four neurons at a time). V, μ, the noise and bridge factors are float32; ge, gi stay float64 (what
 * projections write into); refractory counters and the spike list are int32. Neuron i draws from
 * lane i mod 4: four xoshiro128** streams whose words (`lanes`, word k of lane j at 4k + j) are
 * part of the group's state. They are seeded from the group's own stream by `seed`: lane j takes
 * the words of rng.fork('lane' + j) (core/rng.ts: murmur3 of the path, then splitmix32), so they
 * depend only on the run's seed and the group's name.
 */
import type { Rng } from '../core/rng';
import { whiteNoiseLif32KernelWasm } from './whiteNoiseLif32Kernel.wasm';
import { instantiate } from './wasmApi';
import type { EifConstants } from './whiteNoiseLifKernel';

type IntegrateFn = (n: number, a: number, vth: number, vr: number, refSteps: number, inputs: number,
  eif: number, k: number, dT: number, vT: number) => number;

/** Lanes of the kernel's SIMD vectors (neuron i uses lane i mod LANES). */
export const LANES = 4;

export class WhiteNoiseLif32Kernel {
  readonly v: Float32Array;
  readonly mu: Float32Array;
  readonly noiseSd: Float32Array;
  readonly bridgeK: Float32Array;
  readonly refr: Int32Array;
  readonly spikes: Int32Array;
  /** Every neuron's N(0,1) of the last step (drawn for all, refractory or not). */
  readonly zOut: Float32Array;
  readonly ge: Float64Array;
  readonly gi: Float64Array;
  /** The lanes' xoshiro128** words (all zero until seeded). */
  readonly lanes: Int32Array;
  /** The kernel's exports (the tests call exp4, the float32x4 exp). */
  readonly exports: Record<string, unknown>;
  private readonly run: IntegrateFn;

  constructor(readonly size: number) {
    const np = (size + 15) & ~15; // padded to 16 neurons, as the kernel's layout
    const { exports, buffer } = instantiate(whiteNoiseLif32KernelWasm, 48 * np + 64 + 1024);
    this.exports = exports;
    this.run = exports.integrate as IntegrateFn;
    const f32 = (k: number) => new Float32Array(buffer, k * 4 * np, size);
    this.v = f32(0);
    this.mu = f32(1);
    this.noiseSd = f32(2);
    this.bridgeK = f32(3);
    this.refr = new Int32Array(buffer, 16 * np, size);
    this.spikes = new Int32Array(buffer, 20 * np, size);
    this.zOut = f32(6);
    this.ge = new Float64Array(buffer, 32 * np, size);
    this.gi = new Float64Array(buffer, 40 * np, size);
    // Padding neurons (size..np): V = μ = σ = 0 and K = ∞ never cross (their spikes are also dropped).
    new Float32Array(buffer, 12 * np, np).fill(Infinity, size);
    this.lanes = new Int32Array(buffer, 48 * np, 4 * LANES);
    (exports.setup as (n: number) => void)(size); // writes the constants' table after the lanes
  }

  /** Whether the lanes hold a state (a lane of four zero words would be stuck at zero). */
  get seeded(): boolean {
    return this.lanes.some((w) => w !== 0);
  }

  /** Lane j ← the words of rng.fork('lane' + j); rng itself does not advance. */
  seed(rng: Rng): void {
    for (let j = 0; j < LANES; j++) {
      const s = rng.fork(`lane${j}`).getState().s;
      for (let k = 0; k < 4; k++) this.lanes[k * LANES + j] = s[k] | 0;
    }
  }

  /**
   * One step of every neuron; returns the number of spikes (ascending ids). `inputs`: add and
   * clear ge + gi (false: they are neither read nor written). `eif`: the EIF's Euler–Maruyama step.
   */
  integrate(a: number, vth: number, vr: number, refSteps: number, inputs: boolean, eif: EifConstants | null): number {
    return this.run(this.size, a, vth, vr, refSteps, inputs ? 1 : 0, eif ? 1 : 0, eif?.k ?? 0, eif?.dT ?? 1, eif?.vT ?? 0);
  }
}
