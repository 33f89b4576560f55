/**
 * Population-rate trace: the mean firing rate of each layer (Hz) over the same scrolling window
 * as the raster, from the worker's 1 ms bins averaged into 5 ms for display.
 */
import type { RunInfo } from '../../workers/simApi';
import type { RateHistory } from '../engine/rateHistory';
import { beginFrame, drawNote, drawXAxis, drawYAxis, formatSeconds, FONT, ROLE_COLORS, xScale, yScale } from './axes';

export interface RateTraceData {
  rates: RateHistory;
  info: RunInfo | null;
  windowMs: number;
  nowStep: number;
}

/** Display smoothing (ms). */
export const SMOOTH_MS = 5;

/**
 * Averages consecutive bins of `series` (bin indices [b0, b1)) in groups of `k`; returns the
 * group means in `out` and how many were written. Missing bins (NaN) are skipped.
 */
export function smoothBins(at: (b: number) => number, b0: number, b1: number, k: number, out: Float64Array): number {
  let m = 0;
  for (let g = Math.floor(b0 / k) * k; g < b1 && m < out.length; g += k) {
    let s = 0, c = 0;
    for (let b = Math.max(g, b0); b < Math.min(g + k, b1); b++) {
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

const scratch = new Float64Array(8192);

export function renderRateTrace(canvas: HTMLCanvasElement, data: RateTraceData, opts: { dpr: number; width: number; height: number }): void {
  const f = beginFrame(canvas, opts.width, opts.height, opts.dpr);
  if (!f) return;
  const { info, rates } = data;
  const dt = info?.dt_ms ?? 0.1;
  const tEnd = Math.max(data.windowMs, data.nowStep * dt);
  const tStart = tEnd - data.windowMs;
  const x = xScale(f, tStart, tEnd);
  if (!info || rates.series.length === 0) {
    drawXAxis(f, x, 'time (s)', formatSeconds);
    drawYAxis(f, yScale(f, 0, 50), 'rate (Hz)');
    drawNote(f, 'no run');
    return;
  }
  const binMs = rates.binSteps * dt;
  const k = Math.max(1, Math.round(SMOOTH_MS / binMs));
  const b0 = Math.max(0, Math.floor(tStart / binMs));
  const b1 = rates.total;
  // y range from the data in view (at least 0–20 Hz so a quiet network is not magnified).
  let yMax = 20;
  const series: { n: number; vals: Float64Array }[] = [];
  for (let l = 0; l < info.layers.length; l++) {
    const vals = new Float64Array(scratch.buffer, 0, scratch.length);
    const n = smoothBins((b) => rates.at(l, b), b0, b1, k, vals);
    for (let i = 0; i < n; i++) if (vals[i] > yMax) yMax = vals[i];
    series.push({ n, vals: Float64Array.from(vals.subarray(0, n)) });
  }
  const y = yScale(f, 0, yMax * 1.08).nice();
  drawYAxis(f, y, 'rate (Hz)', String, true);
  drawXAxis(f, x, `time (s) — ${SMOOTH_MS} ms bins`, formatSeconds);
  const { ctx } = f;
  ctx.save();
  ctx.beginPath();
  ctx.rect(f.left, f.top, f.right - f.left, f.bottom - f.top);
  ctx.clip();
  info.layers.forEach((layer, l) => {
    const { n, vals } = series[l];
    ctx.strokeStyle = ROLE_COLORS[layer.role] ?? '#000';
    ctx.lineWidth = 1.8;
    ctx.beginPath();
    let pen = false;
    const g0 = Math.floor(b0 / k) * k;
    for (let i = 0; i < n; i++) {
      const v = vals[i];
      if (!Number.isFinite(v)) {
        pen = false;
        continue;
      }
      const t = (g0 + (i + 0.5) * k) * binMs;
      if (pen) ctx.lineTo(x(t), y(v));
      else ctx.moveTo(x(t), y(v));
      pen = true;
    }
    ctx.stroke();
  });
  ctx.restore();
  // Legend.
  ctx.font = FONT;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  info.layers.forEach((layer, l) => {
    const lx = f.left + 10 + l * 120;
    ctx.fillStyle = ROLE_COLORS[layer.role] ?? '#000';
    ctx.fillRect(lx, f.top + 8, 16, 3);
    ctx.fillText(layer.label, lx + 22, f.top + 10);
  });
}
