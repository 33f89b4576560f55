/**
 * Run fingerprint: an order-sensitive 64-bit hash (two independent 32-bit murmur3-style lanes)
 * over every spike (step, global neuron id) in the order the network emits them, plus the spike
 * count, plus — every DIGEST_EVERY steps — a digest of the whole evolving state of the run
 * (every component's state as its snapshot holds it: membrane potentials, weights, traces, densities, activations,
 * readouts, and every random stream's position). Spiking models are thus fingerprinted by their
 * spikes and their state, rate models (which emit no spikes) by their state. The run's
 * configuration (experiment, seed, initial parameters) is folded in at step 0 and every parameter
 * change with the step it took effect, so two runs that differ only in a parameter differ from
 * the first step, before any spike or digest could tell them apart. Two runs have equal
 * fingerprints at equal steps exactly when (with overwhelming probability) they produced the same
 * spikes and passed through the same states at the digest steps. Integer arithmetic only:
 * identical in the CLI, the worker and every browser.
 */
import type { ComponentSnapshot, StepContext } from '../core/component';
import type { Network } from '../core/network';
import { fmix } from '../core/stateDigest';

/** The state is folded in after every step n with (n + 1) % DIGEST_EVERY === 0. */
export const DIGEST_EVERY = 200;

export class Fingerprint {
  private h1 = 0x811c9dc5;
  private h2 = 0x9747b28c;
  count = 0;

  /** Mixes one spike into the hash. */
  add(step: number, id: number): void {
    this.h1 = mix(this.h1, step, 0xcc9e2d51);
    this.h1 = mix(this.h1, id, 0xcc9e2d51);
    this.h2 = mix(this.h2, id ^ 0x5bd1e995, 0x1b873593);
    this.h2 = mix(this.h2, step, 0x1b873593);
    this.count++;
  }

  /** Mixes a state digest (a 32-bit word) taken after `step` into both lanes. */
  addDigest(step: number, digest: number): void {
    this.h1 = mix(mix(this.h1, step ^ 0x7f4a7c15, 0xcc9e2d51), digest, 0xcc9e2d51);
    this.h2 = mix(mix(this.h2, digest ^ 0x3c6ef372, 0x1b873593), step, 0x1b873593);
  }

  /** Mixes a text (experiment id, parameter key) into both lanes, length first. */
  addText(text: string): void {
    this.h1 = mix(this.h1, text.length, 0xcc9e2d51);
    this.h2 = mix(this.h2, text.length ^ 0x2545f491, 0x1b873593);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      this.h1 = mix(this.h1, c, 0xcc9e2d51);
      this.h2 = mix(this.h2, c ^ 0x68e31da4, 0x1b873593);
    }
  }

  /** Mixes a number by its exact 64-bit pattern (the same on every platform). */
  addNumber(x: number): void {
    NUM[0] = x;
    this.h1 = mix(mix(this.h1, WORDS[0], 0xcc9e2d51), WORDS[1], 0xcc9e2d51);
    this.h2 = mix(mix(this.h2, WORDS[1] ^ 0x1b56c4e9, 0x1b873593), WORDS[0], 0x1b873593);
  }

  /** The run's starting point: experiment, seed and every initial parameter (sorted by key). */
  addConfig(experiment: string, seed: number, params: Readonly<Record<string, number>>): void {
    this.addText(experiment);
    this.addNumber(seed);
    for (const key of Object.keys(params).sort()) {
      this.addText(key);
      this.addNumber(params[key]);
    }
  }

  /** A parameter change that took effect after `step` steps. */
  addChange(step: number, key: string, value: number): void {
    this.addNumber(step);
    this.addText(key);
    this.addNumber(value);
  }

  /** 16 hex digits. */
  hex(): string {
    const f1 = fmix(this.h1 ^ this.count);
    const f2 = fmix(this.h2 ^ Math.imul(this.count, 0x27d4eb2d));
    return hex8(f1) + hex8(f2);
  }

  getState(): [number, number, number] {
    return [this.h1, this.h2, this.count];
  }

  setState(s: [number, number, number]): void {
    [this.h1, this.h2, this.count] = s;
  }
}

const NUM = new Float64Array(1);
const WORDS = new Int32Array(NUM.buffer);

function mix(h: number, k: number, c: number): number {
  k = Math.imul(k, c);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function hex8(x: number): string {
  return x.toString(16).padStart(8, '0');
}

/** Digest of the dynamic state of a network's first `count` components. */
export function networkDigest(net: Network, count: number): number {
  return net.digest(0x2545f491, count) >>> 0;
}

/**
 * Scheduled monitor that feeds every neuron-group spike of a network into a Fingerprint, and
 * every DIGEST_EVERY steps the digest of the components that were there when it was added: the
 * experiment as built. Add it right after building; what a host adds later (display monitors,
 * spike buffers for the UI) is not part of the run and does not change its fingerprint.
 */
export class FingerprintMonitor {
  readonly name = 'fingerprint';
  readonly fp = new Fingerprint();
  private readonly digested: number;

  constructor(private readonly net: Network) {
    this.digested = net.allComponents.length;
  }

  monitor(ctx: StepContext): void {
    const step = ctx.clock.step;
    const groups = this.net.neuronGroups;
    for (let g = 0; g < groups.length; g++) {
      const grp = groups[g];
      const off = this.net.idOffsets[g];
      for (let s = 0; s < grp.spikeCount; s++) this.fp.add(step, off + grp.spikes[s]);
    }
    if ((step + 1) % DIGEST_EVERY === 0) this.fp.addDigest(step, networkDigest(this.net, this.digested));
  }

  snapshot(): ComponentSnapshot {
    return { fp: this.fp.getState() };
  }

  restore(s: ComponentSnapshot): void {
    this.fp.setState(s.fp as [number, number, number]);
  }
}
