/**
 * Average pooling of image-set images: image k of an ImageSet (0–255) reduced by an integer factor
 * f (e.g. 28×28 → 14×14 for f = 2), each output pixel the mean of its f×f block, scaled to [0, 1].
 */
import type { ImageSet } from './imageSet';

/** Writes the pooled image k (row-major, (w/f)·(h/f) values in [0, 1]) into out at offset. */
export function poolImage(set: ImageSet, k: number, f: number, out: Float32Array | Float64Array, offset = 0): void {
  const W = set.width, H = set.height, w = Math.floor(W / f), h = Math.floor(H / f);
  const base = k * W * H;
  const norm = 1 / (255 * f * f);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let dy = 0; dy < f; dy++) for (let dx = 0; dx < f; dx++) s += set.pixels[base + (y * f + dy) * W + x * f + dx];
      out[offset + y * w + x] = s * norm;
    }
  }
}
