/**
 * Population-rate trace: the mean firing rate of each layer (Hz, spikes per neuron per second)
 * over the same scrolling window as the raster (x = time, axis in s). The worker's rate bins
 * (1 ms by default) are averaged into 5 ms groups for display (stated in the x-axis title);
 * groups are aligned to multiples of 5 ms so the curve does not shimmer as the window scrolls.
 * One line per layer in the raster's colours; the legend gives each layer's mean over the window.
 */
import type { RunInfo } from '../../workers/simApi';
import type { RateHistory } from '../engine/rateHistory';
import { beginFrame, drawLegend, drawNote, drawXAxis, drawYAxis, formatSeconds, LINE_SCALE, layerColor, stickyMax, timeWindow, xScale, yScale } from './axes';

export interface RateTraceData {
  rates: RateHistory;
  info: RunInfo | null;
  windowMs: number;
  nowStep: number;
}

export interface RateTraceOpts {
  dpr: number;
  width: number;
  height: number;
}

/** Display smoothing (ms). */
export const SMOOTH_MS = 5;

/**
 * Averages bins [b0, b1) of a series in groups of k aligned to multiples of k (the first and
 * last group may be partial); writes group means to `out` and returns how many were written.
 * Missing bins (NaN) are skipped; a group with none left is NaN.
 */
export function smoothBins(at: (b: number) => number, b0: number, b1: number, k: number, out: Float64Array): number {
  let m = 0;
  for (let g = Math.floor(b0 / k) * k; g < b1 && m < out.length; g += k) {
    let s = 0, c = 0;
    for (let b = Math.max(g, b0), e = Math.min(g + k, b1); b < e; b++) {
      const v = at(b);
      if (Number.isFinite(v)) {
        s += v;
        c++;
      }
    }
    out[m++] = c > 0 ? s / c : NaN;
  }
  return m;
}

/** Mean of the finite bins in [b0, b1) (NaN if none). */
export function meanBins(at: (b: number) => number, b0: number, b1: number): number {
  let s = 0, c = 0;
  for (let b = b0; b < b1; b++) {
    const v = at(b);
    if (Number.isFinite(v)) {
      s += v;
      c++;
    }
  }
  return c > 0 ? s / c : NaN;
}

/** Per-canvas state: sticky y maximum (reset for a new run) and reused smoothing buffers. */
interface TraceState {
  info: RunInfo;
  yMax: number;
  scratch: Float64Array[];
}
const states = new WeakMap<HTMLCanvasElement, TraceState>();

export function renderRateTrace(canvas: HTMLCanvasElement, data: RateTraceData, opts: RateTraceOpts): void {
  const { info, rates } = data;
  const dt = info?.dt_ms ?? 0.1;
  const { tStart, tEnd } = timeWindow(data.nowStep, dt, data.windowMs);
  const binMs = rates.binSteps * (info?.dt_ms ?? rates.dt_ms);
  const k = Math.max(1, Math.round(SMOOTH_MS / binMs));
  const title = `time (s) — rates averaged over ${Number((k * binMs).toFixed(2))} ms`;
  if (!info || rates.series.length === 0) {
    const f = beginFrame(canvas, opts.width, opts.height, opts.dpr);
    if (!f) return;
    drawYAxis(f, yScale(f, 0, 20), 'rate (Hz)', String, true);
    drawXAxis(f, xScale(f, tStart, tEnd), title, formatSeconds);
    drawNote(f, 'no run');
    return;
  }

  const layers = info.layers.slice(0, rates.series.length);
  const b0 = Math.max(0, Math.floor(tStart / binMs), rates.total - rates.capacity);
  const b1 = Math.min(rates.total, Math.ceil(tEnd / binMs));
  const groups = Math.ceil(data.windowMs / binMs / k) + 2;
  let st = states.get(canvas);
  if (!st) states.set(canvas, (st = { info, yMax: NaN, scratch: [] }));
  if (st.info !== info) {
    st.info = info;
    st.yMax = NaN;
  }
  let dataMax = 0;
  const counts: number[] = [];
  const means: number[] = [];
  for (let l = 0; l < layers.length; l++) {
    if (!st.scratch[l] || st.scratch[l].length < groups) st.scratch[l] = new Float64Array(groups);
    const at = (b: number) => rates.at(l, b);
    const m = b1 > b0 ? smoothBins(at, b0, b1, k, st.scratch[l]) : 0;
    for (let i = 0; i < m; i++) if (st.scratch[l][i] > dataMax) dataMax = st.scratch[l][i];
    counts.push(m);
    means.push(b1 > b0 ? meanBins(at, b0, b1) : NaN);
  }
  st.yMax = stickyMax(st.yMax, dataMax, 20);

  const f = beginFrame(canvas, opts.width, opts.height, opts.dpr, { l: 58, r: 14, t: 4, b: 42 });
  if (!f) return;
  drawLegend(f, layers.map((l, i) => ({ color: layerColor(l), text: `${l.label}: mean ${Number.isFinite(means[i]) ? means[i].toFixed(1) : '—'} Hz` })));
  const x = xScale(f, tStart, tEnd);
  const y = yScale(f, 0, st.yMax).nice();
  drawYAxis(f, y, 'rate (Hz)', String, true);
  drawXAxis(f, x, title, formatSeconds);

  const { ctx } = f;
  ctx.save();
  ctx.beginPath();
  ctx.rect(f.left, f.top, f.right - f.left, f.bottom - f.top);
  ctx.clip();
  ctx.lineJoin = 'round';
  ctx.lineWidth = 2 * LINE_SCALE;
  const g0 = Math.floor(b0 / k) * k;
  for (let l = 0; l < layers.length; l++) {
    const vals = st.scratch[l];
    ctx.strokeStyle = layerColor(layers[l]);
    ctx.beginPath();
    let pen = false;
    for (let i = 0; i < counts[l]; i++) {
      const v = vals[i];
      if (!Number.isFinite(v)) {
        pen = false;
        continue;
      }
      // Centre of the bins the group actually covers (partial at the window edges).
      const lo = Math.max(g0 + i * k, b0), hi = Math.min(g0 + (i + 1) * k, b1);
      const px = x(((lo + hi) / 2) * binMs), py = y(v);
      if (pen) ctx.lineTo(px, py);
      else ctx.moveTo(px, py);
      pen = true;
    }
    ctx.stroke();
  }
  ctx.restore();
  if (b1 <= b0) drawNote(f, data.nowStep === 0 ? 'no data yet — press Play' : 'no rate data in this window');
}
