import { describe, expect, it } from 'vitest';
import { checkImageFile, checkImageSize, MAX_FILE_BYTES, toGrey } from './localImages';

describe('own images: checks and grey conversion', () => {
  it('accepts common raster images and refuses other types, empty and oversized files', () => {
    expect(checkImageFile({ name: 'a.png', type: 'image/png', size: 1000 })).toBeNull();
    expect(checkImageFile({ name: 'a.jpg', type: 'image/jpeg', size: MAX_FILE_BYTES })).toBeNull();
    expect(checkImageFile({ name: 'a.svg', type: 'image/svg+xml', size: 100 })).toMatch(/not a PNG/);
    expect(checkImageFile({ name: 'a.txt', type: 'text/plain', size: 100 })).toMatch(/not a PNG/);
    expect(checkImageFile({ name: 'a.png', type: 'image/png', size: 0 })).toMatch(/empty/);
    expect(checkImageFile({ name: 'a.png', type: 'image/png', size: MAX_FILE_BYTES + 1 })).toMatch(/larger than/);
    expect(checkImageSize('a', 4, 100)).toMatch(/too small/);
    expect(checkImageSize('a', 20_000, 100)).toMatch(/too large/);
    expect(checkImageSize('a', 640, 480)).toBeNull();
  });

  it('luma of opaque pixels; transparent counts as black; light backgrounds are inverted', () => {
    const w = 3, h = 3;
    const rgba = new Uint8ClampedArray(w * h * 4);
    for (let i = 0; i < w * h; i++) rgba.set([0, 0, 0, 255], 4 * i);
    rgba.set([255, 255, 255, 255], 4 * 4); // white centre on black
    expect(Array.from(toGrey(rgba, w, h))).toEqual([0, 0, 0, 0, 255, 0, 0, 0, 0]);
    for (let i = 0; i < w * h; i++) rgba.set([255, 255, 255, 255], 4 * i);
    rgba.set([0, 0, 0, 255], 4 * 4); // black centre on white → bright figure on dark
    expect(Array.from(toGrey(rgba, w, h))).toEqual([0, 0, 0, 0, 255, 0, 0, 0, 0]);
    rgba.set([255, 0, 0, 128], 0); // half-transparent red in a corner
    expect(toGrey(rgba, w, h)[0]).toBe(255 - Math.round(0.299 * 255 * (128 / 255)));
  });
});
