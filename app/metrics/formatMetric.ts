/**
 * One measurement as the card shows it: a number with its unit, a word, or, for arrays and
 * objects, a one-line summary and the values for a sparkline. Never a raw container.
 */
import type { MetricValue } from '../../workers/simApi';
import type { MetricSpec } from './metricSpecs';

export interface ShownMetric {
  /** What the card prints (a number, a word, or a one-line summary). */
  text: string;
  /** Unit printed after a single number ('' when none or when the text is a summary). */
  unit: string;
  /** y values for a sparkline (arrays only). */
  spark?: number[];
}

/** A number with 4 significant digits (exponent outside 1e-3…1e5, as 5.00e-4), thousands separated. */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? '—' : v > 0 ? '∞' : '−∞';
  if (Number.isInteger(v) && Math.abs(v) < 1e9) return v.toLocaleString('en');
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e5)) return v.toExponential(2).replace('e+', 'e');
  return Number(v.toPrecision(4)).toLocaleString('en', { maximumFractionDigits: 8 });
}

const isRecord = (v: MetricValue): v is Record<string, MetricValue> => !!v && typeof v === 'object' && !Array.isArray(v);
const plural = (n: number, what: string) => `${n.toLocaleString('en')} ${what}${n === 1 ? '' : 's'}`;

/** Numeric fields of a record, in order. */
function numericKeys(r: Record<string, MetricValue>): string[] {
  return Object.keys(r).filter((k) => typeof r[k] === 'number');
}

export function showMetric(spec: MetricSpec, v: MetricValue): ShownMetric {
  const unit = spec.unit ?? '';
  if (v === null || v === undefined) return { text: 'not measured yet', unit: '' };
  if (typeof v === 'number') return { text: formatNumber(v), unit };
  if (typeof v === 'boolean') return { text: v ? 'yes' : 'no', unit: '' };
  if (typeof v === 'string') return { text: v, unit: '' };
  if (spec.summary) return { text: spec.summary(v), unit: '' };
  if (Array.isArray(v)) return showArray(spec, v);
  // A record: its scalar fields in one line.
  const parts = Object.entries(v).map(([k, x]) => `${k.replace(/_/g, ' ')} ${typeof x === 'number' ? formatNumber(x) : Array.isArray(x) ? plural(x.length, 'value') : typeof x === 'string' || typeof x === 'boolean' ? String(x) : '…'}`);
  return { text: parts.join(' · ') || 'empty', unit: '' };
}

function showArray(spec: MetricSpec, v: MetricValue[]): ShownMetric {
  const item = spec.series?.item ?? 'value';
  const u = spec.unit ? ` ${spec.unit}` : '';
  if (v.length === 0) return { text: `no ${item}s yet`, unit: '' };
  if (v.every((x) => typeof x === 'number' || x === null)) {
    const ys = v.map((x) => (typeof x === 'number' ? x : NaN));
    const finite = ys.filter(Number.isFinite);
    const lo = Math.min(...finite), hi = Math.max(...finite);
    return { text: `${plural(v.length, item)}; first ${formatNumber(ys[0])}, last ${formatNumber(ys[ys.length - 1])}${u} (range ${formatNumber(lo)} to ${formatNumber(hi)})`, unit: '', spark: ys };
  }
  const recs = v.filter(isRecord);
  if (recs.length > 0) {
    const keys = numericKeys(recs[0]);
    const xKey = spec.series?.x ?? (keys.length > 1 ? keys[0] : undefined);
    const yKey = spec.series?.y || keys.find((k) => k !== xKey) || keys[0];
    if (yKey) {
      const ys = recs.map((r) => (typeof r[yKey] === 'number' ? (r[yKey] as number) : NaN));
      let k = 0;
      for (let i = 1; i < ys.length; i++) if (Math.abs(ys[i]) > Math.abs(ys[k])) k = i;
      const xu = spec.series?.xUnit ? ` ${spec.series.xUnit}` : '';
      const at = xKey ? ` at ${formatNumber(recs[k][xKey] as number)}${xu}` : '';
      return { text: `${plural(recs.length, item)}; largest ${formatNumber(ys[k])}${u}${at}; last ${formatNumber(ys[ys.length - 1])}${u}`, unit: '', spark: ys };
    }
  }
  return { text: plural(v.length, item), unit: '' };
}
