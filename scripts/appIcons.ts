/**
 * The app's install icons, drawn at build time (no downloads, no image tools): the favicon's
 * design — a spike raster of short strokes on a rounded navy square, one spike in red — rasterised
 * with 4×4 supersampling and written as PNG (zlib from Node). `maskable` icons fill the square
 * and keep the strokes inside the central 80 % safe zone that launchers may crop to.
 */
import { deflateSync } from 'node:zlib';

/** Strokes in the favicon's 32-unit box: [x, y0, y1] (vertical, round caps), colour index. */
const STROKES: [number, number, number, number][] = [
  [7, 8, 12, 0], [13, 8, 12, 0], [10, 15, 19, 0], [19, 15, 19, 0], [7, 22, 26, 0],
  [16, 22, 26, 0], [25, 8, 12, 0], [22, 22, 26, 0], [25, 15, 19, 1],
];
const BG = [0x0f, 0x29, 0x42];
const INK = [[0x5f, 0xb0, 0xff], [0xff, 0x6b, 0x75]];
const HALF_WIDTH = 1.2;
const RADIUS = 6;
const SS = 4;

/** RGBA pixels of the icon at `size` × `size`. */
export function drawIcon(size: number, maskable: boolean): Uint8Array {
  const px = new Uint8Array(size * size * 4);
  // Maskable: full-bleed background, the design scaled into the safe zone.
  const scale = maskable ? (size * 0.8) / 32 : size / 32;
  const off = maskable ? size * 0.1 : 0;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const X = x + (sx + 0.5) / SS, Y = y + (sy + 0.5) / SS;
          const u = (X - off) / scale, v = (Y - off) / scale;
          if (!maskable && !insideRoundRect(X / (size / 32), Y / (size / 32))) continue;
          let c = BG;
          for (let k = 0; k < STROKES.length; k++) {
            const s = STROKES[k];
            const dx = u - s[0], dy = v < s[1] ? s[1] - v : v > s[2] ? v - s[2] : 0;
            if (dx * dx + dy * dy <= HALF_WIDTH * HALF_WIDTH) c = INK[s[3]];
          }
          r += c[0]; g += c[1]; b += c[2]; a += 255;
        }
      }
      const n = SS * SS, i = (y * size + x) * 4;
      const cover = a / n / 255;
      px[i] = cover ? Math.round(r / n / cover) : 0;
      px[i + 1] = cover ? Math.round(g / n / cover) : 0;
      px[i + 2] = cover ? Math.round(b / n / cover) : 0;
      px[i + 3] = Math.round(a / n);
    }
  }
  return px;
}

function insideRoundRect(u: number, v: number): boolean {
  const cx = Math.min(Math.max(u, RADIUS), 32 - RADIUS), cy = Math.min(Math.max(v, RADIUS), 32 - RADIUS);
  return (u - cx) ** 2 + (v - cy) ** 2 <= RADIUS * RADIUS;
}

/** A PNG file (8-bit RGBA, no interlace) of `size` × `size` pixels. */
export function encodePng(size: number, rgba: Uint8Array): Uint8Array {
  const raw = new Uint8Array(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) raw.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  const ihdr = new Uint8Array(13);
  const dv = new DataView(ihdr.buffer);
  dv.setUint32(0, size);
  dv.setUint32(4, size);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const sig = Uint8Array.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return concat([sig, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', new Uint8Array(0))]);
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  dv.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** The icons the web app manifest lists: file name, size, purpose. */
export const APP_ICONS = [
  { src: 'icons/icon-192.png', size: 192, purpose: 'any' as const },
  { src: 'icons/icon-512.png', size: 512, purpose: 'any' as const },
  { src: 'icons/icon-maskable-512.png', size: 512, purpose: 'maskable' as const },
];

export function iconPng(size: number, purpose: 'any' | 'maskable'): Uint8Array {
  return encodePng(size, drawIcon(size, purpose === 'maskable'));
}
