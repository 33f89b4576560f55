/**
 * Spike raster: one dot per spike, x = time (s) over a scrolling window ending now, y = neuron
 * (global id, 0 at the top), coloured by layer (excitatory blue, inhibitory red). Dots are written
 * straight into an ImageData buffer, so 300k spikes per frame cost no per-spike canvas call or
 * allocation; axes and layer labels are drawn on top.
 */
import type { RunInfo } from '../../workers/simApi';
import type { SpikeWindow } from '../engine/spikeWindow';
import { beginFrame, drawNote, drawXAxis, drawYAxis, formatSeconds, FONT, ROLE_COLORS, xScale, yScale } from './axes';

export interface RasterData {
  spikes: SpikeWindow;
  info: RunInfo | null;
  windowMs: number;
  nowStep: number;
}

export interface RasterOpts {
  dpr: number;
  width: number;
  height: number;
}

let image: ImageData | null = null;
let pixels: Uint32Array | null = null;

/** Packs a #rrggbb colour into the little-endian RGBA word ImageData expects. */
export function packColor(hex: string): number {
  const v = parseInt(hex.slice(1), 16);
  return (0xff << 24) | ((v & 0xff) << 16) | (v & 0xff00) | ((v >> 16) & 0xff);
}

/** Pixel row of neuron `id` when `n` neurons share `rows` rows (0 at the top). */
export function rowOf(id: number, n: number, rows: number): number {
  return Math.min(rows - 1, Math.floor((id * rows) / n));
}

export function renderRaster(canvas: HTMLCanvasElement, data: RasterData, opts: RasterOpts): { drawn: number } {
  const f = beginFrame(canvas, opts.width, opts.height, opts.dpr, { l: 64, r: 86, t: 8, b: 40 });
  if (!f) return { drawn: 0 };
  const info = data.info;
  const dt = info?.dt_ms ?? 0.1;
  const tEnd = Math.max(data.windowMs, data.nowStep * dt);
  const tStart = tEnd - data.windowMs;
  const n = info?.neurons ?? 1;
  const x = xScale(f, tStart, tEnd);
  const y = yScale(f, n, 0);
  let drawn = 0;

  if (info) {
    // Device-pixel plot area.
    const dpr = opts.dpr;
    const px0 = Math.round(f.left * dpr), py0 = Math.round(f.top * dpr);
    const pw = Math.max(1, Math.round((f.right - f.left) * dpr));
    const ph = Math.max(1, Math.round((f.bottom - f.top) * dpr));
    if (!image || image.width !== pw || image.height !== ph) {
      image = new ImageData(pw, ph);
      pixels = new Uint32Array(image.data.buffer);
    }
    const px = pixels!;
    px.fill(0xffffffff);
    const layers = info.layers;
    const colors = layers.map((l) => packColor(ROLE_COLORS[l.role] ?? '#000000'));
    const starts = layers.map((l) => l.start);
    // Dot size: a neuron gets its own rows when there is room; at least 1×2 device pixels.
    const rowH = Math.max(1, Math.min(Math.floor(ph / n), Math.round(3 * dpr)));
    const dotW = Math.max(2, Math.round(1.5 * dpr));
    const msPerPx = data.windowMs / pw;
    const fromStep = Math.ceil(tStart / dt);
    data.spikes.forEachSince(fromStep, (step, id) => {
      const col = Math.floor((step * dt - tStart) / msPerPx);
      if (col < 0 || col >= pw || id < 0 || id >= n) return;
      let l = 0;
      while (l + 1 < starts.length && id >= starts[l + 1]) l++;
      const c = colors[l];
      const r0 = rowOf(id, n, ph);
      for (let r = r0; r < r0 + rowH && r < ph; r++) {
        const base = r * pw + col;
        for (let k = 0; k < dotW && col + k < pw; k++) px[base + k] = c;
      }
      drawn++;
    });
    f.ctx.putImageData(image, px0, py0);

    // Layer boundaries and labels on the right.
    const { ctx } = f;
    ctx.font = FONT;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    for (const l of layers) {
      const yTop = y(l.start);
      const yBot = y(l.start + l.count);
      if (l.start > 0) {
        ctx.strokeStyle = '#9aa6b2';
        ctx.setLineDash([4, 3]);
        ctx.beginPath();
        ctx.moveTo(f.left, Math.round(yTop) + 0.5);
        ctx.lineTo(f.right, Math.round(yTop) + 0.5);
        ctx.stroke();
        ctx.setLineDash([]);
      }
      ctx.fillStyle = ROLE_COLORS[l.role] ?? '#000';
      ctx.fillText(l.label, f.right + 6, (yTop + yBot) / 2);
    }
  } else {
    drawNote(f, 'no run');
  }
  drawXAxis(f, x, 'time (s)', formatSeconds);
  drawYAxis(f, y, 'neuron', (v) => v.toLocaleString('en'));
  return { drawn };
}
