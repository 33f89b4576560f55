import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { FrameSequence } from './frameSequences';
import { LOCAL_IMAGE_PX, makeLocalImageSet, MAX_LOCAL_IMAGES } from './localImages';

const px = LOCAL_IMAGE_PX * LOCAL_IMAGE_PX;

describe('local image sets', () => {
  it('wrap valid decoded images, one identity per image, copying the pixels', () => {
    const pixels = new Uint8Array(3 * px).map((_, i) => i % 256);
    const set = makeLocalImageSet({ width: LOCAL_IMAGE_PX, height: LOCAL_IMAGE_PX, count: 3, pixels });
    expect(Array.from(set.labels)).toEqual([0, 1, 2]);
    pixels[0] = 99;
    expect(set.pixels[0]).toBe(0);
  });

  it('refuse wrong sizes, counts and pixel lengths', () => {
    const ok = { width: LOCAL_IMAGE_PX, height: LOCAL_IMAGE_PX, count: 2, pixels: new Uint8Array(2 * px) };
    expect(() => makeLocalImageSet({ ...ok, width: 27 })).toThrow(/28×28/);
    expect(() => makeLocalImageSet({ ...ok, count: 0, pixels: new Uint8Array(0) })).toThrow(/between 1 and/);
    expect(() => makeLocalImageSet({ ...ok, count: MAX_LOCAL_IMAGES + 1, pixels: new Uint8Array((MAX_LOCAL_IMAGES + 1) * px) })).toThrow(/between 1 and/);
    expect(() => makeLocalImageSet({ ...ok, pixels: new Uint8Array(px) })).toThrow(/pixels/);
  });

  it('drive a frame sequence like MNIST does (frames come from the images)', () => {
    // One bright square image: every frame shows part of it, so frames are not blank.
    const pixels = new Uint8Array(px);
    for (let y = 8; y < 20; y++) for (let x = 8; x < 20; x++) pixels[y * LOCAL_IMAGE_PX + x] = 255;
    const images = makeLocalImageSet({ width: LOCAL_IMAGE_PX, height: LOCAL_IMAGE_PX, count: 1, pixels });
    const seq = new FrameSequence({ kind: 'mnist', size: 16, length: 4, images }, new Rng(1));
    const rng = new Rng(2);
    for (let k = 0; k < 8; k++) {
      seq.next(rng);
      expect(seq.label).toBe(0);
      expect(seq.frame.reduce((a, b) => a + b, 0)).toBeGreaterThan(5);
    }
  });
});
