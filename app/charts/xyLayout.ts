/**
 * Geometry of an XY chart, shared by the canvas (xyPlot.ts) and SVG (xySvg.ts) renderers:
 * margins that fit the tick labels (nothing clipped), d3 scales with nice ticks (whole numbers
 * only for neuron indices), and the legend's place. The legend goes in a corner of the plot area
 * only if no data mark falls there (counted from the data in pixel space); otherwise it is laid
 * out above the plot area. Pure: text widths come from the caller's `measure`.
 */
import { scaleLinear, scaleLog, type ScaleContinuousNumeric, type ScaleLinear } from 'd3';
import { integerTicks } from './axes';
import type { PlotSeries, XYPlotSpec } from '../../workers/simApi';

export type Scale = ScaleContinuousNumeric<number, number>;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LegendEntry {
  label: string;
  color: string;
  style: PlotSeries['style'];
}

export interface LegendLayout {
  /** 'inside': in the emptiest corner of the plot area; 'above': in the margin above it. */
  mode: 'inside' | 'above';
  box: Box;
  /** Top-left of each entry's row (swatch at x, text at x + 28; row height rowH). */
  at: { x: number; y: number }[];
  rowH: number;
}

export interface XYLayout {
  /** Plot area, CSS px. */
  left: number;
  right: number;
  top: number;
  bottom: number;
  x: Scale;
  y: Scale;
  xTicks: { v: number; label: string }[];
  yTicks: { v: number; label: string }[];
  legend: LegendLayout | null;
  /** Data marks under the legend (0 unless something is wrong). */
  legendHits: number;
}

/** Data range of all series (y includes error bars); ignores non-finite values. */
export function dataExtent(spec: XYPlotSpec): { x: [number, number]; y: [number, number] } {
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

/** True when y is a neuron index (a raster drawn as ticks): whole-number ticks only. */
export function integerY(spec: XYPlotSpec): boolean {
  return spec.series.length > 0 && spec.series.every((s) => s.style === 'ticks');
}

const fmtLinear = (v: number) => (Math.abs(v) >= 1e4 || (v !== 0 && Math.abs(v) < 1e-3) ? v.toExponential(0) : String(Number(v.toPrecision(4))));

/** Powers of ten inside [a, b] (labelled ticks of a log axis), with 2× and 5× between them when there are fewer than two. */
function decades(a: number, b: number): number[] {
  const lo = Math.min(a, b), hi = Math.max(a, b);
  // A log axis needs a positive, finite range (and at most a few hundred decades).
  if (!(lo > 0) || !Number.isFinite(hi) || Math.log10(hi) - Math.log10(lo) > 300) return [];
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
    const p = Number(`1e${e}`);
    if (p >= lo * (1 - 1e-9) && p <= hi * (1 + 1e-9)) out.push(p);
  }
  if (out.length >= 2) return out;
  const more: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++)
    for (const m of [1, 2, 5]) {
      const v = m * Number(`1e${e}`);
      if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) more.push(v);
    }
  return more;
}

function ticksOf(scale: Scale, count: number, log: boolean, integer: boolean, fmt: (v: number) => string): { v: number; label: string }[] {
  if (log) {
    const [a, b] = scale.domain();
    return decades(a, b).map((v) => ({ v, label: String(Number(v.toPrecision(6))) }));
  }
  if (integer) return integerTicks(scale as ScaleLinear<number, number>, count, fmt);
  return scale.ticks(count).map((v) => ({ v, label: fmt(v) }));
}

/** Data marks of the spec (in pixel space) that fall inside `box`. Lines count each segment that crosses it. */
export function marksInBox(spec: XYPlotSpec, x: Scale, y: Scale, box: Box): number {
  const x0 = box.x, x1 = box.x + box.w, y0 = box.y, y1 = box.y + box.h;
  const inside = (px: number, py: number, r = 0) => px + r >= x0 && px - r <= x1 && py + r >= y0 && py - r <= y1;
  let hits = 0;
  for (const s of spec.series) {
    const ok = (k: number) => Number.isFinite(s.x[k]) && Number.isFinite(s.y[k]) && !(spec.xLog && s.x[k] <= 0) && !(spec.yLog && s.y[k] <= 0);
    if (s.style === 'bars') {
      for (let k = 0; k < s.x.length; k++) {
        if (!ok(k)) continue;
        const a = x(s.x[k]), b = k + 1 < s.x.length ? x(s.x[k + 1]) : a + 4;
        const top = Math.min(y(s.y[k]), y(0)), bot = Math.max(y(s.y[k]), y(0));
        if (s.y[k] !== 0 && Math.max(a, b) >= x0 && Math.min(a, b) <= x1 && bot >= y0 && top <= y1) hits++;
      }
    } else if (s.style === 'points' || s.style === 'ticks') {
      for (let k = 0; k < s.x.length; k++) {
        if (!ok(k)) continue;
        const px = x(s.x[k]), py = y(s.y[k]), e = s.yErr?.[k] ?? 0;
        if (inside(px, py, 5)) hits++;
        else if (e && px >= x0 - 4 && px <= x1 + 4 && Math.max(y(s.y[k] - e), y(s.y[k] + e)) >= y0 && Math.min(y(s.y[k] - e), y(s.y[k] + e)) <= y1) hits++;
      }
    } else {
      let prev: [number, number] | null = null;
      for (let k = 0; k < s.x.length; k++) {
        if (!ok(k)) {
          prev = null;
          continue;
        }
        const p: [number, number] = [x(s.x[k]), y(s.y[k])];
        if (prev ? segmentHitsBox(prev, p, box, 2) : inside(p[0], p[1], 2)) hits++;
        prev = p;
      }
    }
  }
  return hits;
}

