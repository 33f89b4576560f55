/**
 * Spike raster. x = time (axis in s) over the last `windowMs` ms ending at nowStep·dt, scrolling;
 * y = global neuron id, 0 at the TOP, layers separated by dashed lines and labelled on the right
 * beside a colour bar (excitatory blue, inhibitory red, input grey, output green).
 *
 * Spikes are written into a reused per-canvas ImageData (one putImageData per frame), so 300k
 * spikes per frame cost no canvas call and no allocation. With at least one pixel row per
 * neuron each spike is a short vertical tick; with more neurons than rows (e.g. 10,000 on ~700
 * rows) neurons share a row, spikes are counted per (row, 1-CSS-px column) cell in a reused byte
 * buffer, and a cell's colour deepens with its count (a single spike = 60 % strength).
 */
import type { RasterLayer, RunInfo } from '../../workers/simApi';
import type { SpikeWindow } from '../engine/spikeWindow';
import { AXIS_COLOR, beginFrame, drawNote, drawXAxis, drawYAxis, fitText, FONT, formatCount, formatSeconds, integerTicks, leftMargin, layerColor, timeWindow, xScale, yScale } from './axes';
import { completeFromStep } from './rateHistogram';

export interface RasterData {
  spikes: SpikeWindow;
  info: RunInfo | null;
  windowMs: number;
  nowStep: number;
}

export interface RasterOpts {
  dpr: number;
  /** CSS pixel size of the canvas. */
  width: number;
  height: number;
  /** Cap on distinct neuron rows; more neurons are aggregated into shared rows (default: one per device-pixel row). */
  maxRows?: number;
}

interface Buffers {
  image: ImageData;
  px: Uint32Array;
  cnt: Uint8Array;
  /** Per band: first and one-past-last device-pixel row of a dot. */
  dotY0: Int32Array;
  dotY1: Int32Array;
  /** Per band: the layer whose colour it uses (that of the neuron at its centre). */
  bandLayer: Uint8Array;
}

const buffers = new WeakMap<HTMLCanvasElement, Buffers>();
const WHITE = 0xffffffff;

/** Packs a #rrggbb colour, blended with white at strength a (0–1), into a little-endian RGBA word. */
export function packColor(hex: string, a = 1): number {
  const v = parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(255 - a * (255 - c));
  const r = mix((v >> 16) & 0xff), g = mix((v >> 8) & 0xff), b = mix(v & 0xff);
  return ((0xff << 24) | (b << 16) | (g << 8) | r) >>> 0;
}

/** Band (shared row group) of neuron `id` when `n` neurons are spread over `bands` bands, 0 at the top. */
export function bandOf(id: number, n: number, bands: number): number {
  return Math.min(bands - 1, Math.floor((id * bands) / n));
}

/** Index of the layer holding neuron `id` (layers are contiguous and in id order). */
export function layerOf(layers: readonly RasterLayer[], id: number): number {
  let l = 0;
  while (l + 1 < layers.length && id >= layers[l + 1].start) l++;
  return l;
}

/** Spikes needed for full colour in one cell: 1 while a row holds at most 4 neurons. */
export function saturationCount(neuronsPerBand: number): number {
  return neuronsPerBand <= 4 ? 1 : Math.min(32, Math.ceil(neuronsPerBand / 4));
}

function getBuffers(canvas: HTMLCanvasElement, pw: number, ph: number): Buffers {
  let b = buffers.get(canvas);
  if (!b || b.image.width !== pw || b.image.height !== ph) {
    const image = new ImageData(pw, ph);
    b = { image, px: new Uint32Array(image.data.buffer), cnt: new Uint8Array(pw * ph), dotY0: new Int32Array(ph), dotY1: new Int32Array(ph), bandLayer: new Uint8Array(ph) };
    buffers.set(canvas, b);
  }
  return b;
}

