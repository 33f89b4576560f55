/**
 * Deep copy of a session snapshot for the timeline's checkpoints, sharing what did not change:
 * a typed array that is the very same object as in an earlier snapshot (a component hands out
 * one cached copy of state that has not changed since, such as the weights of a static
 * projection: 8 MB at cuba-10k) is copied once and the copy reused by every later checkpoint.
 * Components promise never to mutate an array after handing it out in a snapshot, and the
 * timeline restores from a fresh structuredClone of a checkpoint, so sharing is safe.
 * Everything else is copied as structuredClone would (snapshots hold numbers, strings, booleans,
 * null, typed arrays, arrays and plain objects).
 */
export class SnapshotCloner {
  private readonly copies = new WeakMap<ArrayBufferView, ArrayBufferView>();

  clone<T>(v: T): T {
    return this.copy(v) as T;
  }

  private copy(v: unknown): unknown {
    if (v === null || typeof v !== 'object') return v;
    if (ArrayBuffer.isView(v)) {
      let c = this.copies.get(v);
      if (!c) {
        c = (v as unknown as { slice(): ArrayBufferView }).slice();
        this.copies.set(v, c);
      }
      return c;
    }
    if (Array.isArray(v)) return v.map((x) => this.copy(x));
    if (Object.getPrototypeOf(v) === Object.prototype) {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v)) out[k] = this.copy((v as Record<string, unknown>)[k]);
      return out;
    }
    return structuredClone(v);
  }
}
