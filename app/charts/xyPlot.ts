/**
 * Generic experiment chart: the PlotSpec an experiment sends (STDP windows, frequency curves
 * with data points and error bars, weight histograms). Linear or logarithmic x, y from the data
 * (error bars included) unless fixed, optional y = 0 line, legend inside the plot area.
 */
import { scaleLog } from 'd3';
import type { XYPlotSpec as PlotSpec } from '../../workers/simApi';
import { beginFrame, drawNote, drawXAxis, drawYAxis, FONT, line, xScale, yScale, LINE_SCALE } from './axes';

export const SERIES_COLORS: Record<string, string> = {
  exc: '#1f6fd1',
  inh: '#d1343f',
  data: '#14202b',
  model: '#16884a',
  alt: '#a35a00',
  muted: '#8a96a3',
};

/** Data range of all series (y includes error bars); ignores non-finite values. */
export function dataExtent(spec: PlotSpec): { x: [number, number]; y: [number, number] } {
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (const s of spec.series) {
    for (let k = 0; k < s.x.length; k++) {
      const x = s.x[k], y = s.y[k], e = s.yErr?.[k] ?? 0;
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      if ((spec.xLog && x <= 0) || (spec.yLog && y <= 0)) continue;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, s.style === 'bars' && k + 1 < s.x.length ? s.x[k + 1] : x);
      y0 = Math.min(y0, y - e, s.style === 'bars' ? 0 : Infinity);
      y1 = Math.max(y1, y + e);
    }
  }
  if (spec.zeroLine) {
    y0 = Math.min(y0, 0);
    y1 = Math.max(y1, 0);
  }
  if (!Number.isFinite(x0)) return { x: [0, 1], y: [0, 1] };
  if (x0 === x1) [x0, x1] = [x0 - 1, x1 + 1];
  if (y0 === y1) [y0, y1] = [y0 - 1, y1 + 1];
  return { x: [x0, x1], y: [y0, y1] };
}

