/**
 * Generic experiment chart: the PlotSpec an experiment sends (STDP windows, frequency curves
 * with data points and error bars, weight histograms). Linear or logarithmic axes, y from the
 * data (error bars included) unless fixed, optional y = 0 line. The geometry (margins that fit
 * the tick labels, the legend in an empty corner or above the plot) comes from xyLayout.ts.
 */
import type { XYPlotSpec as PlotSpec } from '../../workers/simApi';
import { beginFrame, drawNote, drawXAxis, drawYAxis, FONT, FONT_PX, line, LINE_SCALE, SERIES_COLORS, xScale, yScale, type Frame2D } from './axes';
import { layoutXY, type LegendLayout, type Scale, type LegendEntry } from './xyLayout';

export { SERIES_COLORS } from './axes';
export { dataExtent } from './xyLayout';

/** Where the legend went, and how many data marks it covers (0 unless something is wrong). */
export interface XYDrawn {
  legend: 'none' | 'inside' | 'above';
  legendHits: number;
}

export function renderXYPlot(canvas: HTMLCanvasElement, spec: PlotSpec | undefined, opts: { dpr: number; width: number; height: number }): XYDrawn {
  const none: XYDrawn = { legend: 'none', legendHits: 0 };
  if (!spec) {
    const f = beginFrame(canvas, opts.width, opts.height, opts.dpr, { l: 70, r: 14, t: 10, b: 42 });
    if (!f) return none;
    drawXAxis(f, xScale(f, 0, 1), '');
    drawYAxis(f, yScale(f, 0, 1), '');
    drawNote(f, 'waiting for data');
    return none;
  }
  const ctx0 = canvas.getContext('2d');
  if (!ctx0) return none;
  ctx0.font = FONT;
  const entries: LegendEntry[] = spec.series.map((s) => ({ label: s.label, color: SERIES_COLORS[s.color] ?? '#000', style: s.style }));
  const lay = layoutXY(spec, opts.width, opts.height, FONT_PX, (t) => ctx0.measureText(t).width, entries);
  const f = beginFrame(canvas, opts.width, opts.height, opts.dpr, { l: lay.left, r: opts.width - lay.right, t: lay.top, b: opts.height - lay.bottom });
  if (!f) return none;
  const x = lay.x as Scale & ReturnType<typeof xScale>;
  const y = lay.y as Scale & ReturnType<typeof yScale>;
  drawYAxis(f, y, spec.yLabel, String, true, lay.yTicks);
  drawXAxis(f, x, spec.xLabel, String, !spec.xLog, lay.xTicks);
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
  if (lay.legend) drawLegend(f, lay.legend, entries);
  return { legend: lay.legend?.mode ?? 'none', legendHits: lay.legendHits };
}

function drawLegend(f: Frame2D, legend: LegendLayout, entries: LegendEntry[]): void {
  const { ctx } = f;
  ctx.font = FONT;
  if (legend.mode === 'inside') {
    ctx.fillStyle = 'rgba(255,255,255,0.9)';
    ctx.fillRect(legend.box.x, legend.box.y, legend.box.w, legend.box.h);
  }
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  entries.forEach((s, k) => {
    const x0 = legend.at[k].x;
    const cy = legend.at[k].y + legend.rowH / 2;
    ctx.strokeStyle = s.color;
    ctx.fillStyle = s.color;
    if (s.style === 'ticks') {
      ctx.fillRect(x0 + 10, cy - 6, 3, 12);
    } else if (s.style === 'points') {
      ctx.lineWidth = 1.5 * LINE_SCALE;
      ctx.beginPath();
      ctx.arc(x0 + 12, cy, 4, 0, 2 * Math.PI);
      ctx.stroke();
    } else if (s.style === 'bars') {
      ctx.fillRect(x0 + 5, cy - 5, 14, 10);
    } else {
      ctx.lineWidth = 2 * LINE_SCALE;
      ctx.setLineDash(s.style === 'dashed' ? [5, 3] : []);
      ctx.beginPath();
      ctx.moveTo(x0 + 2, cy);
      ctx.lineTo(x0 + 22, cy);
      ctx.stroke();
      ctx.setLineDash([]);
    }
    ctx.fillStyle = '#14202b';
    ctx.fillText(s.label, x0 + 28, cy);
  });
}
