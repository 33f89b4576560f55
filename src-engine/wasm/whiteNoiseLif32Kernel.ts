/**
 * The float32 path of the white-noise LIF/EIF group (stochastic/whiteNoiseIf.ts): its state in
 * WebAssembly memory and its step: the normals (whiteNoiseNormals32.wat, Box–Muller on four SIMD
 * lanes) and then the update (whiteNoiseLif32Kernel.wat, float32x4 SIMD). V, μ, the noise and bridge
 * factors are float32; ge, gi stay float64 (what projections write into); refractory counters and
 * the spike list are int32. Neuron i uses lane i mod 4 of sets of four xoshiro128** streams
 * (word k of lane j at 4k + j), part of the group's state and seeded from the group's own stream
 * by `seed` (core/rng.ts forks: murmur3 of the path, then splitmix32), so they depend only on the
 * run's seed and the group's name:
 *  - 'ring' (links of format 4 on): the neurons are cut into blocks (normalsRing.ts: at most 16,
 *    each a multiple of 16 neurons), each with four lanes for its normals (`lanes`, block b's lane
 *    j from rng.fork('normals' + b + '.' + j)) and four for its bridge draws (`uniformLanes`,
 *    rng.fork('uniform' + b + '.' + j)). A block's normals depend on nothing else, so the next
 *    steps' are computed ahead into a ring; a block's update depends on its own neurons and lanes
 *    only, so the blocks of a step can run on two threads (blockUpdate.ts). A helper thread, when
 *    the environment has installed one (normalsHelper.ts), does both; the results are the same bits.
 *  - 'lanes' (links of format 3): one block; the bridge draws continue the normals' lanes, as the
 *    float32 path first did, so such links replay spike for spike; nothing is computed ahead.
 * Memory (shared with the helper when this environment allows it, 'ring' only): the kernel's
 * arrays (48 bytes × np, np = n rounded up to 16), the lanes, the constants' table, bin's counts,
 * the update's and the ring's control words, the ring's stream states and slots.
 */
import type { Rng } from '../core/rng';
import { whiteNoiseLif32KernelSharedWasm, whiteNoiseLif32KernelWasm } from './whiteNoiseLif32Kernel.wasm';
import { whiteNoiseNormals32SharedWasm, whiteNoiseNormals32Wasm } from './whiteNoiseNormals32.wasm';
import { createMemory, instantiateOn, sharedMemoryAvailable } from './wasmApi';
import { BlockUpdate, UPDATE_CONTROL_BYTES, type IntegrateFn, type StepConstants, type UpdateJob } from './blockUpdate';
import { blockCount, blockSizeFor, CONTROL_BYTES, NormalsRing, ringBytes, STATE_WORDS, type NormalsFn, type NormalsJob } from './normalsRing';
import { askNormalsHelper } from './normalsHelper';
import type { EifConstants } from './whiteNoiseLifKernel';

type BinFn = (n: number, lo: number, w: number, bins: number, out: number) => void;

/** Where the normals' streams are (see the header). */
export type StreamLayout = 'ring' | 'lanes';

