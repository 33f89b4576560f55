/**
 * The float32 path of the white-noise LIF/EIF group (stochastic/whiteNoiseIf.ts): its state in
 * WebAssembly memory and its step: the normals (whiteNoiseNormals32.wat, Box–Muller on four SIMD
 * lanes) and then the update (whiteNoiseLif32Kernel.wat, float32x4 SIMD). V, μ, the noise and bridge
 * factors are float32; ge, gi stay float64 (what projections write into); refractory counters and
 * the spike list are int32. Neuron i uses lane i mod 4 of two sets of four xoshiro128** streams
 * (word k of lane j at 4k + j), part of the group's state and seeded from the group's own stream
 * by `seed` (core/rng.ts forks: murmur3 of the path, then splitmix32), so they depend only on the
 * run's seed and the group's name:
 *  - 'ring' (links of format 4 on): the normals' lanes (`lanes`, from rng.fork('lane' + j)) are
 *    used by nothing else, so the normals of the next steps are computed ahead into a ring
 *    (normalsRing.ts), by a helper thread when the environment has installed one
 *    (normalsHelper.ts); the bridge draws use lanes of their own (`uniformLanes`, rng.fork('uniform' + j)).
 *  - 'lanes' (links of format 3): the bridge draws continue the normals' lanes, as the float32
 *    path first did, so such links replay spike for spike; nothing is computed ahead.
 * Memory: the kernel's arrays (48 bytes × np, np = n rounded up to 16), the lanes, the ring's
 * control words, its streams' state and records, the constants' table, then the ring's slots.
 */
import type { Rng } from '../core/rng';
import { whiteNoiseLif32KernelSharedWasm, whiteNoiseLif32KernelWasm } from './whiteNoiseLif32Kernel.wasm';
import { whiteNoiseNormals32SharedWasm, whiteNoiseNormals32Wasm } from './whiteNoiseNormals32.wasm';
import { createMemory, instantiateOn, sharedMemoryAvailable } from './wasmApi';
import { CONTROL_BYTES, NormalsRing, STATE_WORDS, type NormalsFn, type NormalsJob } from './normalsRing';
import { askNormalsHelper } from './normalsHelper';
import type { EifConstants } from './whiteNoiseLifKernel';

type IntegrateFn = (n: number, a: number, vth: number, vr: number, refSteps: number, inputs: number,
  eif: number, k: number, dT: number, vT: number, zp: number, up: number) => number;

/** Where the normals' streams are (see the header). */
export type StreamLayout = 'ring' | 'lanes';

/** Slots of normals computed ahead. */
export const RING_SLOTS = 8;
/** Smaller groups are not worth a helper thread's wake-ups. */
export const HELPER_MIN_NEURONS = 2048;
const CONSTANTS_BYTES = 1024;

/** Lanes of the kernel's SIMD vectors (neuron i uses lane i mod LANES). */
export const LANES = 4;

export class WhiteNoiseLif32Kernel {
  readonly v: Float32Array;
  readonly mu: Float32Array;
  readonly noiseSd: Float32Array;
  readonly bridgeK: Float32Array;
  readonly refr: Int32Array;
  readonly spikes: Int32Array;
  readonly ge: Float64Array;
  readonly gi: Float64Array;
  /** The normals' lanes after the last step (all zero until seeded); 'lanes': also the bridge draws'. */
  readonly lanes: Int32Array;
  /** The bridge draws' lanes ('ring'), or null ('lanes'). */
  readonly uniformLanes: Int32Array | null;
  /** The update's exports (the tests call exp1, the float32x4 exp). */
  readonly exports: Record<string, unknown>;
  private readonly run: IntegrateFn;
  private readonly normals: NormalsFn;
  private readonly ring: NormalsRing | null;
  private readonly np: number;
  private readonly buffer: ArrayBuffer;
  /** Byte addresses: the lanes, the uniform lanes, the constants' table, the last step's normals. */
  private readonly lanesAt: number;
  private readonly uniformAt: number;
  private readonly constantsAt: number;
  private lastZ: number;