export function renderXYPlot(canvas: HTMLCanvasElement, spec: PlotSpec | undefined, opts: { dpr: number; width: number; height: number }): void {
  const f = beginFrame(canvas, opts.width, opts.height, opts.dpr, { l: 70, r: 14, t: 10, b: 42 });
  if (!f) return;
  if (!spec) {
    drawXAxis(f, xScale(f, 0, 1), '');
    drawYAxis(f, yScale(f, 0, 1), '');
    drawNote(f, 'waiting for data');
    return;
  }
  const ext = dataExtent(spec);
  const xd = spec.xDomain ?? ext.x;
  const pad = (ext.y[1] - ext.y[0]) * 0.08;
  // Counts (bars) start at 0 exactly; other data get a little room on both sides.
  const hasBars = spec.series.some((s) => s.style === 'bars');
  const yd = spec.yDomain ?? (spec.yLog ? [ext.y[0] / 1.5, ext.y[1] * 1.5] : [hasBars && ext.y[0] >= 0 ? 0 : ext.y[0] - pad, ext.y[1] + pad]);
  const x = spec.xLog ? scaleLog().domain(xd).range([f.left, f.right]) : xScale(f, xd[0], xd[1]).nice();
  const y = spec.yLog ? (scaleLog().domain(yd).range([f.bottom, f.top]) as unknown as ReturnType<typeof yScale>) : yScale(f, yd[0], yd[1]).nice();
  const fmtY = (v: number) => spec.yLog ? (Number.isInteger(Math.log10(v)) ? v.toExponential(0) : '') : (Math.abs(v) >= 1e4 || (v !== 0 && Math.abs(v) < 1e-3) ? v.toExponential(0) : String(Number(v.toPrecision(4))));
  drawYAxis(f, y, spec.yLabel, fmtY, true);
  drawXAxis(f, x as ReturnType<typeof xScale>, spec.xLabel, (v) => (spec.xLog ? (Number.isInteger(Math.log10(v)) ? String(v) : '') : String(Number(v.toPrecision(6)))), !spec.xLog);
  const { ctx } = f;
  ctx.save();
  ctx.beginPath();
  ctx.rect(f.left, f.top, f.right - f.left, f.bottom - f.top);
  ctx.clip();
  if (spec.zeroLine) line(ctx, f.left, Math.round(y(0)) + 0.5, f.right, Math.round(y(0)) + 0.5, '#9aa6b2');
  for (const s of spec.series) {
    const color = SERIES_COLORS[s.color] ?? '#000';
    ctx.strokeStyle = color;
    ctx.fillStyle = color;
    if (s.style === 'bars') {
      ctx.globalAlpha = 0.75;
      for (let k = 0; k < s.x.length; k++) {
        const x0 = x(s.x[k]);
        const x1 = k + 1 < s.x.length ? x(s.x[k + 1]) : x0 + (x0 - x(s.x[Math.max(0, k - 1)]));
        const top = y(s.y[k]);
        ctx.fillRect(x0 + 0.5, top, Math.max(1, x1 - x0 - 1), y(0) - top);
      }
      ctx.globalAlpha = 1;
    } else if (s.style === 'ticks') {
      // One mark per spike: as tall as 0.8 of a y unit (a raster row), at least 2 px wide.
      const h = Math.max(2, Math.abs(y(0.8) - y(0)));
      const w = Math.max(2, Math.min(4, (f.right - f.left) / 300));
      for (let k = 0; k < s.x.length; k++) ctx.fillRect(x(s.x[k]) - w / 2, y(s.y[k]) - h / 2, w, h);
    } else if (s.style === 'points') {
      ctx.lineWidth = 1.5 * LINE_SCALE;
      for (let k = 0; k < s.x.length; k++) {
        const px = x(s.x[k]), py = y(s.y[k]);
        const e = s.yErr?.[k];
        if (e) {
          ctx.beginPath();
          ctx.moveTo(px, y(s.y[k] - e));
          ctx.lineTo(px, y(s.y[k] + e));
          ctx.moveTo(px - 4, y(s.y[k] - e));
          ctx.lineTo(px + 4, y(s.y[k] - e));
          ctx.moveTo(px - 4, y(s.y[k] + e));
          ctx.lineTo(px + 4, y(s.y[k] + e));
          ctx.stroke();
        }
        ctx.beginPath();
        ctx.arc(px, py, 4.5, 0, 2 * Math.PI);
        ctx.fillStyle = '#ffffff';
        ctx.fill();
        ctx.stroke();
      }
    } else {
      ctx.lineWidth = (s.style === 'dashed' ? 1.6 : 2.2) * LINE_SCALE;
      ctx.setLineDash(s.style === 'dashed' ? [6, 4] : []);
      ctx.beginPath();
      let pen = false;
      for (let k = 0; k < s.x.length; k++) {
        if (!Number.isFinite(s.y[k]) || (spec.xLog && s.x[k] <= 0) || (spec.yLog && s.y[k] <= 0)) {
          pen = false;
          continue;
        }
        if (pen) ctx.lineTo(x(s.x[k]), y(s.y[k]));
        else ctx.moveTo(x(s.x[k]), y(s.y[k]));
        pen = true;
      }
      ctx.stroke();
      ctx.setLineDash([]);
    }
  }
  ctx.restore();
  drawLegend(f.ctx, spec, f);
}

function drawLegend(ctx: CanvasRenderingContext2D, spec: PlotSpec, f: { left: number; right: number; top: number; bottom: number }): void {
  if (spec.series.length < 2) return;
  ctx.font = FONT;
  const w = Math.max(...spec.series.map((s) => ctx.measureText(s.label).width)) + 34;
  const h = spec.series.length * 17 + 6;
  const corner = spec.legend ?? 'top-left';
  const x0 = corner.endsWith('left') ? f.left + 8 : f.right - w - 8;
  const y0 = corner.startsWith('top') ? f.top + 6 : f.bottom - h - 6;
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.fillRect(x0, y0, w, h);
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  spec.series.forEach((s, k) => {
    const cy = y0 + 11 + k * 17;
    const color = SERIES_COLORS[s.color] ?? '#000';
    ctx.strokeStyle = color;
    ctx.fillStyle = color;
    if (s.style === 'ticks') {
      ctx.fillRect(x0 + 10, cy - 6, 3, 12);
    } else if (s.style === 'points') {
      ctx.beginPath();
      ctx.arc(x0 + 12, cy, 4, 0, 2 * Math.PI);
      ctx.stroke();
    } else if (s.style === 'bars') {
      ctx.fillRect(x0 + 5, cy - 5, 14, 10);
    } else {
      ctx.lineWidth = 2 * LINE_SCALE;
      ctx.setLineDash(s.style === 'dashed' ? [5, 3] : []);
      ctx.beginPath();
      ctx.moveTo(x0 + 4, cy);
      ctx.lineTo(x0 + 22, cy);
      ctx.stroke();
      ctx.setLineDash([]);
    }
    ctx.fillStyle = '#14202b';
    ctx.fillText(s.label, x0 + 28, cy);
  });
}
