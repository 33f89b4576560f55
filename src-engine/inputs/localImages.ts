/**
 * The user's own images as an image set: grey levels (0–255, row-major) that the app decoded
 * locally from dropped or picked files, resized to a fixed square, and passed to the worker.
 * They are never uploaded and a link cannot carry them; a link only records that a run used
 * them. Each image is its own identity (label = index), like one digit of MNIST.
 */
import type { ImageSet } from './imageSet';

/** Name under which the set is registered (see imageSet.ts). */
export const LOCAL_IMAGE_SET = 'local';
/** Side of the stored images, px: MNIST's, so sequences treat them the same way. */
export const LOCAL_IMAGE_PX = 28;
export const MAX_LOCAL_IMAGES = 64;

export interface LocalImagesInput {
  width: number;
  height: number;
  count: number;
  pixels: Uint8Array;
}

/** Validates the decoded images and wraps them as an ImageSet; throws a readable error. */
export function makeLocalImageSet(input: LocalImagesInput): ImageSet {
  const { width, height, count, pixels } = input;
  if (width !== LOCAL_IMAGE_PX || height !== LOCAL_IMAGE_PX) throw new Error(`local images must be ${LOCAL_IMAGE_PX}×${LOCAL_IMAGE_PX} px, got ${width}×${height}`);
  if (!Number.isInteger(count) || count < 1 || count > MAX_LOCAL_IMAGES) throw new Error(`between 1 and ${MAX_LOCAL_IMAGES} local images are allowed, got ${count}`);
  if (!(pixels instanceof Uint8Array) || pixels.length !== count * width * height) throw new Error(`local images: expected ${count * width * height} pixels, got ${pixels?.length ?? 0}`);
  const labels = new Uint8Array(count);
  for (let k = 0; k < count; k++) labels[k] = k;
  return { name: LOCAL_IMAGE_SET, width, height, count, labels, pixels: pixels.slice() };
}
