/**
 * Synaptic input side of a neuron group: two receptor channels (exc → ge, inh → gi) that
 * projections and drives write into, and delay rings for input that arrives d steps later.
 * What ge and gi mean (currents in mV, or conductances in units of the leak) is the group's
 * business; projections only add weights to them.
 */

/** A group's state array: float64, or float32 for groups that run in single precision. */
export type StateArray = Float64Array | Float32Array;

/** Receptor channel a projection writes into. */
export type Receptor = 'exc' | 'inh';

export interface SynapticTarget {
  readonly name: string;
  readonly size: number;
  readonly ge: StateArray;
  readonly gi: StateArray;
  /** Makes room for input delayed by up to `d` steps (call while building). */
  ensureDelay(d: number): void;
  /** Array and offset to add input for `receptor` arriving `delay` steps after step `step`. */
  inputTarget(receptor: Receptor, delay: number, step: number): { arr: StateArray; offset: number };
}

/** Per-channel delay rings: row (step mod slots) holds the input that arrives at that step. */
export class DelayRings {
  ringE: Float64Array | null = null;
  ringI: Float64Array | null = null;
  slots = 0;

  constructor(readonly owner: string, readonly size: number) {}

  ensure(d: number): void {
    if (d + 1 <= this.slots) return;
    this.slots = d + 1;
    this.ringE = new Float64Array(this.slots * this.size);
    this.ringI = new Float64Array(this.slots * this.size);
  }

  target(ge: StateArray, gi: StateArray, receptor: Receptor, delay: number, step: number): { arr: StateArray; offset: number } {
    if (delay === 0) return { arr: receptor === 'exc' ? ge : gi, offset: 0 };
    const ring = receptor === 'exc' ? this.ringE : this.ringI;
    if (!ring || delay >= this.slots) throw new Error(`${this.owner}: delay ${delay} not reserved`);
    return { arr: ring, offset: ((step + delay) % this.slots) * this.size };
  }

  /** Adds the input due at `step` to ge/gi and clears its row. */
  commit(ge: StateArray, gi: StateArray, step: number): void {
    if (this.slots === 0) return;
    const off = (step % this.slots) * this.size;
    addAndClear(ge, this.ringE!, off, this.size);
    addAndClear(gi, this.ringI!, off, this.size);
  }

  snapshot(): { ringE: Float64Array | null; ringI: Float64Array | null } {
    return { ringE: this.ringE?.slice() ?? null, ringI: this.ringI?.slice() ?? null };
  }

  /** What snapshot() holds, without copying (for the state digest). */
  view(): { ringE: Float64Array | null; ringI: Float64Array | null } {
    return { ringE: this.ringE ?? null, ringI: this.ringI ?? null };
  }

  restore(s: { ringE?: unknown; ringI?: unknown }): void {
    if (this.ringE && s.ringE) this.ringE.set(s.ringE as Float64Array);
    if (this.ringI && s.ringI) this.ringI.set(s.ringI as Float64Array);
  }
}

function addAndClear(dst: StateArray, ring: Float64Array, off: number, n: number): void {
  for (let i = 0; i < n; i++) {
    dst[i] += ring[off + i];
    ring[off + i] = 0;
  }
}
