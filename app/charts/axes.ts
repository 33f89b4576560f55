/**
 * Shared canvas chart frame: plot-area geometry, linear scales with d3's nice ticks, and axis
 * drawing (ticks, labels, titles) in a projector-legible font. Used by every canvas renderer.
 */
import { scaleLinear, type ScaleLinear } from 'd3';

export interface Frame2D {
  ctx: CanvasRenderingContext2D;
  /** CSS pixel size of the whole canvas. */
  width: number;
  height: number;
  /** Plot area in CSS pixels. */
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export const FONT = '13px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';
export const AXIS_COLOR = '#3b4753';
export const GRID_COLOR = '#e6ebf0';

export const ROLE_COLORS: Record<string, string> = {
  exc: '#1f6fd1',
  inh: '#d1343f',
  input: '#6b7785',
  output: '#16884a',
};

/** Prepares a DPR-scaled context, clears it and returns the plot-area geometry. */
export function beginFrame(canvas: HTMLCanvasElement, width: number, height: number, dpr: number, margin = { l: 58, r: 12, t: 10, b: 40 }): Frame2D | null {
  const w = Math.max(1, Math.round(width * dpr));
  const h = Math.max(1, Math.round(height * dpr));
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  return { ctx, width, height, left: margin.l, top: margin.t, right: Math.max(margin.l + 10, width - margin.r), bottom: Math.max(margin.t + 10, height - margin.b) };
}

export function xScale(f: Frame2D, d0: number, d1: number): ScaleLinear<number, number> {
  return scaleLinear().domain([d0, d1]).range([f.left, f.right]);
}

export function yScale(f: Frame2D, d0: number, d1: number): ScaleLinear<number, number> {
  return scaleLinear().domain([d0, d1]).range([f.bottom, f.top]);
}

/** Bottom axis with ticks, tick labels and a title. */
export function drawXAxis(f: Frame2D, x: ScaleLinear<number, number>, title: string, format: (v: number) => string = String, grid = false): void {
  const { ctx } = f;
  ctx.font = FONT;
  ctx.fillStyle = AXIS_COLOR;
  ctx.strokeStyle = AXIS_COLOR;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  const ticks = x.ticks(Math.max(2, Math.floor((f.right - f.left) / 90)));
  for (const t of ticks) {
    const px = Math.round(x(t)) + 0.5;
    if (grid) line(ctx, px, f.top, px, f.bottom, GRID_COLOR);
    line(ctx, px, f.bottom, px, f.bottom + 5, AXIS_COLOR);
    ctx.fillText(format(t), px, f.bottom + 7);
  }
  line(ctx, f.left, f.bottom + 0.5, f.right, f.bottom + 0.5, AXIS_COLOR);
  ctx.fillText(title, (f.left + f.right) / 2, f.bottom + 23);
}

/** Left axis with ticks, tick labels and a vertical title. */
export function drawYAxis(f: Frame2D, y: ScaleLinear<number, number>, title: string, format: (v: number) => string = String, grid = false): void {
  const { ctx } = f;
  ctx.font = FONT;
  ctx.fillStyle = AXIS_COLOR;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  const ticks = y.ticks(Math.max(2, Math.floor((f.bottom - f.top) / 40)));
  for (const t of ticks) {
    const py = Math.round(y(t)) + 0.5;
    if (grid) line(ctx, f.left, py, f.right, py, GRID_COLOR);
    line(ctx, f.left - 5, py, f.left, py, AXIS_COLOR);
    ctx.fillText(format(t), f.left - 7, py);
  }
  line(ctx, f.left - 0.5, f.top, f.left - 0.5, f.bottom, AXIS_COLOR);
  ctx.save();
  ctx.translate(14, (f.top + f.bottom) / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(title, 0, 0);
  ctx.restore();
}

/** A centred grey note inside the plot area (e.g. "no run"). */
export function drawNote(f: Frame2D, text: string): void {
  f.ctx.font = FONT;
  f.ctx.fillStyle = '#8a96a3';
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

/** Seconds with as many decimals as the tick spacing needs. */
export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return Math.abs(s - Math.round(s)) < 1e-9 ? s.toFixed(0) : s.toFixed(s * 10 === Math.round(s * 10) ? 1 : 2);
}
