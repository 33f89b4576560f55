import fc from 'fast-check';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { lzDecodedLength } from './lzLength';

/** What lz-string itself produces: its length, or -1 for null / "" (not a valid stream). */
function reference(payload: string): number {
  try {
    const out = LZString.decompressFromEncodedURIComponent(payload);
    return out ? out.length : -1;
  } catch {
    return -1;
  }
}

describe('lzDecodedLength', () => {
  it('equals the real decompressed length for compressed text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), (s) => {
        const payload = LZString.compressToEncodedURIComponent(s);
        if (s.length > 0) expect(lzDecodedLength(payload, Infinity)).toBe(s.length);
        else expect(lzDecodedLength(payload, Infinity)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with lz-string on random payloads (valid or not)', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$ %'.split('');
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...alphabet), minLength: 1, maxLength: 300 }), (p) => {
        const want = reference(p);
        const got = lzDecodedLength(p, Infinity);
        if (want >= 0) expect(got).toBe(want);
        else expect(got === -1 || got === 0).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('stops early on a decompression bomb (one repeated character)', () => {
    const payload = LZString.compressToEncodedURIComponent('a'.repeat(2_000_000));
    expect(payload.length).toBeLessThan(5000);
    expect(lzDecodedLength(payload, 400_000)).toBe(Infinity);
    expect(lzDecodedLength(payload, Infinity)).toBe(2_000_000);
  });
});
