/**
 * A ring of normal deviates computed ahead: the float32 white-noise group's N(0,1) per neuron and
 * step (wasm/whiteNoiseNormals32.wat) depend only on their own four streams, not on the network,
 * so another thread can fill the next steps' slots while this one runs the update. Whoever fills
 * slot k (the helper thread, or the stepping thread itself when the ring is empty) computes it
 * from the same stream state, so the deviates, and the run, are the same bits with or without
 * the helper, on any machine.
 *
 * Memory (in the group's WebAssembly memory, a SharedArrayBuffer when threads can share it):
 *  - control words (Int32): P slots produced, C slots consumed (both since the last reset),
 *    LOCK (held while a slot is filled, so slots are filled one at a time and in order), STOP (the
 *    helper leaves this ring), WAKE (a doorbell the helper sleeps on), SLEEPING, WAITING (the
 *    stepping thread sleeps on P), HELPED (slots the helper has filled);
 *  - the streams' state (16 words: word k of lane j at 4k + j), advanced by each fill, followed by
 *    one record per slot: the state after its fill (what a snapshot taken after consuming it holds);
 *  - R slots of np float32 deviates.
 * Slot k lives at k mod R. The producer fills while P − C < R and sleeps once the ring is full
 * until the stepping thread has taken half of it (one wake-up per R/2 steps, not per step).
 */
/** Control word indices (HELPED: slots the helper filled, for the tests and diagnostics). */
const P = 0, C = 1, LOCK = 2, STOP = 3, WAKE = 4, SLEEPING = 5, WAITING = 6, HELPED = 7;
export const CONTROL_BYTES = 64;
/** Lane state: 4 lanes × 4 words. */
export const STATE_WORDS = 16;
/** Busy-wait this many checks for a slot another thread is filling before sleeping on it. */
const SPIN = 4000;

/** Where a ring lies in a memory; what a helper thread needs to serve it. */
export interface NormalsJob {
  /** The memory (a WebAssembly.Memory on a SharedArrayBuffer when a helper serves it). */
  readonly memory: { readonly buffer: ArrayBuffer };
  /** Neurons per slot (a multiple of 16). */
  readonly np: number;
  readonly slotCount: number;
  /** Byte addresses: control words, the streams' state (the slots' records follow it), slot 0, the constants' table. */
  readonly control: number;
  readonly state: number;
  readonly slots: number;
  readonly constants: number;
}

/** whiteNoiseNormals32.wat's `normals(np, zp, sp, kb)`. */
export type NormalsFn = (np: number, zp: number, sp: number, kb: number) => void;


/** The streams' state (words 0–15) and the slots' records after it. */
function stateWords(job: NormalsJob): Int32Array {
  return new Int32Array(job.memory.buffer, job.state, STATE_WORDS * (1 + job.slotCount));
}

/** Fills slot P (the caller holds LOCK and has checked P − C < R), records its state, publishes it. */
function fill(job: NormalsJob, ctl: Int32Array, words: Int32Array, normals: NormalsFn): void {
  const p = Atomics.load(ctl, P), k = p % job.slotCount;
  normals(job.np, job.slots + 4 * job.np * k, job.state, job.constants);
  words.copyWithin(STATE_WORDS * (1 + k), 0, STATE_WORDS);
  Atomics.store(ctl, P, p + 1);
}

/** The stepping thread's side. */
export class NormalsRing {
  private readonly ctl: Int32Array;
  private readonly words: Int32Array;
  private consumed = 0;

  constructor(readonly job: NormalsJob, private readonly normals: NormalsFn) {
    const b = job.memory.buffer;
    this.ctl = new Int32Array(b, job.control, CONTROL_BYTES / 4);
    this.words = stateWords(job);
  }

  /** Restarts the streams at `state` (16 words); slots computed ahead are dropped. */
  reset(state: Int32Array): void {
    const ctl = this.ctl;
    while (Atomics.compareExchange(ctl, LOCK, 0, 1) !== 0); // a fill in progress ends soon
    this.words.set(state);
    Atomics.store(ctl, C, 0);
    Atomics.store(ctl, P, 0);
    this.consumed = 0;
    Atomics.store(ctl, LOCK, 0);
    this.wakeProducer();
  }

  /** The byte address of this step's deviates (filled here if no helper has filled them yet). */
  take(): number {
    const ctl = this.ctl, c = this.consumed;
    for (let spins = 0; Atomics.load(ctl, P) <= c; spins++) {
      if (Atomics.compareExchange(ctl, LOCK, 0, 1) === 0) {
        if (Atomics.load(ctl, P) === c) fill(this.job, ctl, this.words, this.normals);
        Atomics.store(ctl, LOCK, 0);
      } else if (spins > SPIN) {
        // The helper is filling this slot but was descheduled: sleep until it publishes.
        Atomics.store(ctl, WAITING, 1);
        if (Atomics.load(ctl, P) <= c) Atomics.wait(ctl, P, c, 2);
        Atomics.store(ctl, WAITING, 0);
      }
    }
    return this.job.slots + 4 * this.job.np * (c % this.job.slotCount);
  }

  /** After the step: `lanes` ← the streams' state after this step's slot; frees the slot. */
  finish(lanes: Int32Array): void {
    const c = this.consumed, r = STATE_WORDS * (1 + (c % this.job.slotCount));
    lanes.set(this.words.subarray(r, r + STATE_WORDS));
    this.consumed = c + 1;
    Atomics.store(this.ctl, C, c + 1);
    if (Atomics.load(this.ctl, SLEEPING) && Atomics.load(this.ctl, P) - (c + 1) <= this.job.slotCount / 2) this.wakeProducer();
  }

  /** Slots a helper has filled so far. */
  get helped(): number {
    return Atomics.load(this.ctl, HELPED);
  }

  /** Tells a helper serving this ring to leave it (the ring goes on, filled by this thread). */
  stop(): void {
    Atomics.store(this.ctl, STOP, 1);
    this.wakeProducer();
  }

  private wakeProducer(): void {
    if (!Atomics.load(this.ctl, SLEEPING)) return;
    Atomics.add(this.ctl, WAKE, 1);
    if (this.job.memory.buffer instanceof SharedArrayBuffer) Atomics.notify(this.ctl, WAKE);
  }
}

/**
 * The helper thread's side: fills slots ahead until told to stop (STOP), sleeping while the ring
 * is more than half full. Needs `job.memory` shared with the stepping thread.
 */
export function serveNormals(job: NormalsJob, normals: NormalsFn): void {
  const R = job.slotCount;
  const ctl = new Int32Array(job.memory.buffer, job.control, CONTROL_BYTES / 4);
  const words = stateWords(job);
  while (Atomics.load(ctl, STOP) === 0) {
    if (Atomics.load(ctl, P) - Atomics.load(ctl, C) < R) {
      if (Atomics.compareExchange(ctl, LOCK, 0, 1) !== 0) continue; // the stepping thread is filling
      if (Atomics.load(ctl, P) - Atomics.load(ctl, C) < R) {
        fill(job, ctl, words, normals);
        Atomics.add(ctl, HELPED, 1);
      }
      Atomics.store(ctl, LOCK, 0);
      if (Atomics.load(ctl, WAITING)) Atomics.notify(ctl, P);
      continue;
    }
    const bell = Atomics.load(ctl, WAKE);
    Atomics.store(ctl, SLEEPING, 1);
    if (Atomics.load(ctl, P) - Atomics.load(ctl, C) > R / 2 && Atomics.load(ctl, STOP) === 0) Atomics.wait(ctl, WAKE, bell, 1000);
    Atomics.store(ctl, SLEEPING, 0);
  }
}
