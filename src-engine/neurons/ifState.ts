/**
 * Snapshot and restore of the state every integrate-and-fire group with two receptor channels
 * keeps (LifGroup, CondLifGroup; WhiteNoiseIfGroup restores through it too): membrane V, ge, gi,
 * refractory step counters (for float32 LIF groups: each neuron's last refractory step) and the delay rings. Snapshot keys keep this order, since the state
 * digest (core/stateDigest.ts) folds them in insertion order. Not on the step path.
 */
import type { ComponentSnapshot } from '../core/component';
import { digestValue } from '../core/stateDigest';
import type { DelayRings, StateArray } from './receptors';

export interface IfArrays {
  readonly v: StateArray;
  readonly ge: StateArray;
  readonly gi: StateArray;
  readonly refr: Int32Array;
}

/** Copies of V, ge, gi, refr and the delay rings. */
export function snapshotIf(a: IfArrays, delays: DelayRings): ComponentSnapshot {
  return { v: a.v.slice(), ge: a.ge.slice(), gi: a.gi.slice(), refr: a.refr.slice(), ...delays.snapshot() };
}

/** The digest of snapshotIf(a, delays) plus `extra` (the group's own snapshot keys), hashing the arrays in place. */
export function digestIf(h: number, a: IfArrays, delays: DelayRings, extra: Record<string, unknown>): number {
  return digestValue(h, { v: a.v, ge: a.ge, gi: a.gi, refr: a.refr, ...delays.view(), ...extra });
}

/** Writes V, ge, gi, refr and the delay rings back from a snapshot (in place: the arrays may be kernel memory). */
export function restoreIf(a: IfArrays, delays: DelayRings, s: ComponentSnapshot): void {
  a.v.set(s.v as StateArray);
  a.ge.set(s.ge as StateArray);
  a.gi.set(s.gi as StateArray);
  a.refr.set(s.refr as Int32Array);
  delays.restore(s);
}
