/**
 * SpikeWindow: the UI's ring buffer of recent spikes (step, global neuron id) for the raster
 * and the per-neuron rate histogram. Plain typed arrays, filled from frames, read by renderers;
 * never React state. When more spikes arrive than fit, the oldest are overwritten.
 */
export class SpikeWindow {
  readonly steps: Int32Array;
  readonly ids: Int32Array;
  /** Spikes ever pushed (the newest is at index (total − 1) & mask). */
  total = 0;
  /** Highest step the buffer knows to be complete (frames report it even without spikes). */
  lastStep = 0;

  constructor(capacity = 1 << 20) {
    let cap = 1;
    while (cap < capacity) cap <<= 1;
    this.steps = new Int32Array(cap);
    this.ids = new Int32Array(cap);
  }

  get capacity(): number {
    return this.steps.length;
  }

  /** Number of spikes currently held. */
  get size(): number {
    return Math.min(this.total, this.steps.length);
  }

  push(steps: Int32Array, ids: Int32Array, lastStep: number): void {
    const mask = this.steps.length - 1;
    for (let j = 0; j < steps.length; j++) {
      const k = (this.total + j) & mask;
      this.steps[k] = steps[j];
      this.ids[k] = ids[j];
    }
    this.total += steps.length;
    this.lastStep = lastStep;
  }

  clear(): void {
    this.total = 0;
    this.lastStep = 0;
  }

  /**
   * Calls visit(step, id) for every held spike with step ≥ fromStep, oldest first.
   * Spikes are stored in step order, so this scans back from the newest only as far as needed.
   */
  forEachSince(fromStep: number, visit: (step: number, id: number) => void): void {
    const mask = this.steps.length - 1;
    const oldest = this.total - this.size;
    let first = this.total;
    while (first > oldest && this.steps[(first - 1) & mask] >= fromStep) first--;
    for (let j = first; j < this.total; j++) visit(this.steps[j & mask], this.ids[j & mask]);
  }
}
