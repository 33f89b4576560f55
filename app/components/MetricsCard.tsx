/**
 * The experiment's measurements (the same `metrics()` the CLI prints) as a card: each with its
 * human label and unit (app/metrics/metricSpecs.ts), arrays as a sparkline and a one-line summary.
 * They arrive with the charts, computed at the same step, so the card and the charts agree.
 */
import type { MetricValue } from '../../workers/simApi';
import { showMetric } from '../metrics/formatMetric';
import { metricSpec } from '../metrics/metricSpecs';
import { useStore } from '../store';
import { isHidden } from '../store/viewSlice';
import { formatSimTime } from './format';

export { metricLabel } from '../metrics/metricSpecs';

export function MetricsCard() {
  const hidden = useStore((s) => isHidden(s, 'panel:metrics'));
  return hidden ? null : <MetricsCardView />;
}

function MetricsCardView() {
  const metrics = useStore((s) => s.metrics);
  const step = useStore((s) => s.metricsStep);
  const experiment = useStore((s) => s.info?.config.experiment ?? '');
  const dt = useStore((s) => s.info?.dt_ms ?? 0.1);
  const computed = useStore((s) => s.info?.mode === 'computed');
  const entries = Object.entries(metrics);
  return (
    <section className="plot metrics" aria-labelledby="metrics-title" data-testid="metrics" data-step={step}>
      <h2 className="caption" id="metrics-title">
        Measurements{!computed && step >= 0 ? ` at t = ${formatSimTime(step * dt)}, the moment the charts show` : ''}
      </h2>
      {entries.length === 0 ? (
        <p className="muted">—</p>
      ) : (
        <dl>
          {entries.map(([k, v]) => (
            <Metric key={k} id={k} value={v} experiment={experiment} />
          ))}
        </dl>
      )}
    </section>
  );
}

function Metric({ id, value, experiment }: { id: string; value: MetricValue; experiment: string }) {
  const spec = metricSpec(experiment, id);
  const shown = showMetric(spec, value);
  const wide = shown.spark !== undefined || shown.text.length > 24;
  return (
    <div className={wide ? 'metric wide' : 'metric'} title={`${spec.label} (${id} in the CLI's JSON)`}>
      <dt>
        {spec.label}
        {spec.unit && <span className="unit"> ({spec.unit})</span>}
      </dt>
      <dd data-testid={`metric-${id}`} data-value={typeof value === 'number' ? String(value) : undefined}>
        {shown.spark && <Sparkline values={shown.spark} label={`${spec.label}: ${shown.text}`} />}
        {shown.text}
      </dd>
    </div>
  );
}

/** A small line of the values (NaN leaves a gap). */
function Sparkline({ values, label }: { values: number[]; label: string }) {
  const W = 96, H = 22;
  const finite = values.filter(Number.isFinite);
  if (finite.length < 2) return null;
  const lo = Math.min(...finite), hi = Math.max(...finite);
  const span = hi - lo || 1;
  let d = '';
  let pen = false;
  values.forEach((v, k) => {
    if (!Number.isFinite(v)) return void (pen = false);
    const x = (k / Math.max(1, values.length - 1)) * (W - 2) + 1;
    const y = H - 2 - ((v - lo) / span) * (H - 4);
    d += `${pen ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`;
    pen = true;
  });
  return (
    <svg className="sparkline" width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      <path d={d} fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}
