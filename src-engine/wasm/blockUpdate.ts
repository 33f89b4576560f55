/**
 * The float32 white-noise group's update, shared block by block between the stepping thread and
 * the helper (normalsHelper.ts). Each block of neurons (normalsRing.ts' blocks) has its own four
 * streams for the bridge draws, so block b's update depends on block b alone and gives the same
 * bits whichever thread runs it. Per step the stepping thread publishes the step (its constants
 * and a tag t), claims blocks from the bottom, the helper from the top; a block is claimed by
 * compare-and-swap of its word from 2t (free at step t) to 2t + 1, so each block runs once, and a
 * helper still looking at an older step fails its claim. The stepping thread then waits only for
 * blocks the helper is running (a few µs), and puts the blocks' spike lists together in order
 * (each block writes its spikes from spikes[start of block]). Without a helper, or while it
 * sleeps, the stepping thread runs every block itself.
 *
 * Control (Int32 words at `control`): GO (the tag of the published step), then per block b:
 * CLAIM_b, DONE_b (t once the helper has run block b of step t), COUNT_b (its spikes); then the
 * step's constants (a, θ, V_r, k, Δ_T, V_T as float32; refSteps, inputs, eif, zp as int32); then
 * HELPED (blocks the helper has run, for the tests and diagnostics).
 */
import { MAX_BLOCKS, STATE_WORDS } from './normalsRing';

const GO = 0, CLAIM0 = 1, DONE0 = CLAIM0 + MAX_BLOCKS, COUNT0 = DONE0 + MAX_BLOCKS, PARAMS = COUNT0 + MAX_BLOCKS, HELPED = PARAMS + 10;
export const UPDATE_CONTROL_BYTES = 4 * (HELPED + 2);
/** Busy-wait this many checks for a block the helper runs before sleeping on it. */
const SPIN = 4000;

/** whiteNoiseLif32Kernel.wat's `integrate`. */
export type IntegrateFn = (n: number, a: number, vth: number, vr: number, refSteps: number, inputs: number,
  eif: number, k: number, dT: number, vT: number, zp: number, up: number, start: number, end: number, sbase: number) => number;

/** Where the update's control words and arrays lie (in the kernel's memory). */
export interface UpdateJob {
  readonly n: number;
  readonly np: number;
  readonly blockSize: number;
  readonly blocks: number;
  readonly control: number;
  /** Block 0's bridge-draw lanes (block b's at + 4·STATE_WORDS·b); the spikes array. */
  readonly uniform: number;
  readonly spikes: number;
}

/** The step's constants. */
export interface StepConstants {
  a: number; vth: number; vr: number; refSteps: number; inputs: boolean; eif: boolean; k: number; dT: number; vT: number;
}

const runBlock = (job: UpdateJob, run: IntegrateFn, f: Float32Array, w: Int32Array, b: number): number => {
  const start = b * job.blockSize, end = Math.min(start + job.blockSize, job.n);
  const p = PARAMS;
  return run(job.n, f[p], f[p + 1], f[p + 2], w[p + 6], w[p + 7], w[p + 8], f[p + 3], f[p + 4], f[p + 5], w[p + 9],
    job.uniform + 4 * STATE_WORDS * b, start, end, start);
};

/** The stepping thread's side. */
export class BlockUpdate {
  private readonly ctl: Int32Array;
  private readonly f: Float32Array;
  private readonly spikes: Int32Array;
  private readonly own: Uint8Array;
  private tag = 0;

  constructor(private readonly job: UpdateJob, buffer: ArrayBuffer, private readonly run: IntegrateFn, private readonly wake: () => void) {
    this.ctl = new Int32Array(buffer, job.control, UPDATE_CONTROL_BYTES / 4);
    this.f = new Float32Array(buffer, job.control, UPDATE_CONTROL_BYTES / 4);
    this.spikes = new Int32Array(buffer, job.spikes, job.np);
    this.own = new Uint8Array(job.blocks);
  }

  /** Blocks the helper has run so far. */
  get helped(): number {
    return Atomics.load(this.ctl, HELPED);
  }

  /** One step of every block (deviates at zp); returns the spike count, the ids ascending in spikes[0..count). */
  step(c: StepConstants, zp: number): number {
    const ctl = this.ctl, f = this.f, job = this.job, blocks = job.blocks;
    const t = (this.tag = (this.tag + 1) & 0x3fffffff);
    for (let b = 0; b < blocks; b++) Atomics.store(ctl, CLAIM0 + b, 2 * t);
    f[PARAMS] = c.a; f[PARAMS + 1] = c.vth; f[PARAMS + 2] = c.vr; f[PARAMS + 3] = c.k; f[PARAMS + 4] = c.dT; f[PARAMS + 5] = c.vT;
    ctl[PARAMS + 6] = c.refSteps; ctl[PARAMS + 7] = c.inputs ? 1 : 0; ctl[PARAMS + 8] = c.eif ? 1 : 0; ctl[PARAMS + 9] = zp;
    Atomics.store(ctl, GO, t);
    this.wake();
    this.own.fill(0);
    for (let b = 0; b < blocks; b++) {
      if (Atomics.compareExchange(ctl, CLAIM0 + b, 2 * t, 2 * t + 1) !== 2 * t) break; // the helper has the rest
      ctl[COUNT0 + b] = runBlock(job, this.run, f, ctl, b);
      this.own[b] = 1;
    }
    let count = 0;
    for (let b = 0; b < blocks; b++) {
      if (!this.own[b]) {
        for (let spins = 0; Atomics.load(ctl, DONE0 + b) !== t; spins++) {
          if (spins > SPIN) Atomics.wait(ctl, DONE0 + b, Atomics.load(ctl, DONE0 + b), 2);
        }
      }
      const start = b * job.blockSize, k = Atomics.load(ctl, COUNT0 + b);
      if (start !== count && k > 0) this.spikes.copyWithin(count, start, start + k);
      count += k;
    }
    return count;
  }
}

/** The helper's side: runs the blocks of the published step it can claim, from the top down. */
export class UpdateHelper {
  private readonly ctl: Int32Array;
  private readonly f: Float32Array;
  private seen = 0;

  constructor(private readonly job: UpdateJob, buffer: ArrayBuffer, private readonly run: IntegrateFn) {
    this.ctl = new Int32Array(buffer, job.control, UPDATE_CONTROL_BYTES / 4);
    this.f = new Float32Array(buffer, job.control, UPDATE_CONTROL_BYTES / 4);
  }

  /** Whether a step was published since the last look (then the helper should not sleep). */
  get pending(): boolean {
    return Atomics.load(this.ctl, GO) !== this.seen;
  }

  /** Runs what it can claim of the published step; returns whether it ran any block. */
  help(): boolean {
    const ctl = this.ctl, t = Atomics.load(ctl, GO);
    if (t === this.seen) return false;
    this.seen = t;
    let ran = false;
    for (let b = this.job.blocks - 1; b >= 0; b--) {
      if (Atomics.compareExchange(ctl, CLAIM0 + b, 2 * t, 2 * t + 1) !== 2 * t) break; // the stepping thread has the rest
      Atomics.store(ctl, COUNT0 + b, runBlock(this.job, this.run, this.f, ctl, b));
      Atomics.store(ctl, DONE0 + b, t);
      Atomics.notify(ctl, DONE0 + b);
      Atomics.add(ctl, HELPED, 1);
      ran = true;
    }
    return ran;
  }
}