/** Slots of normals computed ahead. */
export const RING_SLOTS = 8;
/** Smaller groups are not worth a helper thread's wake-ups. */
export const HELPER_MIN_NEURONS = 2048;
const CONSTANTS_BYTES = 1024;
/** Room for `bin`'s counts: at most MAX_BINS bins and the one below them. */
export const MAX_BINS = 1023;

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
  /** The normals' lanes (see `lanes`). */
  private readonly laneWords: Int32Array;
  private isSeeded = false;
  /** The bridge draws' lanes ('ring'), or null ('lanes'). */
  readonly uniformLanes: Int32Array | null;
  /** The update's exports (the tests call exp1, the float32x4 exp). */
  readonly exports: Record<string, unknown>;
  private readonly run: IntegrateFn;
  private readonly binFn: BinFn;
  private readonly binCounts: Int32Array;
  private readonly normals: NormalsFn;
  private readonly ring: NormalsRing | null;
  private readonly update: BlockUpdate | null;
  private readonly updateJob: UpdateJob | null;
  private readonly np: number;
  private readonly buffer: ArrayBuffer;
  /** Byte addresses: the lanes, the uniform lanes, the constants' table, the last step's deviates. */
  private readonly lanesAt: number;
  private readonly uniformAt: number;
  private readonly constantsAt: number;
  private lastZ: number;
  /** The step's constants, for the block update (one object, reused). */
  private readonly constants: StepConstants = { a: 0, vth: 0, vr: 0, refSteps: 0, inputs: false, eif: false, k: 0, dT: 1, vT: 0 };

  constructor(readonly size: number, readonly layout: StreamLayout = 'ring') {
    const np = (this.np = (size + 15) & ~15); // padded to 16 neurons, as the kernel's layout
    const ringLayout = layout === 'ring';
    const blockSize = ringLayout ? blockSizeFor(np) : np;
    const blocks = blockCount(np, blockSize);
    // Layout: the arrays (48·np bytes), the normals' lanes, the bridge draws' lanes (one set per
    // block; 'lanes': the same words), the constants' table, bin's counts, the update's and the
    // ring's control words, the ring's states and slots.
    this.lanesAt = 48 * np;
    this.uniformAt = ringLayout ? this.lanesAt + 4 * STATE_WORDS * blocks : this.lanesAt;
    this.constantsAt = this.uniformAt + 4 * STATE_WORDS * blocks;
    const binAt = this.constantsAt + CONSTANTS_BYTES;
    const updateAt = binAt + 4 * (MAX_BINS + 1);
    const ringAt = updateAt + UPDATE_CONTROL_BYTES;
    const stateAt = ringAt + CONTROL_BYTES;
    const slotsAt = stateAt + 4 * STATE_WORDS * (1 + RING_SLOTS) * blocks;
    const bytes = ringLayout ? stateAt + ringBytes(np, blockSize, RING_SLOTS) : ringAt;
    // Shared (when threads can share memory here) so that a helper thread can work on it.
    const shared = ringLayout && sharedMemoryAvailable();
    const memory = createMemory(bytes, shared);
    this.exports = instantiateOn(shared ? whiteNoiseLif32KernelSharedWasm : whiteNoiseLif32KernelWasm, memory);
    this.normals = instantiateOn(shared ? whiteNoiseNormals32SharedWasm : whiteNoiseNormals32Wasm, memory).normals as NormalsFn;
    this.run = this.exports.integrate as IntegrateFn;
    this.binFn = this.exports.bin as BinFn;
    const buffer = (this.buffer = memory.buffer);
    this.binCounts = new Int32Array(buffer, binAt, MAX_BINS + 1);
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
    this.laneWords = new Int32Array(buffer, this.lanesAt, STATE_WORDS * blocks);
    this.uniformLanes = ringLayout ? new Int32Array(buffer, this.uniformAt, STATE_WORDS * blocks) : null;
    (this.exports.setup as (k: number) => void)(this.constantsAt);
    this.lastZ = 24 * np; // 'lanes' draws into the kernel's own z array
    if (ringLayout) {
      const job: NormalsJob = { memory, np, blockSize, slotCount: RING_SLOTS, control: ringAt, state: stateAt, slots: slotsAt, constants: this.constantsAt };
      const ring = (this.ring = new NormalsRing(job, this.normals));
      this.updateJob = { n: size, np, blockSize, blocks, control: updateAt, uniform: this.uniformAt, spikes: 20 * np };
      this.update = new BlockUpdate(this.updateJob, buffer, this.run, () => ring.wakeProducer());
    } else {
      this.ring = this.update = this.updateJob = null;
    }
  }

  /** Every neuron's N(0,1) of the last step (drawn for all, refractory or not). */
  get zOut(): Float32Array {
    return new Float32Array(this.buffer, this.lastZ, this.size);
  }

  /**
   * The histogram of V over the non-refractory neurons (the kernel's `bin`): entry b counts
   * floor((V − lo)/w) = b for b < bins, entry `bins` counts V below lo. A view, valid until the next call.
   */
  bin(lo: number, w: number, bins: number): Int32Array {
    if (!(bins >= 1 && bins <= MAX_BINS)) throw new Error(`bins must be in [1, ${MAX_BINS}]`);
    this.binFn(this.size, lo, w, bins, this.binCounts.byteOffset);
    return this.binCounts.subarray(0, bins + 1);
  }

  /** Blocks of normals a helper thread has filled for this group (0 without one, or with 'lanes'). */
  get helpedSlots(): number {
    return this.ring?.helped ?? 0;
  }

  /** Blocks of the update a helper thread has run for this group. */
  get helpedUpdates(): number {
    return this.update?.helped ?? 0;
  }

  /** The normals' lanes after the last step, 16 words per block (all zero until seeded); 'lanes': one block, also the bridge draws'. */
  get lanes(): Int32Array {
    this.ring?.readLanes(this.laneWords);
    return this.laneWords;
  }

  /** Whether the lanes hold a state (a lane of four zero words would be stuck at zero). */
  get seeded(): boolean {
    return this.isSeeded;
  }

  /** The lanes from rng's forks (see the header); rng itself does not advance. */
  seed(rng: Rng): void {
    const fill = (into: Int32Array, at: number, path: (j: number) => string) => {
      for (let j = 0; j < LANES; j++) {
        const s = rng.fork(path(j)).getState().s;
        for (let k = 0; k < 4; k++) into[at + k * LANES + j] = s[k] | 0;
      }
    };
    if (!this.uniformLanes) fill(this.laneWords, 0, (j) => `lane${j}`);
    else {
      for (let b = 0; b < this.laneWords.length / STATE_WORDS; b++) {
        fill(this.laneWords, b * STATE_WORDS, (j) => `normals${b}.${j}`);
        fill(this.uniformLanes, b * STATE_WORDS, (j) => `uniform${b}.${j}`);
      }
    }
    this.restartRing();
  }

  /** Sets the lanes (from a snapshot); normals computed ahead are dropped. */
  setLanes(lanes: Int32Array, uniformLanes: Int32Array | undefined): void {
    this.laneWords.set(lanes);
    if (this.uniformLanes) this.uniformLanes.set(uniformLanes!);
    this.restartRing();
  }

  private restartRing(): void {
    this.isSeeded = this.laneWords.some((w) => w !== 0);
    if (!this.ring) return;
    this.ring.reset(this.laneWords);
    if (this.size >= HELPER_MIN_NEURONS) askNormalsHelper(this.ring, this.updateJob);
  }

  /**
   * One step of every neuron; returns the number of spikes (ascending ids). `inputs`: add and
   * clear ge + gi (false: they are neither read nor written). `eif`: the EIF's Euler–Maruyama step.
   */
  integrate(a: number, vth: number, vr: number, refSteps: number, inputs: boolean, eif: EifConstants | null): number {
    const ring = this.ring, update = this.update;
    if (!ring || !update) {
      this.normals(this.np, this.lastZ, this.lanesAt, this.constantsAt);
      return this.run(this.size, a, vth, vr, refSteps, inputs ? 1 : 0, eif ? 1 : 0, eif?.k ?? 0, eif?.dT ?? 1, eif?.vT ?? 0, this.lastZ, this.uniformAt, 0, this.size, 0);
    }
    const c = this.constants;
    c.a = a; c.vth = vth; c.vr = vr; c.refSteps = refSteps; c.inputs = inputs; c.eif = eif !== null;
    c.k = eif?.k ?? 0; c.dT = eif?.dT ?? 1; c.vT = eif?.vT ?? 0;
    this.lastZ = ring.take();
    const count = update.step(c, this.lastZ);
    ring.finish();
    return count;
  }
}
