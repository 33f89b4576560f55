/**
 * The XY chart as true vector graphics: the same PlotSpec the canvas renderer draws (xyPlot.ts),
 * with the same data ranges and d3 ticks, written as a standalone SVG document (for slides and
 * papers). An optional reference spec (an earlier run) is drawn faded underneath.
 */
import type { XYPlotSpec } from '../../workers/simApi';
import { AXIS_COLOR, GRID_COLOR, SERIES_COLORS } from './axes';
import { layoutXY, type LegendEntry, type LegendLayout } from './xyLayout';

export interface SvgOpts {
  width: number;
  height: number;
  /** An earlier run's version of the same chart, drawn faded. */
  reference?: XYPlotSpec;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const num = (v: number) => String(Math.round(v * 100) / 100);
const FONT = 'font-family="system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif" font-size="13"';

export function renderXYSvg(spec: XYPlotSpec, opts: SvgOpts): string {
  const { width, height } = opts;
  const entries: LegendEntry[] = spec.series.map((s) => ({ label: s.label, color: SERIES_COLORS[s.color] ?? '#000', style: s.style }));
  if (opts.reference) entries.push({ label: 'earlier run (faded)', color: '#8a96a3', style: 'dashed' });
  // Both runs decide the ranges, so the faded curves stay on the chart.
  const ranged = opts.reference ? { ...spec, series: [...spec.series, ...opts.reference.series] } : spec;
  const lay = layoutXY(ranged, width, height, 13, (t) => t.length * 7.2, entries);
  const L = lay.left, R = lay.right, T = lay.top, B = lay.bottom, x = lay.x, y = lay.y;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`);
  out.push(`<title>${esc(spec.title)}</title>`);
  out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  // Grid, ticks and tick labels.
  const g: string[] = [];
  for (const t of lay.yTicks) {
    const py = num(y(t.v));
    g.push(`<line x1="${L}" x2="${R}" y1="${py}" y2="${py}" stroke="${GRID_COLOR}"/>`, `<line x1="${L - 5}" x2="${L}" y1="${py}" y2="${py}" stroke="${AXIS_COLOR}"/>`);
    if (t.label) g.push(`<text x="${L - 7}" y="${py}" text-anchor="end" dominant-baseline="middle">${esc(t.label)}</text>`);
  }
  for (const t of lay.xTicks) {
    const px = num(x(t.v));
    if (!spec.xLog) g.push(`<line x1="${px}" x2="${px}" y1="${T}" y2="${B}" stroke="${GRID_COLOR}"/>`);
    g.push(`<line x1="${px}" x2="${px}" y1="${B}" y2="${B + 5}" stroke="${AXIS_COLOR}"/>`);
    if (t.label) g.push(`<text x="${px}" y="${B + 7}" text-anchor="middle" dominant-baseline="hanging">${esc(t.label)}</text>`);
  }
  g.push(`<line x1="${L}" x2="${R}" y1="${B}" y2="${B}" stroke="${AXIS_COLOR}"/>`, `<line x1="${L}" x2="${L}" y1="${T}" y2="${B}" stroke="${AXIS_COLOR}"/>`);
  g.push(`<text x="${(L + R) / 2}" y="${B + 24}" text-anchor="middle" dominant-baseline="hanging">${esc(spec.xLabel)}</text>`);
  g.push(`<text transform="translate(14 ${(T + B) / 2}) rotate(-90)" text-anchor="middle" dominant-baseline="middle">${esc(spec.yLabel)}</text>`);
  out.push(`<g ${FONT} fill="${AXIS_COLOR}">${g.join('')}</g>`);
  out.push(`<defs><clipPath id="area"><rect x="${L}" y="${T}" width="${R - L}" height="${B - T}"/></clipPath></defs>`);
  const sx = (v: number) => x(v), sy = (v: number) => y(v);
  if (spec.zeroLine) out.push(`<line x1="${L}" x2="${R}" y1="${num(y(0))}" y2="${num(y(0))}" stroke="#9aa6b2"/>`);
  if (opts.reference) out.push(`<g clip-path="url(#area)" opacity="0.35" data-role="reference">${seriesSvg(opts.reference, sx, sy, true)}</g>`);
  out.push(`<g clip-path="url(#area)">${seriesSvg(spec, sx, sy, false)}</g>`);
  if (lay.legend) out.push(legendSvg(lay.legend, entries));
  out.push('</svg>');
  return out.join('\n');
}

function seriesSvg(spec: XYPlotSpec, x: (v: number) => number, y: (v: number) => number, faded: boolean): string {
  const parts: string[] = [];
  for (const s of spec.series) {
    const color = SERIES_COLORS[s.color] ?? '#000';
    const ok = (k: number) => Number.isFinite(s.x[k]) && Number.isFinite(s.y[k]) && !(spec.xLog && s.x[k] <= 0) && !(spec.yLog && s.y[k] <= 0);
    if (s.style === 'bars') {
      for (let k = 0; k < s.x.length; k++) {
        if (!ok(k)) continue;
        const x0 = x(s.x[k]);
        const x1 = k + 1 < s.x.length ? x(s.x[k + 1]) : x0 + (x0 - x(s.x[Math.max(0, k - 1)]));
        const top = y(s.y[k]);
        parts.push(`<rect x="${num(x0 + 0.5)}" y="${num(Math.min(top, y(0)))}" width="${num(Math.max(1, x1 - x0 - 1))}" height="${num(Math.abs(y(0) - top))}" fill="${color}" fill-opacity="0.75"/>`);
      }
    } else if (s.style === 'points' || s.style === 'ticks') {
      for (let k = 0; k < s.x.length; k++) {
        if (!ok(k)) continue;
        const px = num(x(s.x[k])), py = num(y(s.y[k]));
        const e = s.yErr?.[k];
        if (e) parts.push(`<path d="M${px},${num(y(s.y[k] - e))}V${num(y(s.y[k] + e))}" stroke="${color}" stroke-width="1.5"/>`);
        parts.push(s.style === 'ticks' ? `<rect x="${num(x(s.x[k]) - 1)}" y="${num(y(s.y[k] + 0.4))}" width="2" height="${num(Math.max(2, Math.abs(y(0.8) - y(0))))}" fill="${color}"/>` : `<circle cx="${px}" cy="${py}" r="4.5" fill="#ffffff" stroke="${color}" stroke-width="1.5"/>`);
      }
    } else {
      let d = '';
      let pen = false;
      for (let k = 0; k < s.x.length; k++) {
        if (!ok(k)) {
          pen = false;
          continue;
        }
        d += `${pen ? 'L' : 'M'}${num(x(s.x[k]))},${num(y(s.y[k]))}`;
        pen = true;
      }
      const dash = s.style === 'dashed' || faded ? ' stroke-dasharray="6 4"' : '';
      if (d) parts.push(`<path d="${d}" fill="none" stroke="${color}" stroke-width="${s.style === 'dashed' ? 1.6 : 2.2}" stroke-linejoin="round"${dash}/>`);
    }
  }
  return parts.join('');
}

function legendSvg(legend: LegendLayout, items: LegendEntry[]): string {
  const b = legend.box;
  const parts = legend.mode === 'inside' ? [`<rect x="${num(b.x)}" y="${num(b.y)}" width="${num(b.w)}" height="${num(b.h)}" fill="#ffffff" fill-opacity="0.9"/>`] : [];
  items.forEach((it, k) => {
    const x0 = legend.at[k].x;
    const cy = legend.at[k].y + legend.rowH / 2;
    if (it.style === 'points') parts.push(`<circle cx="${num(x0 + 12)}" cy="${num(cy)}" r="4" fill="#ffffff" stroke="${it.color}" stroke-width="1.5"/>`);
    else parts.push(`<path d="M${num(x0 + 2)},${num(cy)}H${num(x0 + 22)}" stroke="${it.color}" stroke-width="${it.style === 'bars' ? 8 : 2}"${it.style === 'dashed' ? ' stroke-dasharray="5 3"' : ''}/>`);
    parts.push(`<text x="${num(x0 + 28)}" y="${num(cy)}" dominant-baseline="middle" fill="${AXIS_COLOR}">${esc(it.label)}</text>`);
  });
  return `<g ${FONT}>${parts.join('')}</g>`;
}
