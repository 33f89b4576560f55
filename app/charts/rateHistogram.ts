/**
 * Per-neuron firing-rate histogram. Each neuron's rate (Hz) = its spike count in the last
 * `windowMs` ms (or since step 0, early on) / that duration in s; silent neurons count as 0 Hz.
 * x = firing rate (Hz), y = number of neurons per bin; one overlaid histogram per layer (light
 * fill + solid outline, in the raster's colours). The legend gives each layer's mean rate (Hz).
 * The x range covers 99.5 % of neurons; the few faster ones are counted in a note, so one
 * outlier cannot squash the distribution. Counts go into reused Int32Arrays; nothing is
 * allocated in proportion to spikes.
 */
import type { RunInfo } from '../../workers/simApi';
import type { SpikeWindow } from '../engine/spikeWindow';
import { AXIS_COLOR, beginFrame, drawLegend, drawNote, drawXAxis, drawYAxis, FONT, formatCount, leftMargin, LINE_SCALE, layerColor, stickyMax, widestCount, xScale, yScale } from './axes';

export interface RateHistogramData {
  spikes: SpikeWindow;
  info: RunInfo | null;
  windowMs: number;
  nowStep: number;
}

export interface RateHistogramOpts {
  dpr: number;
  width: number;
  height: number;
}

/** Target number of histogram bins. */
const BINS = 30;

let counts = new Int32Array(0);
let hists = new Int32Array(0);
let countHist = new Int32Array(0);
/** Per-canvas axis maxima (sticky between frames, reset for a new run). */
const axes = new WeakMap<HTMLCanvasElement, { info: RunInfo; xMax: number; yMax: number }>();

/**
 * First step from which the window still holds every spike: `fromStep`, unless the ring buffer
 * has overwritten spikes at or after it (then the step after the oldest one held).
 */
export function completeFromStep(spikes: SpikeWindow, fromStep: number): number {
  if (spikes.total <= spikes.capacity) return fromStep;
  const oldest = spikes.steps[(spikes.total - spikes.capacity) & (spikes.capacity - 1)];
  return Math.max(fromStep, oldest + 1);
}

/** Steps [fromStep, toStep) the histogram counts, for a window of windowMs ending at nowStep. */
export function countWindow(spikes: SpikeWindow, nowStep: number, dt: number, windowMs: number): { fromStep: number; toStep: number; seconds: number } {
  const want = Math.max(0, nowStep - Math.round(windowMs / dt));
  const fromStep = Math.min(nowStep, completeFromStep(spikes, want));
  return { fromStep, toStep: nowStep, seconds: ((nowStep - fromStep) * dt) / 1000 };
}

/** Spike counts of neurons 0..n−1 for spikes in steps [fromStep, toStep) (one reused buffer). */
export function countPerNeuron(spikes: SpikeWindow, n: number, fromStep: number, toStep = Infinity): Int32Array {
  if (counts.length < n) counts = new Int32Array(n);
  const c = counts.subarray(0, n);
  c.fill(0);
  spikes.forEachSince(fromStep, (step, id) => {
    if (id >= 0 && id < n && step < toStep) c[id]++;
  });
  return c;
}

/**
 * Histograms the rates c[i]/seconds of neurons [start, start+count) into `out` (bins of binHz
 * from 0). Rates beyond the last bin are not binned but counted in `over`. `mean` is the mean
 * rate (Hz) of all the neurons, NaN for none.
 */
export function binRates(c: Int32Array, start: number, count: number, seconds: number, binHz: number, out: Int32Array): { mean: number; over: number } {
  out.fill(0);
  const bins = out.length;
  let sum = 0;
  let over = 0;
  for (let i = start; i < start + count; i++) {
    const r = c[i] / seconds;
    sum += r;
    const b = Math.floor(r / binHz + 1e-9);
    if (b < bins) out[b]++;
    else over++;
  }
  return { mean: count > 0 ? sum / count : NaN, over };
}

/**
 * Smallest spike count k such that at least fraction q of the n counts in c are ≤ k
 * (a reused count-of-counts table, so no sorting and no allocation per frame).
 */
export function countQuantile(c: Int32Array, n: number, q: number): number {
  let max = 0;
  for (let i = 0; i < n; i++) if (c[i] > max) max = c[i];
  if (countHist.length < max + 1) countHist = new Int32Array(max + 1);
  const h = countHist.subarray(0, max + 1);
  h.fill(0);
  for (let i = 0; i < n; i++) h[c[i]]++;
  const need = Math.ceil(q * n);
  let acc = 0;
  for (let k = 0; k <= max; k++) {
    acc += h[k];
    if (acc >= need) return k;
  }
  return max;
}

/**
 * Bin width (Hz) for rates up to maxHz: a whole multiple of the rate quantum 1/seconds (one
 * spike more), so every bin holds the same number of possible count values and no comb appears.
 */
