import { describe, expect, it } from 'vitest';
import { poolImage } from './imagePool';
import type { ImageSet } from './imageSet';

describe('poolImage', () => {
  it('averages f×f blocks and scales to [0, 1]', () => {
    // Two 4×4 images; image 1 has a bright top-left block and one half-bright pixel.
    const pixels = new Uint8Array(32);
    pixels.set([255, 255, 0, 0, 255, 255, 0, 102], 16);
    const set: ImageSet = { name: 't', width: 4, height: 4, count: 2, labels: new Uint8Array(2), pixels };
    const out = new Float32Array(4);
    poolImage(set, 1, 2, out);
    expect(Array.from(out).map((v) => +v.toFixed(4))).toEqual([1, 0.1, 0, 0]);
    poolImage(set, 0, 2, out);
    expect(Array.from(out)).toEqual([0, 0, 0, 0]);
  });
});
