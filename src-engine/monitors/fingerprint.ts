/**
 * Run fingerprint: an order-sensitive 64-bit hash (two independent 32-bit murmur3-style lanes)
 * over every spike (step, global neuron id) in the order the network emits them, plus the spike
 * count. Two runs have equal fingerprints exactly when (with overwhelming probability) they
 * produced the same spikes at the same steps. Integer arithmetic only: identical in every engine.
 */
import type { ComponentSnapshot, StepContext } from '../core/component';
import type { Network } from '../core/network';

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

function mix(h: number, k: number, c: number): number {
  k = Math.imul(k, c);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function hex8(x: number): string {
  return x.toString(16).padStart(8, '0');
}

/** Scheduled monitor that feeds every neuron-group spike of a network into a Fingerprint. */
export class FingerprintMonitor {
  readonly name = 'fingerprint';
  readonly fp = new Fingerprint();

  constructor(private readonly net: Network) {}

  monitor(ctx: StepContext): void {
    const step = ctx.clock.step;
    const groups = this.net.neuronGroups;
    for (let g = 0; g < groups.length; g++) {
      const grp = groups[g];
      const off = this.net.idOffsets[g];
      for (let s = 0; s < grp.spikeCount; s++) this.fp.add(step, off + grp.spikes[s]);
    }
  }

  snapshot(): ComponentSnapshot {
    return { fp: this.fp.getState() };
  }

  restore(s: ComponentSnapshot): void {
    this.fp.setState(s.fp as [number, number, number]);
  }
}
