/**
 * Image grid: receptive fields or input frames drawn as crisp pixel blocks. Signed images use a
 * diverging scale (blue − / white 0 / red +) normalised per image to its largest |value|;
 * intensity images use grey levels on a fixed [0, 1] scale. Tiles are laid out to fill the
 * canvas with square pixels; a spec's captions (e.g. "input x", "reconstruction") sit under their tiles.
 */
import type { ImageGridSpec } from '../../workers/simApi';
import { beginFrame, FONT } from './axes';

/** Height (px) of the caption line under each tile, when the spec has captions. */
const CAPTION_H = 18;

/** Columns that make the tiles as large as possible inside w×h for n square tiles. */
export function gridColumns(n: number, w: number, h: number, aspect = 1, captionH = 0): number {
  let best = 1, bestSize = 0;
  for (let cols = 1; cols <= n; cols++) {
    const rows = Math.ceil(n / cols);
    const size = Math.min(w / cols, (h - rows * captionH) / (rows * aspect));
    if (size > bestSize) {
      bestSize = size;
      best = cols;
    }
  }
  return best;
}

/** RGB of value v in [−1, 1] on the blue–white–red scale. */
export function diverging(v: number): [number, number, number] {
  const t = Math.max(-1, Math.min(1, v));
  return t >= 0 ? [255, Math.round(255 * (1 - t * 0.85)), Math.round(255 * (1 - t * 0.85))] : [Math.round(255 * (1 + t * 0.88)), Math.round(255 * (1 + t * 0.55)), 255];
}

export function renderImageGrid(canvas: HTMLCanvasElement, spec: ImageGridSpec | undefined, opts: { dpr: number; width: number; height: number }): void {
  const f = beginFrame(canvas, opts.width, opts.height, opts.dpr, { l: 4, r: 4, t: 4, b: 4 });
  if (!f) return;
  const { ctx } = f;
  if (!spec || spec.images.length === 0) {
    ctx.font = FONT;
    ctx.fillStyle = '#8a96a3';
    ctx.textAlign = 'center';
    ctx.fillText('waiting for data', opts.width / 2, opts.height / 2);
    return;
  }
  const n = spec.images.length;
  const W = f.right - f.left, H = f.bottom - f.top;
  const aspect = spec.height / spec.width;
  const captionH = spec.captions?.length ? CAPTION_H : 0;
  const cols = gridColumns(n, W, H, aspect, captionH);
  const rows = Math.ceil(n / cols);
  const gap = n > 1 ? 3 : 0;
  const tile = Math.floor(Math.min((W - gap * (cols - 1)) / cols, (H - gap * (rows - 1) - rows * captionH) / (rows * aspect)));
  const px = Math.max(1, Math.floor(tile / spec.width));
  const tw = px * spec.width, th = px * spec.height;
  const x0 = f.left + Math.floor((W - (cols * tw + gap * (cols - 1))) / 2);
  for (let k = 0; k < n; k++) {
    const img = spec.images[k];
    let scale = 1;
    if (spec.signed) {
      let m = 0;
      for (const v of img) m = Math.max(m, Math.abs(v));
      scale = m > 0 ? 1 / m : 1;
    }
    const ox = x0 + (k % cols) * (tw + gap);
    const oy = f.top + Math.floor(k / cols) * (th + captionH + gap);
    for (let y = 0; y < spec.height; y++) {
      for (let x = 0; x < spec.width; x++) {
        const v = img[y * spec.width + x];
        let r: number, g: number, b: number;
        if (spec.signed) [r, g, b] = diverging(v * scale);
        else r = g = b = Math.round(255 * (1 - Math.max(0, Math.min(1, v))));
        ctx.fillStyle = `rgb(${r},${g},${b})`;
        ctx.fillRect(ox + x * px, oy + y * px, px, px);
      }
    }
    ctx.strokeStyle = '#c9d2db';
    ctx.lineWidth = 1;
    ctx.strokeRect(ox - 0.5, oy - 0.5, tw + 1, th + 1);
    const caption = spec.captions?.[k];
    if (caption) {
      ctx.font = FONT;
      ctx.fillStyle = '#3b4754';
      ctx.textAlign = 'center';
      ctx.textBaseline = 'top';
      ctx.fillText(caption, ox + tw / 2, oy + th + 3, tw);
    }
  }
}
