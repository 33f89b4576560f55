/**
 * Per-neuron firing-rate histogram: each neuron's spike count in the window divided by the
 * window length (Hz), silent neurons included, binned per layer and drawn as overlaid bars
 * (counts of neurons). The legend gives each layer's mean rate.
 */
import type { RunInfo } from '../../workers/simApi';
import type { SpikeWindow } from '../engine/spikeWindow';
import { beginFrame, drawNote, drawXAxis, drawYAxis, FONT, ROLE_COLORS, xScale, yScale } from './axes';

export interface RateHistogramData {
  spikes: SpikeWindow;
  info: RunInfo | null;
  windowMs: number;
  nowStep: number;
}

let counts = new Int32Array(0);

/** Spike counts per neuron for spikes at steps ≥ fromStep (reuses one buffer). */
export function countPerNeuron(spikes: SpikeWindow, n: number, fromStep: number): Int32Array {
  if (counts.length < n) counts = new Int32Array(n);
  const c = counts.subarray(0, n);
  c.fill(0);
  spikes.forEachSince(fromStep, (_s, id) => {
    if (id >= 0 && id < n) c[id]++;
  });
  return c;
}

/** Histogram of rates (count/seconds) of neurons [start, start+count) into `bins` bins of width binHz. */
export function binRates(c: Int32Array, start: number, count: number, seconds: number, binHz: number, bins: number): { hist: Int32Array; mean: number } {
  const hist = new Int32Array(bins);
  let sum = 0;
  for (let i = start; i < start + count; i++) {
    const r = c[i] / seconds;
    sum += r;
    hist[Math.min(bins - 1, Math.floor(r / binHz))]++;
  }
  return { hist, mean: count > 0 ? sum / count : NaN };
}

const BINS = 30;

export function renderRateHistogram(canvas: HTMLCanvasElement, data: RateHistogramData, opts: { dpr: number; width: number; height: number }): void {
  const f = beginFrame(canvas, opts.width, opts.height, opts.dpr);
  if (!f) return;
  const { info } = data;
  if (!info) {
    drawXAxis(f, xScale(f, 0, 50), 'firing rate (Hz)');
    drawYAxis(f, yScale(f, 0, 10), 'neurons');
    drawNote(f, 'no run');
    return;
  }
  const dt = info.dt_ms;
  const elapsed = Math.min(data.windowMs, data.nowStep * dt);
  const seconds = Math.max(elapsed, dt) / 1000;
  const fromStep = data.nowStep - Math.round(elapsed / dt);
  const c = countPerNeuron(data.spikes, info.neurons, fromStep);
  let maxRate = 0;
  for (let i = 0; i < info.neurons; i++) if (c[i] > maxRate) maxRate = c[i];
  maxRate /= seconds;
  const x = xScale(f, 0, Math.max(10, maxRate * 1.05)).nice();
  // Rates come in steps of 1/seconds (whole spike counts); bins are whole multiples of that step,
  // otherwise some bins catch one more count value than others and the histogram shows combs.
  const step = 1 / seconds;
  const binHz = Math.max(1, Math.ceil(x.domain()[1] / BINS / step)) * step;
  const bins = Math.max(1, Math.ceil(x.domain()[1] / binHz - 1e-9));
  x.domain([0, binHz * bins]);
  const layers = info.layers.map((l) => ({ layer: l, ...binRates(c, l.start, l.count, seconds, binHz, bins) }));
  let yMax = 1;
  for (const l of layers) for (const h of l.hist) if (h > yMax) yMax = h;
  const y = yScale(f, 0, yMax * 1.1).nice();
  drawYAxis(f, y, 'neurons', (v) => v.toLocaleString('en'), true);
  drawXAxis(f, x, `firing rate (Hz) over the last ${(elapsed / 1000).toFixed(elapsed < 1000 ? 2 : 0)} s`);
  const { ctx } = f;
  ctx.globalAlpha = 0.55;
  for (const l of layers) {
    ctx.fillStyle = ROLE_COLORS[l.layer.role] ?? '#000';
    for (let b = 0; b < bins; b++) {
      if (l.hist[b] === 0) continue;
      const x0 = x(b * binHz), x1 = x((b + 1) * binHz);
      const yTop = y(l.hist[b]);
      ctx.fillRect(x0 + 0.5, yTop, Math.max(1, x1 - x0 - 1), f.bottom - yTop);
    }
  }
  ctx.globalAlpha = 1;
  ctx.font = FONT;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  layers.forEach((l, i) => {
    const ty = f.top + 10 + i * 18;
    ctx.fillStyle = ROLE_COLORS[l.layer.role] ?? '#000';
    ctx.fillRect(f.right - 150, ty - 5, 12, 10);
    ctx.fillText(`${l.layer.label}: ${Number.isFinite(l.mean) ? l.mean.toFixed(1) : '—'} Hz`, f.right - 4, ty);
  });
}
