/**
 * Shared canvas chart frame for the live charts: DPR-scaled setup, plot-area geometry, linear
 * scales with d3's nice ticks, axes (ticks, tick labels, titles) and a wrapping legend, all in a
 * projector-legible 13 px font on white. Units are CSS pixels throughout (the context is scaled
 * by devicePixelRatio). Also the role palette shared by raster, rate trace and histogram.
 */
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import type { RasterLayer } from '../../workers/simApi';

export interface Frame2D {
  ctx: CanvasRenderingContext2D;
  /** CSS pixel size of the whole canvas. */
  width: number;
  height: number;
  /** Plot area in CSS pixels (mutable: a legend may push `top` down). */
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Margin {
  l: number;
  r: number;
  t: number;
  b: number;
}

const FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';
/** Chart fonts and line-width factor; projector mode (theme.ts) enlarges them. Live bindings: read at draw time. */
export let FONT = `13px ${FAMILY}`;
export let FONT_BOLD = `600 13px ${FAMILY}`;
export let LINE_SCALE = 1;
export let FONT_PX = 13;

export function setChartScale(fontPx: number, lineScale: number): void {
  FONT_PX = fontPx;
  FONT = `${fontPx}px ${FAMILY}`;
  FONT_BOLD = `600 ${fontPx}px ${FAMILY}`;
  LINE_SCALE = lineScale;
}
export const AXIS_COLOR = '#26323d';
export const GRID_COLOR = '#e3e8ee';

/** Series colours of experiment charts by role (PlotSeries.color); theme.ts swaps them in projector mode. */
export const SERIES_COLORS: Record<string, string> = {
  exc: '#1f6fd1',
  inh: '#d1343f',
  data: '#14202b',
  model: '#16884a',
  alt: '#a35a00',
  muted: '#8a96a3',
};

/** Role colours, chosen to read on white at projector distance. */
export const ROLE_COLORS: Record<RasterLayer['role'], string> = {
  exc: '#1f6fd1',
  inh: '#d1343f',
  input: '#6b7785',
  output: '#16884a',
};

export function roleColor(role: string): string {
  return ROLE_COLORS[role as RasterLayer['role']] ?? '#000000';
}

/** A layer's colour: the series colour it declares (so it matches the experiment's charts), else its role's. */
export function layerColor(layer: Pick<RasterLayer, 'role' | 'color'>): string {
  return layer.color ? SERIES_COLORS[layer.color] ?? roleColor(layer.role) : roleColor(layer.role);
}

/** Sizes the backing store (device pixels), scales the context by dpr, clears to white. */
export function beginFrame(canvas: HTMLCanvasElement, width: number, height: number, dpr: number, m: Margin = { l: 58, r: 14, t: 10, b: 42 }): Frame2D | null {
  const w = Math.max(1, Math.round(width * dpr));
  const h = Math.max(1, Math.round(height * dpr));
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.globalAlpha = 1;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  return { ctx, width, height, left: m.l, top: m.t, right: Math.max(m.l + 10, width - m.r), bottom: Math.max(m.t + 10, height - m.b) };
}

export function xScale(f: Frame2D, d0: number, d1: number): ScaleLinear<number, number> {
  return scaleLinear().domain([d0, d1]).range([f.left, f.right]);
}

/** y scale with d0 at the bottom of the plot area. */
export function yScale(f: Frame2D, d0: number, d1: number): ScaleLinear<number, number> {
  return scaleLinear().domain([d0, d1]).range([f.bottom, f.top]);
}

/**
 * Left margin (CSS px) that fits the vertical axis title plus the widest of `labels` as tick
 * labels; measured with the axis font, so numbers like "10,000" never collide with the title.
 */
export function leftMargin(canvas: HTMLCanvasElement, labels: string[]): number {
  const ctx = canvas.getContext('2d');
  if (!ctx) return 60;
  ctx.font = FONT;
  let w = 0;
  for (const t of labels) w = Math.max(w, ctx.measureText(t).width);
  return Math.max(48, Math.ceil(w) + 36);
}

/** Widest label a count axis up to `max` can show (e.g. "10,000" for 5,200). */
export function widestCount(max: number): string {
  return formatCount(10 ** Math.ceil(Math.log10(Math.max(1, max) + 1)));
}

/** A tick: its value and its label ('' for an unlabelled tick). */
export interface Tick {
  v: number;
  label: string;
}

/** Bottom axis with ticks, tick labels and a title. */
export function drawXAxis(f: Frame2D, x: ScaleLinear<number, number>, title: string, format: (v: number) => string = String, grid = false, given?: Tick[]): void {
  const { ctx } = f;
  ctx.font = FONT;
  ctx.fillStyle = AXIS_COLOR;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  const ticks = given ?? x.ticks(Math.max(2, Math.floor((f.right - f.left) / 90))).map((v) => ({ v, label: format(v) }));
  for (const t of ticks) {
    const px = Math.round(x(t.v)) + 0.5;
    if (px < f.left - 1 || px > f.right + 1) continue;
    if (grid) line(ctx, px, f.top, px, f.bottom, GRID_COLOR);
    line(ctx, px, f.bottom, px, f.bottom + 5, AXIS_COLOR);
    ctx.fillText(t.label, px, f.bottom + 7);
  }
  line(ctx, f.left, Math.round(f.bottom) + 0.5, f.right, Math.round(f.bottom) + 0.5, AXIS_COLOR);
  const cx = (f.left + f.right) / 2;
  ctx.fillText(fitText(ctx, title, 2 * Math.min(cx - 2, f.width - 2 - cx)), cx, f.bottom + 24);
}

/** Left axis with ticks, tick labels and a vertical title. */
export function drawYAxis(f: Frame2D, y: ScaleLinear<number, number>, title: string, format: (v: number) => string = String, grid = false, given?: Tick[]): void {
  const { ctx } = f;
  ctx.font = FONT;
  ctx.fillStyle = AXIS_COLOR;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  const ticks = given ?? y.ticks(Math.max(2, Math.floor((f.bottom - f.top) / 40))).map((v) => ({ v, label: format(v) }));
  for (const t of ticks) {
    const py = Math.round(y(t.v)) + 0.5;
    if (py < f.top - 1 || py > f.bottom + 1) continue;
    if (grid) line(ctx, f.left, py, f.right, py, GRID_COLOR);
    line(ctx, f.left - 5, py, f.left, py, AXIS_COLOR);
    ctx.fillText(t.label, f.left - 7, py);
  }
  line(ctx, Math.round(f.left) - 0.5, f.top, Math.round(f.left) - 0.5, f.bottom, AXIS_COLOR);
  ctx.save();
  const cy = (f.top + f.bottom) / 2;
  ctx.translate(14, cy);
  ctx.rotate(-Math.PI / 2);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(fitText(ctx, title, 2 * Math.min(cy - 2, f.height - 2 - cy)), 0, 0);
  ctx.restore();
}

export interface LegendItem {
  color: string;
  text: string;
}

/**
 * Legend swatches + text laid out left to right in the top margin, wrapping onto new rows;
 * moves f.top below the legend so the plot area does not overlap it.
 */
export function drawLegend(f: Frame2D, items: LegendItem[], swatch: 'line' | 'box' = 'line'): void {
  const { ctx } = f;
  ctx.font = FONT;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  const rowH = Math.max(18, Math.round(parseFloat(FONT) * 1.35));
  // Rows span the canvas above the plot (over the axis margin too), so a long entry on a narrow
  // or projector-sized chart wraps or shortens instead of running off the edge.
  const x0 = Math.min(f.left, 6), x1 = f.width - 4;
  let lx = x0;
  let ly = 4 + rowH / 2;
  for (const it of items) {
    const room = x1 - x0 - 24;
    const text = fitText(ctx, it.text, room);
    const w = 24 + ctx.measureText(text).width + 16;
    if (lx > x0 && lx + w - 16 > x1) {
      lx = x0;
      ly += rowH;
    }
    ctx.fillStyle = it.color;
    if (swatch === 'line') ctx.fillRect(lx, ly - 1.5, 18, 3);
    else ctx.fillRect(lx + 3, ly - 6, 12, 12);
    ctx.fillStyle = AXIS_COLOR;
    ctx.fillText(text, lx + 24, ly);
    lx += w;
  }
  f.top = Math.max(f.top, ly + rowH / 2 + 6);
}

/** A centred grey note inside the plot area (e.g. "no run"). */
export function drawNote(f: Frame2D, text: string): void {
  f.ctx.font = FONT_BOLD;
  f.ctx.fillStyle = '#6b7785';
  f.ctx.textAlign = 'center';
  f.ctx.textBaseline = 'middle';
  f.ctx.fillText(text, (f.left + f.right) / 2, (f.top + f.bottom) / 2);
}

export function line(ctx: CanvasRenderingContext2D, x0: number, y0: number, x1: number, y1: number, color: string): void {
  ctx.strokeStyle = color;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1, y1);
  ctx.stroke();
}