/** Whether the segment a–b passes within `pad` px of the box (sampled every 2 px). */
function segmentHitsBox(a: [number, number], b: [number, number], box: Box, pad: number): boolean {
  const bx0 = box.x - pad, bx1 = box.x + box.w + pad, by0 = box.y - pad, by1 = box.y + box.h + pad;
  if (Math.max(a[0], b[0]) < bx0 || Math.min(a[0], b[0]) > bx1 || Math.max(a[1], b[1]) < by0 || Math.min(a[1], b[1]) > by1) return false;
  const n = Math.max(1, Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]) / 2));
  for (let i = 0; i <= n; i++) {
    const px = a[0] + ((b[0] - a[0]) * i) / n, py = a[1] + ((b[1] - a[1]) * i) / n;
    if (px >= bx0 && px <= bx1 && py >= by0 && py <= by1) return true;
  }
  return false;
}

const CORNERS = ['top-left', 'top-right', 'bottom-left', 'bottom-right'] as const;

/**
 * Lays the chart out in a width × height box. `measure` gives a text's width in px at the chart
 * font of `fontPx`; `entries` are the legend's rows (none below two: one series needs no legend).
 */
export function layoutXY(spec: XYPlotSpec, width: number, height: number, fontPx: number, measure: (text: string) => number, entries: LegendEntry[]): XYLayout {
  const ext = dataExtent(spec);
  const xd = spec.xDomain ?? ext.x;
  const pad = (ext.y[1] - ext.y[0]) * 0.08;
  const hasBars = spec.series.some((s) => s.style === 'bars');
  let yd = spec.yDomain ?? (spec.yLog ? [ext.y[0] / 1.5, ext.y[1] * 1.5] : [hasBars && ext.y[0] >= 0 ? 0 : ext.y[0] - pad, ext.y[1] + pad]);
  // No positive data yet on a log axis: a neutral decade range instead of log(0).
  if (spec.yLog && !(yd[0] > 0 && yd[1] > yd[0])) yd = [0.1, 1];
  const xdLog = spec.xLog && !(xd[0] > 0 && xd[1] > xd[0]) ? [1, 10] : xd;
  const intY = integerY(spec);
  const rowH = Math.round(fontPx * 1.35);
  const bottom = height - Math.round(fontPx * 2 + 16);
  const fmtX = (v: number) => String(Number(v.toPrecision(6)));
  const fmtY = spec.yLog ? (v: number) => v.toExponential(0) : fmtLinear;

  const build = (top: number) => {
    // Scales with provisional margins, then margins that fit the labels, then the final scales.
    const make = (left: number, right: number) => {
      const x = (spec.xLog ? scaleLog().domain(xdLog) : scaleLinear().domain(xd)).range([left, right]) as Scale;
      const y = (spec.yLog ? scaleLog().domain(yd) : scaleLinear().domain(yd)).range([bottom, top]) as Scale;
      if (!spec.xLog) x.nice();
      if (!spec.yLog) y.nice();
      const yTicks = ticksOf(y, Math.max(2, Math.floor((bottom - top) / 40)), !!spec.yLog, intY, fmtY).map((t) => (spec.yLog ? { v: t.v, label: fmtY(t.v) } : t));
      const xTicks = ticksOf(x, Math.max(2, Math.floor((right - left) / 90)), !!spec.xLog, false, fmtX);
      return { x, y, xTicks, yTicks };
    };
    let s = make(70, width - 14);
    const left = Math.max(44, Math.ceil(Math.max(0, ...s.yTicks.map((t) => measure(t.label)))) + 12 + fontPx + 8);
    const lastX = s.xTicks.length ? measure(s.xTicks[s.xTicks.length - 1].label) : 0;
    const right = width - Math.max(14, Math.ceil(lastX / 2) + 4);
    s = make(left, right);
    return { left, right, top, ...s };
  };

  let g = build(10);
  let legend: LegendLayout | null = null;
  let legendHits = 0;
  if (entries.length >= 2) {
    const w = Math.max(...entries.map((e) => measure(e.label))) + 40;
    const h = entries.length * rowH + 8;
    const order = [spec.legend ?? 'top-left', ...CORNERS.filter((c) => c !== (spec.legend ?? 'top-left'))];
    const fits = w < (g.right - g.left) * 0.7 && h < (bottom - g.top) * 0.7;
    for (const corner of fits ? order : []) {
      const box = { x: corner.endsWith('left') ? g.left + 6 : g.right - w - 6, y: corner.startsWith('top') ? g.top + 4 : bottom - h - 4, w, h };
      if (marksInBox(spec, g.x, g.y, box) === 0) {
        legend = { mode: 'inside', box, at: entries.map((_, k) => ({ x: box.x + 4, y: box.y + 4 + k * rowH })), rowH };
        break;
      }
    }
    if (!legend) {
      // No empty corner: rows above the plot area, wrapping.
      const at: { x: number; y: number }[] = [];
      let lx = 8, ly = 4;
      for (const e of entries) {
        const iw = measure(e.label) + 44;
        if (lx > 8 && lx + iw > width - 8) {
          lx = 8;
          ly += rowH;
        }
        at.push({ x: lx, y: ly });
        lx += iw;
      }
      const box = { x: 8, y: 4, w: width - 16, h: ly + rowH - 4 };
      g = build(ly + rowH + 8);
      legend = { mode: 'above', box, at, rowH };
    } else legendHits = marksInBox(spec, g.x, g.y, legend.box);
  }
  return { left: g.left, right: g.right, top: g.top, bottom, x: g.x, y: g.y, xTicks: g.xTicks, yTicks: g.yTicks, legend, legendHits };
}
