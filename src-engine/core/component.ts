/**
 * The contracts every simulation object fulfils. The Network calls the slot methods in a fixed
 * order each step (see network.ts); an object implements only the slots it takes part in.
 */
import type { Clock } from './clock';
import type { Rng } from './rng';

/** Anything that emits spikes: neuron groups and spike-generating inputs. */
export interface SpikeSource {
  readonly name: string;
  readonly size: number;
  /** Indices that spiked in the current step, valid in spikes[0 .. spikeCount). An index may
   *  repeat when a source emits more than one event in a step (Poisson inputs). */
  readonly spikes: Int32Array;
  spikeCount: number;
}

/** Opaque, structured-clonable state copy used by snapshot()/restore(). */
export type ComponentSnapshot = Record<string, unknown>;

/** Shared context handed to every slot method. */
export interface StepContext {
  readonly clock: Clock;
  readonly rng: Rng;
}

export interface Component {
  readonly name: string;
  /** Slot 1: generate input spikes / inject input currents. */
  input?(ctx: StepContext): void;
  /** Slot 2: integrate the state over one step, then threshold and reset (fused for speed). */
  integrate?(ctx: StepContext): void;
  /** Slot 3a: commit inputs that arrive now (delay lines) — runs before any projection. */
  receive?(ctx: StepContext): void;
  /** Slot 3b: deliver this step's spikes along synapses. */
  propagate?(ctx: StepContext): void;
  /** Slot 4: weight updates. */
  plasticity?(ctx: StepContext): void;
  /** Slot 5: record. */
  monitor?(ctx: StepContext): void;
  snapshot?(): ComponentSnapshot;
  restore?(s: ComponentSnapshot): void;
  /**
   * Folds the dynamic state into the 32-bit hash h (core/stateDigest.ts) without copying it.
   * Optional: without it the digest hashes snapshot(). A component implements it only to be
   * cheaper (e.g. by caching the hash of weights that change only through its own methods);
   * it must cover everything snapshot() holds.
   */
  digest?(h: number): number;
}