/** Formats a time in ms as seconds with as many decimals as the tick needs (0, 0.25, 1.5). */
export function formatSeconds(ms: number): string {
  const s = Math.round(ms) / 1000;
  return String(Number(s.toFixed(3)));
}

/** Formats counts with thousands separators (10,000). */
export function formatCount(v: number): string {
  return v.toLocaleString('en');
}

/**
 * Axis maximum with hysteresis, so live axes do not jump every frame: grows at once to fit
 * (with 15 % head-room), shrinks only when the data fall below 40 % of the current maximum,
 * and never goes below `floor`.
 */
export function stickyMax(prev: number, dataMax: number, floor: number): number {
  const fit = Math.max(floor, dataMax * 1.15);
  if (!Number.isFinite(prev) || prev <= 0 || dataMax > prev || dataMax < prev * 0.4) return fit;
  return Math.max(prev, floor);
}

/** Plot-window bounds in ms: the last windowMs ending at nowStep·dt (starting at 0 early on). */
export function timeWindow(nowStep: number, dt: number, windowMs: number): { tStart: number; tEnd: number } {
  const tEnd = Math.max(windowMs, nowStep * dt);
  return { tStart: tEnd - windowMs, tEnd };
}

/** Whole-number ticks of a scale (at least the ends of its domain when d3 offers fewer than two). */
export function integerTicks(scale: ScaleLinear<number, number>, count: number, format: (v: number) => string = String): Tick[] {
  let ticks = scale.ticks(count).filter((t) => Number.isInteger(t));
  if (ticks.length < 2) {
    const [a, b] = scale.domain();
    const lo = Math.ceil(Math.min(a, b)), hi = Math.floor(Math.max(a, b));
    ticks = lo === hi ? [lo] : [lo, hi];
  }
  return ticks.map((v) => ({ v, label: format(v) }));
}

/** The text, shortened with "…" to fit `maxWidth` px in the context's current font. */
export function fitText(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string {
  if (ctx.measureText(text).width <= maxWidth) return text;
  let t = text;
  while (t.length > 1 && ctx.measureText(`${t}…`).width > maxWidth) t = t.slice(0, -1);
  return `${t}…`;
}
