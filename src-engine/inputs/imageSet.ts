/**
 * ImageSet: labelled grey-level images as one Uint8Array (0–255), decoded from the compact
 * binary that scripts/build-mnist.mjs writes at install time. The engine never reads files or
 * fetches: the host (worker: fetch; CLI and tests: fs) loads the bytes and registers the set with
 * provideImageSet() before building an experiment that names it in `datasets`.
 */
export interface ImageSet {
  readonly name: string;
  readonly width: number;
  readonly height: number;
  readonly count: number;
  /** Label of image k. */
  readonly labels: Uint8Array;
  /** Pixels of image k at [k·w·h, (k+1)·w·h), row-major, 0–255. */
  readonly pixels: Uint8Array;
}

/** Decodes the "MNST" v1 format; throws a readable error for anything else. */
export function decodeImageSet(name: string, bytes: Uint8Array): ImageSet {
  if (bytes.length < 12 || String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3]) !== 'MNST') throw new Error(`${name}: not an image-set file`);
  if (bytes[4] !== 1) throw new Error(`${name}: unsupported image-set version ${bytes[4]}`);
  const width = bytes[5], height = bytes[6];
  const count = (bytes[8] | (bytes[9] << 8) | (bytes[10] << 16) | (bytes[11] << 24)) >>> 0;
  const need = 12 + count + count * width * height;
  if (bytes.length < need) throw new Error(`${name}: truncated (${bytes.length} of ${need} bytes)`);
  return { name, width, height, count, labels: bytes.subarray(12, 12 + count), pixels: bytes.subarray(12 + count, need) };
}

const sets = new Map<string, ImageSet>();

export function provideImageSet(set: ImageSet): void {
  sets.set(set.name, set);
}

export function hasImageSet(name: string): boolean {
  return sets.has(name);
}

export function getImageSet(name: string): ImageSet {
  const s = sets.get(name);
  if (!s) throw new Error(`image set "${name}" is not loaded`);
  return s;
}
