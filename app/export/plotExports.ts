/**
 * The data behind every chart, as CSV, and its vector (SVG) equivalent:
 *   experiment XY charts   series,x,y,y_err               SVG: the same spec as vector paths
 *   image grids            image,row,col,value            SVG: one rect per pixel
 *   spike raster           step,t_ms,neuron,layer         SVG: one tick per spike (up to 50,000;
 *                          (spikes in the shown window)   beyond that the canvas image, wrapped)
 *   rate trace             t_ms, one column per layer     SVG: vector lines
 *   rate histogram         neuron,layer,rate_hz           SVG: vector bars of the same bins
 * Everything is read from the same live buffers the canvases draw from.
 */
import { scaleLinear } from 'd3';
import type { ImageGridSpec, PlotSpec, RunInfo, XYPlotSpec } from '../../workers/simApi';
import { roleColor, timeWindow } from '../charts/axes';
import { binWidthHz, countPerNeuron, countWindow } from '../charts/rateHistogram';
import { diverging } from '../charts/imageGrid';
import { smoothBins } from '../charts/rateTrace';
import { renderXYSvg } from '../charts/xySvg';
import type { RateHistory } from '../engine/rateHistory';
import type { SpikeWindow } from '../engine/spikeWindow';
import { toCsv, type Cell } from './csv';

/** Most spikes drawn as individual SVG marks. */
export const MAX_SVG_SPIKES = 50_000;