export function renderRaster(canvas: HTMLCanvasElement, data: RasterData, opts: RasterOpts): { drawn: number } {
  const { info, windowMs } = data;
  const ctx0 = canvas.getContext('2d');
  if (!ctx0) return { drawn: 0 };
  ctx0.font = FONT;
  let labelW = 0;
  for (const l of info?.layers ?? []) labelW = Math.max(labelW, ctx0.measureText(l.label).width);
  const n = info && info.neurons > 0 ? info.neurons : 100;
  const marginL = leftMargin(canvas, [formatCount(n)]);
  // Layer labels sit right of the plot: room for the longest, up to a third of the width (then shortened).
  const marginR = Math.min(Math.round(opts.width / 3), Math.max(24, Math.ceil(labelW) + 22));
  const f = beginFrame(canvas, opts.width, opts.height, opts.dpr, { l: marginL, r: marginR, t: 10, b: 42 });
  if (!f) return { drawn: 0 };
  const dt = info?.dt_ms ?? 0.1;
  const { tStart, tEnd } = timeWindow(data.nowStep, dt, windowMs);
  const x = xScale(f, tStart, tEnd);
  const y = yScale(f, n, 0);
  let drawn = 0;

  if (info && info.neurons > 0) {
    const { ctx } = f;
    const dpr = opts.dpr;
    const px0 = Math.round(f.left * dpr), py0 = Math.round(f.top * dpr);
    const pw = Math.max(1, Math.round((f.right - f.left) * dpr));
    const ph = Math.max(1, Math.round((f.bottom - f.top) * dpr));
    const B = getBuffers(canvas, pw, ph);
    const { px, cnt, dotY0, dotY1, bandLayer } = B;
    const layers = info.layers;
    const bands = Math.max(1, Math.min(n, ph, Math.floor(opts.maxRows ?? ph)));
    const perBand = n / bands;
    const bandH = ph / bands;
    // Dot geometry per band: a neuron of its own gets a tick of ≤ 5 CSS px, with a gap to the
    // next neuron once its band is ≥ 4 device px tall; shared bands are filled.
    const maxH = Math.max(1, Math.round(5 * dpr));
    for (let b = 0; b < bands; b++) {
      const top = Math.floor(b * bandH), bot = Math.max(top + 1, Math.floor((b + 1) * bandH));
      const h = perBand <= 1 && bot - top >= 4 ? Math.min(maxH, Math.round((bot - top) * 0.75)) : bot - top;
      dotY0[b] = top + ((bot - top - h) >> 1);
      dotY1[b] = dotY0[b] + h;
      bandLayer[b] = layerOf(layers, Math.min(n - 1, Math.floor(((b + 0.5) * n) / bands)));
    }
    const dotW = Math.max(perBand <= 4 ? 2 : 1, Math.round((perBand <= 1 ? 2.5 : perBand <= 4 ? 2 : 1) * dpr));
    const levels = saturationCount(perBand);
    const palette = new Uint32Array(layers.length * levels);
    for (let l = 0; l < layers.length; l++)
      for (let j = 0; j < levels; j++) palette[l * levels + j] = packColor(layerColor(layers[l]), levels === 1 ? 1 : 0.6 + (0.4 * j) / (levels - 1));

    const colPerStep = (dt * pw) / windowMs;
    const col0 = (-tStart * pw) / windowMs + 1e-9;
    const fromStep = Math.max(0, Math.ceil(tStart / dt - 1e-6));
    px.fill(WHITE);
    if (perBand <= 1) {
      // Every neuron has its own band: paint each spike's tick straight into the image.
      data.spikes.forEachSince(fromStep, (step, id) => {
        if (id < 0 || id >= n) return;
        let col = Math.floor(step * colPerStep + col0);
        if (col < 0) return;
        if (col >= pw) col = pw - 1;
        const b = ((id * bands) / n) | 0;
        const color = palette[bandLayer[b]];
        const c1 = Math.min(pw, col + dotW);
        for (let r = dotY0[b], r1 = dotY1[b]; r < r1; r++) for (let c = r * pw + col, e = r * pw + c1; c < e; c++) px[c] = color;
        drawn++;
      });
    } else {
      // Shared bands: count spikes per cell (band × dotW columns, saturating bytes), then paint
      // each non-empty cell in a colour that deepens with its count, band by band in memory
      // order, and copy the band's first row down the rest of it.
      const cols = Math.ceil(pw / dotW);
      cnt.fill(0, 0, bands * cols);
      data.spikes.forEachSince(fromStep, (step, id) => {
        if (id < 0 || id >= n) return;
        let col = Math.floor(step * colPerStep + col0);
        if (col < 0) return;
        if (col >= pw) col = pw - 1;
        const i = (((id * bands) / n) | 0) * cols + ((col / dotW) | 0);
        if (cnt[i] !== 255) cnt[i]++;
        drawn++;
      });
      for (let b = 0; b < bands; b++) {
        const base = b * cols;
        const r0 = dotY0[b], r1 = dotY1[b];
        const row = r0 * pw;
        const off = bandLayer[b] * levels - 1;
        let any = false;
        for (let cc = 0; cc < cols; cc++) {
          const k = cnt[base + cc];
          if (k === 0) continue;
          const color = palette[off + (k < levels ? k : levels)];
          for (let j = row + cc * dotW, e = row + Math.min(pw, cc * dotW + dotW); j < e; j++) px[j] = color;
          any = true;
        }
        if (any) for (let r = r0 + 1; r < r1; r++) px.copyWithin(r * pw, row, row + pw);
      }
    }
    ctx.putImageData(B.image, px0, py0);

    // Layer boundaries (dashed), colour bars and labels on the right.
    const bandTop = (id: number) => f.top + Math.floor(bandOf(id, n, bands) * bandH) / dpr;
    ctx.font = FONT;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    let prevY = -Infinity;
    for (const l of layers) {
      const yTop = l.start <= 0 ? f.top : bandTop(l.start);
      const yBot = l.start + l.count >= n ? f.bottom : bandTop(l.start + l.count);
      if (l.start > 0) {
        ctx.strokeStyle = '#7d8a97';
        ctx.lineWidth = 1;
        ctx.setLineDash([5, 4]);
        ctx.beginPath();
        ctx.moveTo(f.left, Math.round(yTop) + 0.5);
        ctx.lineTo(f.right, Math.round(yTop) + 0.5);
        ctx.stroke();
        ctx.setLineDash([]);
      }
      ctx.fillStyle = layerColor(l);
      ctx.fillRect(f.right + 3, yTop, 5, Math.max(1, yBot - yTop));
      const ly = Math.min(f.bottom - 6, Math.max((yTop + yBot) / 2, prevY + 15));
      ctx.fillText(fitText(ctx, l.label, marginR - 14), f.right + 12, ly);
      prevY = ly;
    }
    const held = completeFromStep(data.spikes, fromStep);
    if (held > fromStep && data.spikes.total > 0) {
      ctx.fillStyle = AXIS_COLOR;
      ctx.textAlign = 'left';
      ctx.fillText('older spikes not kept for display', f.left + 6, f.top + 10);
    } else if (drawn === 0) drawNote(f, data.nowStep === 0 ? 'no spikes yet — press Play' : 'no spikes in this window');
  } else {
    drawNote(f, 'no run');
  }
  drawXAxis(f, x, 'time (s)', formatSeconds);
  // Neuron indices: whole numbers only (a one-neuron raster shows just "0").
  drawYAxis(f, y, 'neuron', formatCount, false, integerTicks(y, Math.max(2, Math.floor((f.bottom - f.top) / 40)), formatCount));
  return { drawn };
}