export function binWidthHz(maxHz: number, seconds: number, bins = BINS): number {
  const quantum = 1 / seconds;
  return Math.max(1, Math.ceil(maxHz / bins / quantum - 1e-9)) * quantum;
}

function emptyFrame(canvas: HTMLCanvasElement, opts: RateHistogramOpts, note: string): void {
  const f = beginFrame(canvas, opts.width, opts.height, opts.dpr, { l: 50, r: 14, t: 10, b: 42 });
  if (!f) return;
  drawYAxis(f, yScale(f, 0, 10), 'neurons', formatCount, true);
  drawXAxis(f, xScale(f, 0, 50), 'firing rate (Hz)');
  drawNote(f, note);
}

export function renderRateHistogram(canvas: HTMLCanvasElement, data: RateHistogramData, opts: RateHistogramOpts): void {
  const { info } = data;
  if (!info || info.neurons <= 0) return emptyFrame(canvas, opts, 'no run');
  const dt = info.dt_ms;
  const { fromStep, toStep, seconds } = countWindow(data.spikes, data.nowStep, dt, data.windowMs);
  if (seconds <= 0) return emptyFrame(canvas, opts, 'no data yet — press Play');
  const c = countPerNeuron(data.spikes, info.neurons, fromStep, toStep);
  const qCount = countQuantile(c, info.neurons, 0.995);

  let state = axes.get(canvas);
  if (!state || state.info !== info) axes.set(canvas, (state = { info, xMax: NaN, yMax: NaN }));
  state.xMax = stickyMax(state.xMax, (qCount + 1) / seconds, 10);
  const binHz = binWidthHz(state.xMax, seconds);
  const bins = Math.max(1, Math.ceil(state.xMax / binHz - 1e-9));
  const layers = info.layers;
  if (hists.length < layers.length * bins) hists = new Int32Array(layers.length * bins);
  const means: number[] = [];
  let peak = 1;
  let over = 0;
  for (let l = 0; l < layers.length; l++) {
    const h = hists.subarray(l * bins, (l + 1) * bins);
    const r = binRates(c, layers[l].start, layers[l].count, seconds, binHz, h);
    means.push(r.mean);
    over += r.over;
    for (let b = 0; b < bins; b++) if (h[b] > peak) peak = h[b];
  }
  state.yMax = stickyMax(state.yMax, peak, 5);

  const f = beginFrame(canvas, opts.width, opts.height, opts.dpr, { l: leftMargin(canvas, [widestCount(state.yMax)]), r: 14, t: 4, b: 42 });
  if (!f) return;
  drawLegend(
    f,
    layers.map((l, i) => ({ color: layerColor(l), text: `${l.label}: mean ${Number.isFinite(means[i]) ? means[i].toFixed(1) : '—'} Hz` })),
    'box',
  );
  const x = xScale(f, 0, binHz * bins);
  const y = yScale(f, 0, state.yMax).nice();
  drawYAxis(f, y, 'neurons', formatCount, true);
  const span = seconds >= 1 ? `${Number(seconds.toFixed(2))} s` : `${Math.round(seconds * 1000)} ms`;
  drawXAxis(f, x, `firing rate (Hz), last ${span}`);

  const { ctx } = f;
  ctx.save();
  ctx.beginPath();
  ctx.rect(f.left, f.top, f.right - f.left, f.bottom - f.top + 1);
  ctx.clip();
  for (let l = 0; l < layers.length; l++) {
    const h = hists.subarray(l * bins, (l + 1) * bins);
    const color = layerColor(layers[l]);
    ctx.globalAlpha = 0.28;
    ctx.fillStyle = color;
    for (let b = 0; b < bins; b++) {
      if (h[b] === 0) continue;
      const x0 = x(b * binHz), x1 = x((b + 1) * binHz), yTop = y(h[b]);
      ctx.fillRect(x0, yTop, x1 - x0, f.bottom - yTop);
    }
    // Solid step outline around each run of non-empty bins, so overlapping layers stay distinct.
    ctx.globalAlpha = 1;
    ctx.strokeStyle = color;
    ctx.lineWidth = 2 * LINE_SCALE;
    ctx.beginPath();
    let pen = false;
    for (let b = 0; b < bins; b++) {
      const x0 = x(b * binHz);
      if (h[b] > 0) {
        if (!pen) ctx.moveTo(x0, f.bottom);
        ctx.lineTo(x0, y(h[b]));
        ctx.lineTo(x((b + 1) * binHz), y(h[b]));
        pen = true;
      } else if (pen) {
        ctx.lineTo(x0, f.bottom);
        pen = false;
      }
    }
    if (pen) ctx.lineTo(x(bins * binHz), f.bottom);
    ctx.stroke();
  }
  ctx.restore();
  if (over > 0) {
    ctx.font = FONT;
    ctx.fillStyle = AXIS_COLOR;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'top';
    ctx.fillText(`+${formatCount(over)} neuron${over === 1 ? '' : 's'} above ${Number((bins * binHz).toFixed(1))} Hz`, f.right - 4, f.top + 4);
  }
}