export interface PlotExport {
  csv(): string;
  /** SVG document text; `png` is the canvas image for the raster fallback. */
  svg(width: number, height: number, pngDataUrl: () => string): string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

export function xyCsv(spec: XYPlotSpec): string {
  const rows: Cell[][] = [];
  for (const s of spec.series) for (let k = 0; k < s.x.length; k++) rows.push([s.label, s.x[k], s.y[k], s.yErr?.[k]]);
  return toCsv(['series', spec.xLabel || 'x', spec.yLabel || 'y', 'y_err'], rows);
}

export function imagesCsv(spec: ImageGridSpec): string {
  const rows: Cell[][] = [];
  spec.images.forEach((img, k) => {
    for (let r = 0; r < spec.height; r++) for (let c = 0; c < spec.width; c++) rows.push([spec.captions?.[k] ?? k, r, c, img[r * spec.width + c]]);
  });
  return toCsv(['image', 'row', 'col', 'value'], rows);
}

export function imagesSvg(spec: ImageGridSpec, width: number): string {
  const n = spec.images.length;
  const cols = Math.max(1, Math.ceil(Math.sqrt(n)));
  const px = Math.max(1, Math.floor((width - 8) / cols / (spec.width + 1)));
  const tw = px * spec.width, th = px * spec.height;
  const capH = spec.captions?.length ? 16 : 0;
  const H = Math.ceil(n / cols) * (th + capH + 4) + 4, W = cols * (tw + 4) + 4;
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" shape-rendering="crispEdges">`, `<title>${esc(spec.title)}</title>`, `<rect width="${W}" height="${H}" fill="#fff"/>`];
  spec.images.forEach((img, k) => {
    let scale = 1;
    if (spec.signed) {
      let m = 0;
      for (const v of img) m = Math.max(m, Math.abs(v));
      scale = m > 0 ? 1 / m : 1;
    }
    const ox = 4 + (k % cols) * (tw + 4), oy = 4 + Math.floor(k / cols) * (th + capH + 4);
    const cells: string[] = [];
    for (let r = 0; r < spec.height; r++)
      for (let c = 0; c < spec.width; c++) {
        const v = img[r * spec.width + c];
        const [R, G, B] = spec.signed ? diverging(v * scale) : [0, 0, 0].map(() => Math.round(255 * (1 - Math.max(0, Math.min(1, v)))));
        cells.push(`<rect x="${ox + c * px}" y="${oy + r * px}" width="${px}" height="${px}" fill="rgb(${R},${G},${B})"/>`);
      }
    out.push(`<g>${cells.join('')}</g>`);
    const caption = spec.captions?.[k];
    if (caption) out.push(`<text x="${ox + tw / 2}" y="${oy + th + 12}" text-anchor="middle" font-family="sans-serif" font-size="11" fill="#3b4754">${esc(caption)}</text>`);
  });
  out.push('</svg>');
  return out.join('\n');
}

/** An experiment chart's export (XY or image grid; other kinds: data as JSON-ish rows, image wrapped). */
export function experimentPlotExport(spec: PlotSpec | undefined): PlotExport {
  return {
    csv: () => {
      if (!spec) return toCsv(['empty'], []);
      if (spec.kind === 'images') return imagesCsv(spec);
      if (spec.kind === undefined || spec.kind === 'xy') return xyCsv(spec as XYPlotSpec);
      return toCsv(['field', 'value'], Object.entries(spec).map(([k, v]) => [k, JSON.stringify(v instanceof Float32Array ? Array.from(v) : v)]));
    },
    svg: (w, h, png) => {
      if (spec?.kind === 'images') return imagesSvg(spec, w);
      if (spec && (spec.kind === undefined || spec.kind === 'xy')) return renderXYSvg(spec as XYPlotSpec, { width: w, height: h });
      return wrapPng(spec?.title ?? 'plot', w, h, png());
    },
  };
}

export function wrapPng(title: string, w: number, h: number, dataUrl: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><title>${esc(title)}</title><image href="${dataUrl}" width="${w}" height="${h}"/></svg>\n`;
}

function layerIndex(info: RunInfo, id: number): number {
  let l = 0;
  while (l + 1 < info.layers.length && id >= info.layers[l + 1].start) l++;
  return l;
}

export function rasterExport(spikes: SpikeWindow, info: RunInfo | null, windowMs: number, keep: (id: number) => boolean): PlotExport {
  const dt = info?.dt_ms ?? 0.1;
  const { tStart, tEnd } = timeWindow(spikes.lastStep, dt, windowMs);
  const fromStep = Math.max(0, Math.ceil(tStart / dt - 1e-6));
  const collect = () => {
    const out: [number, number][] = [];
    spikes.forEachSince(fromStep, (s, id) => keep(id) && out.push([s, id]));
    return out;
  };
  return {
    csv: () => toCsv(['step', 't_ms', 'neuron', 'layer'], collect().map(([s, id]) => [s, Number((s * dt).toFixed(6)), id, info ? info.layers[layerIndex(info, id)]?.label : ''])),
    svg: (w, h, png) => {
      const list = collect();
      if (!info || list.length > MAX_SVG_SPIKES) return wrapPng('Spike raster', w, h, png());
      const L = 62, R = w - 14, T = 10, B = h - 46, n = Math.max(1, info.neurons);
      const marks = list.map(([s, id]) => `<rect x="${(L + ((s * dt - tStart) / (tEnd - tStart)) * (R - L)).toFixed(1)}" y="${(T + (id / n) * (B - T)).toFixed(1)}" width="1.5" height="${Math.max(1, (B - T) / n).toFixed(2)}" fill="${roleColor(info.layers[layerIndex(info, id)].role)}"/>`);
      const xs = scaleLinear().domain([tStart, tEnd]).range([L, R]), ys = scaleLinear().domain([0, n]).range([T, B]);
      const ticks = [
        ...xs.ticks(8).map((t) => `<path d="M${xs(t).toFixed(1)},${B}v5" stroke="#26323d"/><text x="${xs(t).toFixed(1)}" y="${B + 18}" text-anchor="middle">${Number((t / 1000).toFixed(3))}</text>`),
        ...ys.ticks(6).map((t) => `<path d="M${L},${ys(t).toFixed(1)}h-5" stroke="#26323d"/><text x="${L - 7}" y="${ys(t).toFixed(1)}" text-anchor="end" dominant-baseline="middle">${t}</text>`),
      ];
      return [
        `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="system-ui, sans-serif" font-size="13">`,
        '<title>Spike raster</title>',
        `<rect width="${w}" height="${h}" fill="#fff"/>`,
        `<path d="M${L},${T}V${B}H${R}" fill="none" stroke="#26323d"/>`,
        `<g fill="#26323d">${ticks.join('')}</g>`,
        `<text x="${(L + R) / 2}" y="${B + 36}" text-anchor="middle">time (s)</text>`,
        `<text transform="translate(12 ${(T + B) / 2}) rotate(-90)" text-anchor="middle">neuron</text>`,
        `<g>${marks.join('')}</g>`,
        '</svg>',
      ].join('\n');
    },
  };
}

/**
 * Population-rate bins in the window as an XY spec (one line per layer); with smoothMs > 0 the
 * bins are averaged in aligned groups exactly as the canvas trace draws them.
 */
export function rateTraceSpec(rates: RateHistory, info: RunInfo | null, windowMs: number, nowStep: number, smoothMs = 0): XYPlotSpec {
  const dt = info?.dt_ms ?? rates.dt_ms;
  const binMs = rates.binSteps * dt;
  const { tStart, tEnd } = timeWindow(nowStep, dt, windowMs);
  const b0 = Math.max(0, Math.floor(tStart / binMs), rates.total - rates.capacity), b1 = Math.min(rates.total, Math.ceil(tEnd / binMs));
  const layers = info?.layers.slice(0, rates.series.length) ?? [];
  const colors = { exc: 'exc', inh: 'inh', input: 'muted', output: 'model' } as const;
  return {
    id: 'rate-trace',
    title: 'Population rate',
    xLabel: 't (ms)',
    yLabel: 'rate (Hz)',
    series: layers.map((l, i) => {
      const x: number[] = [], y: number[] = [];
      const k = smoothMs > 0 ? Math.max(1, Math.round(smoothMs / binMs)) : 1;
      const out = new Float64Array(Math.ceil((b1 - b0) / k) + 2);
      const m = b1 > b0 ? smoothBins((b) => rates.at(i, b), b0, b1, k, out) : 0;
      const g0 = Math.floor(b0 / k) * k;
      for (let j = 0; j < m; j++) {
        const lo = Math.max(g0 + j * k, b0), hi = Math.min(g0 + (j + 1) * k, b1);
        x.push(Number((k === 1 ? lo * binMs : ((lo + hi) / 2) * binMs).toFixed(6)));
        y.push(out[j]);
      }
      return { label: l.label, x, y, style: 'line' as const, color: colors[l.role] };
    }),
  };
}

export function rateTraceCsv(spec: XYPlotSpec): string {
  const rows: Cell[][] = (spec.series[0]?.x ?? []).map((t, k) => [t, ...spec.series.map((s) => s.y[k])]);
  return toCsv(['t_ms', ...spec.series.map((s) => `${s.label}_hz`)], rows);
}

/** Per-neuron rates over the histogram's window, and their histogram as an XY bar spec. */
export function rateHistogramData(spikes: SpikeWindow, info: RunInfo | null, windowMs: number, nowStep: number): { csv: string; spec: XYPlotSpec } {
  const empty: XYPlotSpec = { id: 'rate-histogram', title: 'Firing rates', xLabel: 'firing rate (Hz)', yLabel: 'neurons', series: [] };
  if (!info || info.neurons <= 0) return { csv: toCsv(['neuron', 'layer', 'rate_hz'], []), spec: empty };
  const { fromStep, toStep, seconds } = countWindow(spikes, nowStep, info.dt_ms, windowMs);
  if (seconds <= 0) return { csv: toCsv(['neuron', 'layer', 'rate_hz'], []), spec: empty };
  const c = countPerNeuron(spikes, info.neurons, fromStep, toStep).slice();
  const rows: Cell[][] = [];
  let max = 0;
  for (let i = 0; i < info.neurons; i++) {
    const r = c[i] / seconds;
    max = Math.max(max, r);
    rows.push([i, info.layers[layerIndex(info, i)].label, Number(r.toFixed(6))]);
  }
  const binHz = binWidthHz(Math.max(1, max * 1.0001), seconds);
  const bins = Math.max(1, Math.ceil((max + 1e-9) / binHz) + (max === 0 ? 1 : 0));
  const colors = { exc: 'exc', inh: 'inh', input: 'muted', output: 'model' } as const;
  const series = info.layers.map((l) => {
    const y = new Array<number>(bins).fill(0);
    for (let i = l.start; i < l.start + l.count; i++) y[Math.min(bins - 1, Math.floor(c[i] / seconds / binHz + 1e-9))]++;
    return { label: l.label, x: y.map((_, b) => Number((b * binHz).toFixed(6))), y, style: 'bars' as const, color: colors[l.role] };
  });
  return { csv: toCsv(['neuron', 'layer', 'rate_hz'], rows), spec: { ...empty, series } };
}
