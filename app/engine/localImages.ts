/**
 * The user's own images, decoded entirely in the page (never uploaded): each dropped or picked
 * file is checked (type, size, count, dimensions), decoded with createImageBitmap, centre-cropped
 * to a square, resized to 28×28 and turned into grey levels. Light backgrounds are inverted so
 * the figure is bright on dark, as in MNIST. The last set is kept so a restarted worker gets it again.
 */
import type { LocalImages } from '../../workers/simApi';

export const IMAGE_PX = 28;
export const MAX_IMAGES = 64;
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MIN_SIDE = 8;
export const MAX_SIDE = 10_000;
const TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp'];

/** A reason the file cannot be used, or null. */
export function checkImageFile(f: { name: string; type: string; size: number }): string | null {
  if (!TYPES.includes(f.type)) return `${f.name}: not a PNG, JPEG, GIF, WebP or BMP image (${f.type || 'unknown type'})`;
  if (f.size > MAX_FILE_BYTES) return `${f.name}: larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`;
  if (f.size === 0) return `${f.name}: empty file`;
  return null;
}

export function checkImageSize(name: string, w: number, h: number): string | null {
  if (w < MIN_SIDE || h < MIN_SIDE) return `${name}: too small (${w}×${h} px; at least ${MIN_SIDE}×${MIN_SIDE})`;
  if (w > MAX_SIDE || h > MAX_SIDE) return `${name}: too large (${w}×${h} px; at most ${MAX_SIDE} px a side)`;
  return null;
}

/**
 * RGBA (premultiplied onto black by alpha) → grey levels 0–255 (Rec. 601 luma); inverted when
 * the border is mostly light, so backgrounds come out dark.
 */
export function toGrey(rgba: Uint8ClampedArray, w: number, h: number): Uint8Array {
  const out = new Uint8Array(w * h);
  for (let i = 0; i < w * h; i++) {
    const a = rgba[4 * i + 3] / 255;
    out[i] = Math.round((0.299 * rgba[4 * i] + 0.587 * rgba[4 * i + 1] + 0.114 * rgba[4 * i + 2]) * a);
  }
  let border = 0, n = 0;
  for (let x = 0; x < w; x++) (border += out[x] + out[(h - 1) * w + x]), (n += 2);
  for (let y = 1; y < h - 1; y++) (border += out[y * w] + out[y * w + w - 1]), (n += 2);
  if (border / n > 127) for (let i = 0; i < out.length; i++) out[i] = 255 - out[i];
  return out;
}

export interface DecodedImages {
  images: LocalImages | null;
  /** One message per refused file. */
  problems: string[];
}

/** Decodes files into a 28×28 grey image set (the first MAX_IMAGES usable ones). */
export async function decodeImageFiles(files: File[]): Promise<DecodedImages> {
  const problems: string[] = [];
  if (files.length > MAX_IMAGES) problems.push(`Only the first ${MAX_IMAGES} of ${files.length} files are used.`);
  const grey: Uint8Array[] = [];
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = IMAGE_PX;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return { images: null, problems: ['This browser cannot decode images in a canvas.'] };
  for (const f of files.slice(0, MAX_IMAGES)) {
    const bad = checkImageFile(f);
    if (bad) {
      problems.push(bad);
      continue;
    }
    let bmp: ImageBitmap;
    try {
      bmp = await createImageBitmap(f);
    } catch {
      problems.push(`${f.name}: could not be decoded as an image`);
      continue;
    }
    const tooBig = checkImageSize(f.name, bmp.width, bmp.height);
    if (tooBig) {
      problems.push(tooBig);
      bmp.close();
      continue;
    }
    const side = Math.min(bmp.width, bmp.height);
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, IMAGE_PX, IMAGE_PX);
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bmp, (bmp.width - side) / 2, (bmp.height - side) / 2, side, side, 0, 0, IMAGE_PX, IMAGE_PX);
    bmp.close();
    grey.push(toGrey(ctx.getImageData(0, 0, IMAGE_PX, IMAGE_PX).data, IMAGE_PX, IMAGE_PX));
  }
  if (grey.length === 0) return { images: null, problems: problems.length ? problems : ['No images were given.'] };
  const pixels = new Uint8Array(grey.length * IMAGE_PX * IMAGE_PX);
  grey.forEach((g, k) => pixels.set(g, k * IMAGE_PX * IMAGE_PX));
  return { images: { width: IMAGE_PX, height: IMAGE_PX, count: grey.length, pixels }, problems };
}

let last: LocalImages | null = null;

export function rememberLocalImages(images: LocalImages | null): void {
  last = images;
}

export function lastLocalImages(): LocalImages | null {
  return last;
}
