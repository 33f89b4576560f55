/**
 * A ring of normal deviates computed ahead: the float32 white-noise group's N(0,1) per neuron and
 * step (wasm/whiteNoiseNormals32.wat) depend only on their own streams, not on the network, so
 * another thread can fill the next steps' slots while this one runs the update. The neurons are
 * cut into blocks (at most MAX_BLOCKS, each a multiple of 16 neurons) with four streams each, so a
 * slot is filled block by block: the helper thread runs ahead, and when it falls behind, the
 * stepping thread fills the blocks the helper has not reached (the two share the work). Whoever
 * fills block b of slot k computes it from block b's stream state after slot k − 1, so the
 * deviates, and the run, are the same bits with or without the helper, on any machine.
 *
 * Memory (in the group's WebAssembly memory, on a SharedArrayBuffer when threads can share it):
 *  - control words (Int32): C slots consumed since the last reset; SERVING (the token of the
 *    helper job allowed to serve this ring: a helper whose job carries another token leaves); WAKE (a doorbell the helper sleeps on); SLEEPING; WAITING (the stepping thread sleeps
 *    on a block's count); HELPED (blocks the helper has filled); per block b, P_b (slots of block b
 *    filled) and LOCK_b (held while block b is filled, so each block's slots are filled in order);
 *  - per block, its streams' state (16 words: word k of lane j at 4k + j), advanced by each fill,
 *    then one record per slot: the state after that fill (what a snapshot after the step holds);
 *  - R slots of np float32 deviates.
 * Slot k lives at k mod R. The helper fills while P_b − C < R − 1 (so the record of the slot taken
 * last stays for readLanes) and sleeps once every block is more than half a ring ahead, until the
 * stepping thread has taken enough (one wake-up per few steps, not per step).
 */

/** Control word indices; P_b at P0 + b, LOCK_b at LOCK0 + b. */
const C = 0, SERVING = 1, WAKE = 2, SLEEPING = 3, WAITING = 4, HELPED = 5, P0 = 16, LOCK0 = 32;
export const MAX_BLOCKS = 16;
export const CONTROL_BYTES = 4 * (LOCK0 + MAX_BLOCKS);
/** One block's lane state: 4 lanes × 4 words. */
export const STATE_WORDS = 16;
/** Busy-wait this many checks for a block another thread is filling before sleeping on it. */
const SPIN = 4000;
/** Rounds the helper keeps looking for work before it sleeps (≈ 100–300 µs). */
const IDLE_SPINS = 20000;

/** Where a ring lies in its memory; what a helper thread needs to serve it. */
export interface NormalsJob {
  /** The ring's memory (a WebAssembly.Memory, on a SharedArrayBuffer when a helper serves it). */
  readonly memory: { readonly buffer: ArrayBuffer };
  /** Neurons per slot (a multiple of 16), and per block (a multiple of 16; the last block may be shorter). */
  readonly np: number;
  readonly blockSize: number;
  readonly slotCount: number;
  /** Byte addresses: control words, block 0's streams' state (block b's at + 4·STATE_WORDS·(1 + R)·b), slot 0, the constants' table. */
  readonly control: number;
  readonly state: number;
  readonly slots: number;
  readonly constants: number;
}

/** whiteNoiseNormals32.wat's `normals(n, zp, sp, kb)`. */
export type NormalsFn = (n: number, zp: number, sp: number, kb: number) => void;

/** Blocks of `np` neurons, `blockSize` each. */
export function blockCount(np: number, blockSize: number): number {
  return Math.ceil(np / blockSize);
}

/** The block size for np neurons: np / MAX_BLOCKS rounded up to 16. */
export function blockSizeFor(np: number): number {
  return Math.max(16, Math.ceil(np / MAX_BLOCKS / 16) * 16);
}

/** Bytes of a ring's state, records and slots (after its CONTROL_BYTES of control words). */
export function ringBytes(np: number, blockSize: number, slotCount: number): number {
  return 4 * STATE_WORDS * (1 + slotCount) * blockCount(np, blockSize) + 4 * np * slotCount;
}

