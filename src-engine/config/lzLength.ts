/**
 * Decoded length of an lz-string "EncodedURIComponent" payload, computed without building the
 * output. lz-string's own decompressor has no output limit and LZW output grows quadratically
 * with the number of codes (a run of one character: code k expands to k + 1 characters), so a
 * short link can inflate to tens of millions of characters. This dry run follows the same bit
 * stream and dictionary growth as LZString._decompress but keeps only each entry's length
 * (a typed array), and stops as soon as the total passes `limit`.
 *
 * Returns the exact decoded length, Infinity when it would exceed `limit`, or -1 when the
 * payload is not a valid stream (lz-string would return null or "").
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const VALUE = new Int8Array(128).fill(-1);
for (let k = 0; k < ALPHABET.length; k++) VALUE[ALPHABET.charCodeAt(k)] = k;

export function lzDecodedLength(payload: string, limit: number): number {
  const input = payload.replace(/ /g, '+');
  const n = input.length;
  if (n === 0) return -1;
  // lz-string maps characters outside the alphabet to undefined, which reads as 0 bits.
  const valueAt = (i: number): number => {
    const c = input.charCodeAt(i);
    return c < 128 && VALUE[c] >= 0 ? VALUE[c] : 0;
  };
  let val = valueAt(0);
  let position = 32;
  let index = 1;
  const readBits = (count: number): number => {
    let bits = 0;
    for (let power = 1, k = 0; k < count; k++, power *= 2) {
      const resb = val & position;
      position >>= 1;
      if (position === 0) {
        position = 32;
        val = valueAt(index++);
      }
      if (resb > 0) bits += power;
    }
    return bits;
  };
  // Entry lengths; entries 0–2 are the control codes. At most one entry is added per code and
  // a code takes at least two bits, so 3n + 8 entries always suffice.
  const len = new Int32Array(3 * n + 8);
  let dictSize = 4;
  let numBits = 3;
  let enlargeIn = 4;
  const first = readBits(2);
  if (first === 2) return 0;
  // A first code of 3 is not a literal: lz-string then carries `undefined` as the previous entry,
  // which prints as nothing but concatenates as the 9 characters "undefined".
  const bogus = first === 3;
  if (!bogus) readBits(first === 0 ? 8 : 16);
  len[3] = bogus ? 0 : 1;
  let w = bogus ? 9 : 1;
  let wBogus = bogus;
  let total = bogus ? 0 : 1;
  for (;;) {
    if (index > n) return -1;
    let c = readBits(numBits);
    if (c === 2) return total;
    if (c === 0 || c === 1) {
      readBits(c === 0 ? 8 : 16);
      len[dictSize++] = 1;
      c = dictSize - 1;
      enlargeIn--;
    }
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
    let entry: number;
    if (c < dictSize && c >= 3 && !(c === 3 && bogus)) entry = len[c];
    else if (c === dictSize && !wBogus) entry = w + 1;
    else return -1;
    total += entry;
    if (total > limit) return Infinity;
    if (dictSize >= len.length) return -1;
    len[dictSize++] = w + 1;
    enlargeIn--;
    w = entry;
    wBogus = false;
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  }
}
