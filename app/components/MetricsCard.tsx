/**
 * The experiment's own measurements (the same `metrics()` the CLI prints), refreshed twice a
 * second while running and once after every pause or step.
 */
import { useEffect, useState } from 'react';
import type { MetricValue } from '../../workers/simApi';
import { sim } from '../engine/client';
import { useStore } from '../store';
import { isHidden } from '../store/viewSlice';

const UNIT_SUFFIXES: [RegExp, string][] = [
  [/_hz$/, 'Hz'],
  [/_ms$/, 'ms'],
  [/_mv$/i, 'mV'],
];

/** "exc_rate_hz" → "exc rate", "Hz". */
export function metricLabel(key: string): { label: string; unit: string } {
  for (const [re, unit] of UNIT_SUFFIXES) if (re.test(key)) return { label: key.replace(re, '').replace(/_/g, ' '), unit };
  return { label: key.replace(/_/g, ' '), unit: '' };
}

function show(v: MetricValue): string {
  if (typeof v === 'number') return Number.isInteger(v) ? v.toLocaleString('en') : v.toPrecision(4);
  if (v === null) return '—';
  if (typeof v === 'boolean' || typeof v === 'string') return String(v);
  return Array.isArray(v) ? `[${v.length} values]` : '{…}';
}

export function MetricsCard() {
  const hidden = useStore((s) => isHidden(s, 'panel:metrics'));
  return hidden ? null : <MetricsCardView />;
}

function MetricsCardView() {
  const step = useStore((s) => s.step);
  const playing = useStore((s) => s.playing);
  const info = useStore((s) => s.info);
  const [metrics, setMetrics] = useState<Record<string, MetricValue>>({});

  useEffect(() => {
    let cancelled = false;
    const refresh = () =>
      sim()
        .metrics()
        .then((m) => !cancelled && setMetrics(m))
        .catch(() => undefined);
    void refresh();
    if (!playing) return () => void (cancelled = true);
    const id = setInterval(refresh, 500);
    return () => {
      cancelled = true;
      clearInterval(id);
    };
    // Re-run on pause/play, a new run, and (when paused) every step change.
  }, [playing, info, playing ? 0 : step]);

  const entries = Object.entries(metrics);
  return (
    <section className="plot metrics" aria-label="Measurements" data-testid="metrics">
      <div className="caption">Measurements since t = 0 (the CLI reports the same)</div>
      {entries.length === 0 ? (
        <p className="muted">—</p>
      ) : (
        <dl>
          {entries.map(([k, v]) => {
            const { label, unit } = metricLabel(k);
            return (
              <div key={k} title={k}>
                <dt>{label}</dt>
                <dd data-testid={`metric-${k}`}>
                  {show(v)} {unit && <span className="unit">{unit}</span>}
                </dd>
              </div>
            );
          })}
        </dl>
      )}
    </section>
  );
}