/** Words of one block's state and records. */
const blockWords = (job: NormalsJob) => STATE_WORDS * (1 + job.slotCount);

/** Every block's state and records (block b from b·blockWords). */
function stateWords(job: NormalsJob): Int32Array {
  return new Int32Array(job.memory.buffer, job.state, blockWords(job) * blockCount(job.np, job.blockSize));
}

/** Fills block b of slot P_b (the caller holds LOCK_b and has checked P_b − C < R − 1, or P_b = C), records its state, publishes it. */
function fill(job: NormalsJob, ctl: Int32Array, words: Int32Array, normals: NormalsFn, b: number): void {
  const p = Atomics.load(ctl, P0 + b), k = p % job.slotCount, start = b * job.blockSize;
  const base = b * blockWords(job);
  normals(Math.min(job.blockSize, job.np - start), job.slots + 4 * (job.np * k + start), job.state + 4 * base, job.constants);
  words.copyWithin(base + STATE_WORDS * (1 + k), base, base + STATE_WORDS);
  Atomics.store(ctl, P0 + b, p + 1);
}

/** Slots every block is ahead of the stepping thread. */
function ahead(ctl: Int32Array, blocks: number): number {
  let p = Atomics.load(ctl, P0);
  for (let b = 1; b < blocks; b++) p = Math.min(p, Atomics.load(ctl, P0 + b));
  return p - Atomics.load(ctl, C);
}

/** The stepping thread's side. */
export class NormalsRing {
  private readonly ctl: Int32Array;
  private readonly words: Int32Array;
  private readonly blocks: number;
  private consumed = 0;

  constructor(readonly job: NormalsJob, private readonly normals: NormalsFn) {
    this.ctl = new Int32Array(job.memory.buffer, job.control, CONTROL_BYTES / 4);
    this.words = stateWords(job);
    this.blocks = blockCount(job.np, job.blockSize);
  }

  /** Restarts the streams at `lanes` (16 words per block); deviates computed ahead are dropped. */
  reset(lanes: Int32Array): void {
    const ctl = this.ctl, bw = blockWords(this.job);
    for (let b = 0; b < this.blocks; b++) while (Atomics.compareExchange(ctl, LOCK0 + b, 0, 1) !== 0); // a fill in progress ends soon
    for (let b = 0; b < this.blocks; b++) {
      this.words.set(lanes.subarray(b * STATE_WORDS, (b + 1) * STATE_WORDS), b * bw);
      Atomics.store(ctl, P0 + b, 0);
    }
    Atomics.store(ctl, C, 0);
    this.consumed = 0;
    for (let b = 0; b < this.blocks; b++) Atomics.store(ctl, LOCK0 + b, 0);
    this.wakeProducer();
  }

  /** The byte address of this step's deviates (the blocks no helper has filled yet are filled here). */
  take(): number {
    const ctl = this.ctl, c = this.consumed;
    // From the last block down (the helper fills upwards): fill what is free, then wait for the rest.
    for (let b = this.blocks - 1; b >= 0; b--) {
      if (Atomics.load(ctl, P0 + b) > c || Atomics.compareExchange(ctl, LOCK0 + b, 0, 1) !== 0) continue;
      if (Atomics.load(ctl, P0 + b) === c) fill(this.job, ctl, this.words, this.normals, b);
      Atomics.store(ctl, LOCK0 + b, 0);
    }
    for (let b = 0; b < this.blocks; b++) {
      for (let spins = 0; Atomics.load(ctl, P0 + b) <= c; spins++) {
        if (spins > SPIN) {
          // The helper is filling this block but was descheduled: sleep until it publishes.
          Atomics.store(ctl, WAITING, 1);
          if (Atomics.load(ctl, P0 + b) <= c) Atomics.wait(ctl, P0 + b, c, 2);
          Atomics.store(ctl, WAITING, 0);
        }
      }
    }
    return this.job.slots + 4 * this.job.np * (c % this.job.slotCount);
  }

  /** After the step: frees its slot. */
  finish(): void {
    const c = this.consumed;
    this.consumed = c + 1;
    Atomics.store(this.ctl, C, c + 1);
    if (Atomics.load(this.ctl, SLEEPING) && ahead(this.ctl, this.blocks) <= this.job.slotCount / 2) this.wakeProducer();
  }

