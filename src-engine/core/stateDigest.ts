/**
 * State digest: folds a component's dynamic state (what its snapshot() returns: typed arrays,
 * numbers, booleans, strings, nested arrays and plain objects) into a 32-bit murmur3-style
 * hash lane, bit-exactly. Typed arrays are hashed word by word through a Uint32 view of their
 * bytes (a Float64 value is its two 32-bit halves), numbers through their IEEE-754 bits, so
 * two states digest equally exactly when they are bit-identical (with overwhelming
 * probability). Integer arithmetic only: identical in Node, the worker and every browser.
 */

const f64 = new Float64Array(1);
const f64Words = new Uint32Array(f64.buffer);

/** murmur3's block step: mixes the 32-bit word k into the hash h. */
export function mixWord(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function mixNumber(h: number, x: number): number {
  f64[0] = x;
  return mixWord(mixWord(h, f64Words[0]), f64Words[1]);
}

export function mixString(h: number, s: string): number {
  h = mixWord(h, s.length);
  for (let i = 0; i < s.length; i++) h = mixWord(h, s.charCodeAt(i));
  return h;
}

export function mixBytes(h: number, v: ArrayBufferView): number {
  const words = v.byteLength >>> 2;
  const aligned = (v.byteOffset & 3) === 0;
  h = mixWord(h, v.byteLength);
  if (aligned) {
    const u = new Uint32Array(v.buffer, v.byteOffset, words);
    for (let i = 0; i < words; i++) h = mixWord(h, u[i]);
  } else {
    const b = new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
    for (let i = 0; i < words * 4; i += 4) h = mixWord(h, b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24));
  }
  const b = new Uint8Array(v.buffer, v.byteOffset + words * 4, v.byteLength - words * 4);
  for (let i = 0; i < b.length; i++) h = mixWord(h, b[i]);
  return h;
}

/** Folds any snapshot value into h (object keys in their insertion order, which is fixed by code). */
export function digestValue(h: number, v: unknown): number {
  if (typeof v === 'number') return mixNumber(mixWord(h, 1), v);
  if (typeof v === 'boolean') return mixWord(h, v ? 3 : 2);
  if (typeof v === 'string') return mixString(mixWord(h, 4), v);
  if (v === null || v === undefined) return mixWord(h, 5);
  if (ArrayBuffer.isView(v)) return mixBytes(mixWord(h, 6), v);
  if (Array.isArray(v)) {
    h = mixWord(mixWord(h, 7), v.length);
    for (let i = 0; i < v.length; i++) h = digestValue(h, v[i]);
    return h;
  }
  if (typeof v === 'object') {
    h = mixWord(h, 8);
    for (const k of Object.keys(v as object)) h = digestValue(mixString(h, k), (v as Record<string, unknown>)[k]);
    return h;
  }
  throw new Error(`state digest: cannot hash a ${typeof v}`);
}