  constructor(readonly size: number, readonly layout: StreamLayout = 'ring') {
    const np = (this.np = (size + 15) & ~15); // padded to 16 neurons, as the kernel's layout
    const ringAt = 48 * np + 2 * 4 * STATE_WORDS;
    const ringStateAt = ringAt + CONTROL_BYTES;
    this.constantsAt = ringStateAt + 4 * STATE_WORDS * (1 + RING_SLOTS);
    const slotsAt = this.constantsAt + CONSTANTS_BYTES;
    const shared = layout === 'ring' && sharedMemoryAvailable();
    const memory = createMemory(slotsAt + (layout === 'ring' ? 4 * np * RING_SLOTS : 0), shared);
    this.exports = instantiateOn(shared ? whiteNoiseLif32KernelSharedWasm : whiteNoiseLif32KernelWasm, memory);
    this.normals = instantiateOn(shared ? whiteNoiseNormals32SharedWasm : whiteNoiseNormals32Wasm, memory).normals as NormalsFn;
    this.run = this.exports.integrate as IntegrateFn;
    const buffer = (this.buffer = memory.buffer);
    const f32 = (k: number) => new Float32Array(buffer, k * 4 * np, size);
    this.v = f32(0);
    this.mu = f32(1);
    this.noiseSd = f32(2);
    this.bridgeK = f32(3);
    this.refr = new Int32Array(buffer, 16 * np, size);
    this.spikes = new Int32Array(buffer, 20 * np, size);
    this.ge = new Float64Array(buffer, 32 * np, size);
    this.gi = new Float64Array(buffer, 40 * np, size);
    // Padding neurons (size..np): V = μ = σ = 0 and K = ∞ never cross (their spikes are also dropped).
    new Float32Array(buffer, 12 * np, np).fill(Infinity, size);
    this.lanesAt = 48 * np;
    this.uniformAt = layout === 'ring' ? this.lanesAt + 4 * STATE_WORDS : this.lanesAt;
    this.lanes = new Int32Array(buffer, this.lanesAt, STATE_WORDS);
    this.uniformLanes = layout === 'ring' ? new Int32Array(buffer, this.uniformAt, STATE_WORDS) : null;
    this.lastZ = 24 * np; // 'lanes' draws into the kernel's own z array
    const job: NormalsJob = { memory, np, slotCount: RING_SLOTS, control: ringAt, state: ringStateAt, slots: slotsAt, constants: this.constantsAt };
    this.ring = layout === 'ring' ? new NormalsRing(job, this.normals) : null;
    (this.exports.setup as (k: number) => void)(this.constantsAt);
  }

  /** Every neuron's N(0,1) of the last step (drawn for all, refractory or not). */
  get zOut(): Float32Array {
    return new Float32Array(this.buffer, this.lastZ, this.size);
  }

  /** Slots of normals a helper thread has filled for this group (0 without one, or with 'lanes'). */
  get helpedSlots(): number {
    return this.ring?.helped ?? 0;
  }

  /** Whether the lanes hold a state (a lane of four zero words would be stuck at zero). */
  get seeded(): boolean {
    return this.lanes.some((w) => w !== 0);
  }

  /** Lane j ← the words of rng.fork('lane' + j) (and of rng.fork('uniform' + j)); rng itself does not advance. */
  seed(rng: Rng): void {
    const fill = (into: Int32Array, prefix: string) => {
      for (let j = 0; j < LANES; j++) {
        const s = rng.fork(`${prefix}${j}`).getState().s;
        for (let k = 0; k < 4; k++) into[k * LANES + j] = s[k] | 0;
      }
    };
    fill(this.lanes, 'lane');
    if (this.uniformLanes) fill(this.uniformLanes, 'uniform');
    this.restartRing();
  }

  /** Sets the lanes (from a snapshot); normals computed ahead are dropped. */
  setLanes(lanes: Int32Array, uniformLanes: Int32Array | undefined): void {
    this.lanes.set(lanes);
    if (this.uniformLanes) this.uniformLanes.set(uniformLanes!);
    this.restartRing();
  }

  private restartRing(): void {
    if (!this.ring) return;
    this.ring.reset(this.lanes);
    if (this.size >= HELPER_MIN_NEURONS) askNormalsHelper(this.ring);
  }

  /**
   * One step of every neuron; returns the number of spikes (ascending ids). `inputs`: add and
   * clear ge + gi (false: they are neither read nor written). `eif`: the EIF's Euler–Maruyama step.
   */
  integrate(a: number, vth: number, vr: number, refSteps: number, inputs: boolean, eif: EifConstants | null): number {
    const ring = this.ring;
    if (ring) this.lastZ = ring.take();
    else this.normals(this.np, this.lastZ, this.lanesAt, this.constantsAt);
    const count = this.run(this.size, a, vth, vr, refSteps, inputs ? 1 : 0, eif ? 1 : 0, eif?.k ?? 0, eif?.dT ?? 1, eif?.vT ?? 0, this.lastZ, this.uniformAt);
    ring?.finish(this.lanes);
    return count;
  }
}