  /**
   * `lanes` ← every block's stream state after the last slot taken (its record; unchanged before
   * the first slot after a reset, when `lanes` still hold the state reset to). For snapshots:
   * JavaScript reads typed arrays on a SharedArrayBuffer slowly, so not every step.
   */
  readLanes(lanes: Int32Array): void {
    const c = this.consumed, bw = blockWords(this.job);
    if (c === 0) return;
    const r = STATE_WORDS * (1 + ((c - 1) % this.job.slotCount));
    for (let b = 0; b < this.blocks; b++) lanes.set(this.words.subarray(b * bw + r, b * bw + r + STATE_WORDS), b * STATE_WORDS);
  }

  /** Blocks a helper has filled so far. */
  get helped(): number {
    return Atomics.load(this.ctl, HELPED);
  }

  /** A token for a new helper job on this ring (a helper serving it with an older token leaves). */
  serveToken(): number {
    const token = Atomics.add(this.ctl, SERVING, 1) + 1;
    this.wakeProducer();
    return token;
  }

  /** Tells a helper serving this ring to leave it (the ring goes on, filled by this thread). */
  stop(): void {
    Atomics.add(this.ctl, SERVING, 1);
    this.wakeProducer();
  }

  /** Wakes the helper if it sleeps (a step was published for it). */
  wakeProducer(): void {
    if (!Atomics.load(this.ctl, SLEEPING)) return;
    Atomics.add(this.ctl, WAKE, 1);
    if (this.job.memory.buffer instanceof SharedArrayBuffer) Atomics.notify(this.ctl, WAKE);
  }
}

/**
 * The helper thread's side: runs what it can of a published step (`help`, blockUpdate.ts), else
 * fills blocks ahead, slot by slot, while the ring's SERVING word holds `token` (serveToken). With nothing to do it keeps looking
 * for a while (a step is published every few tens of µs while the run plays), then sleeps while
 * every block is more than half a ring ahead. Needs `job.memory` shared with the stepping thread.
 */
export function serveNormals(job: NormalsJob, token: number, normals: NormalsFn, help: { help(): boolean; readonly pending: boolean } | null): void {
  const R = job.slotCount, blocks = blockCount(job.np, job.blockSize);
  const ctl = new Int32Array(job.memory.buffer, job.control, CONTROL_BYTES / 4);
  const words = stateWords(job);
  let idle = 0;
  while (Atomics.load(ctl, SERVING) === token) {
    if (help?.help()) {
      idle = 0;
      continue;
    }
    let filled = false;
    for (let b = 0; b < blocks && !help?.pending; b++) {
      if (Atomics.load(ctl, P0 + b) - Atomics.load(ctl, C) >= R - 1) continue;
      if (Atomics.compareExchange(ctl, LOCK0 + b, 0, 1) !== 0) continue; // the stepping thread is filling it
      if (Atomics.load(ctl, P0 + b) - Atomics.load(ctl, C) < R - 1) {
        fill(job, ctl, words, normals, b);
        Atomics.add(ctl, HELPED, 1);
        filled = true;
      }
      Atomics.store(ctl, LOCK0 + b, 0);
      if (Atomics.load(ctl, WAITING)) Atomics.notify(ctl, P0 + b);
    }
    // Nothing done: every block is R − 1 ahead, or the stepping thread holds the ones that are
    // not (then look again at once). Keep looking for IDLE_SPINS rounds, then sleep while every
    // block is more than half a ring ahead and no step is published.
    if (filled || ahead(ctl, blocks) <= R / 2 || help?.pending || ++idle < IDLE_SPINS) {
      if (filled) idle = 0;
      continue;
    }
    const bell = Atomics.load(ctl, WAKE);
    Atomics.store(ctl, SLEEPING, 1);
    if (ahead(ctl, blocks) > R / 2 && !help?.pending && Atomics.load(ctl, SERVING) === token) Atomics.wait(ctl, WAKE, bell, 1000);
    Atomics.store(ctl, SLEEPING, 0);
    idle = 0;
  }
}
