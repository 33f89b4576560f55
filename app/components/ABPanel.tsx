/**
 * A and B side by side: run B is this run with one parameter at another value from t = 0 (same
 * seed, same other changes), driven by the same transport and kept in the same link. Shows both
 * runs' step, fingerprint and spike count, and their rasters and first charts next to each other.
 */
import './classroom.css';
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { PlotSpec, RunInfo } from '../../workers/simApi';
import { renderRaster } from '../charts/raster';
import { renderImageGrid } from '../charts/imageGrid';
import { renderXYPlot } from '../charts/xyPlot';
import { abLive, abScalars, subscribeAB } from '../engine/abLive';
import { live } from '../engine/frameBus';
import type { SpikeWindow } from '../engine/spikeWindow';
import { useStore } from '../store';
import { setAB } from '../store/abActions';
import { formatValue } from './format';
import { useLiveCanvas } from './useLiveCanvas';

/** Charts drawn side by side (the first ones the experiment offers, besides 3D surfaces). */
const MAX_CHARTS = 2;

export function ABPanel() {
  const info = useStore((s) => s.info);
  const experiments = useStore((s) => s.experiments);
  const ab = useStore((s) => s.view.ab ?? null);
  const busy = useStore((s) => s.busy);
  const b = useSyncExternalStore(subscribeAB, abScalars);
  const step = useStore((s) => s.step);
  const fp = useStore((s) => s.fingerprint);
  const total = useStore((s) => s.totalSpikes);
  const plotTitles = useStore((s) => s.plotTitles);
  const exp = experiments.find((e) => e.id === info?.config.experiment);
  const params = exp?.params ?? [];
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  useEffect(() => {
    if (ab) {
      setKey(ab.key);
      setValue(String(ab.value));
    }
  }, [ab?.key, ab?.value]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!info || info.mode !== 'simulated' || !exp) return null;
  const spec = params.find((p) => p.key === key) ?? params.find((p) => p.live) ?? params[0];
  if (!spec) return null;
  const valueOf = (k: string) => info.params[k];
  const proposed = () => {
    const now = valueOf(spec.key);
    return Math.min(spec.max, now + spec.step) === now ? Math.max(spec.min, now - spec.step) : Math.min(spec.max, now + spec.step);
  };
  const apply = () => {
    const v = value.trim() === '' ? proposed() : Number(value);
    if (!Number.isFinite(v)) {
      useStore.getState().pushMessage(`B's value of ${spec.label} must be a number.`, 'warning');
      return;
    }
    void setAB({ key: spec.key, value: v });
  };
  const unit = (k: string) => params.find((p) => p.key === k)?.unit ?? '';
  const label = (k: string) => params.find((p) => p.key === k)?.label ?? k;
  const charts = plotTitles.filter((p) => live.plots.find((q) => q.id === p.id)?.kind !== 'surface').slice(0, MAX_CHARTS);
  return (
    <section className="ab-panel" aria-label="A/B comparison" data-testid="ab-panel">
      <div className="ab-controls">
        <label title="Run this experiment twice, same seed, one parameter changed, side by side on one transport">
          <input type="checkbox" data-testid="ab-toggle" checked={ab !== null} disabled={busy} onChange={(e) => (e.target.checked ? apply() : void setAB(null))} /> A/B: compare with
          a second run where
        </label>
        <select data-testid="ab-key" aria-label="Parameter that differs in run B" value={spec.key} disabled={busy} onChange={(e) => (setKey(e.target.value), setValue(''))}>
          {params.map((p) => (
            <option key={p.key} value={p.key}>
              {p.label}
            </option>
          ))}
        </select>
        <label>
          ={' '}
          <input data-testid="ab-value" aria-label="Value of that parameter in run B" className="ab-value" inputMode="decimal" value={value} placeholder={formatValue(proposed(), spec.step)} onChange={(e) => setValue(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && apply()} />{' '}
          {spec.unit} <span className="muted">(A: {formatValue(valueOf(spec.key), spec.step)})</span>
        </label>
        {ab && (
          <button data-testid="ab-apply" disabled={busy} onClick={apply}>
            Apply to B
          </button>
        )}
        {info.abProblem && <span className="muted">{info.abProblem}</span>}
      </div>
      {ab && (
        <>
          <p className="muted ab-note">
            B is this run from t = 0 with {label(ab.key)} = {ab.value} {unit(ab.key)}: same seed, same other changes (a change you make now acts on both, except to {label(ab.key)}, which is A's). One transport moves both; the link holds both. B runs on the same worker, so the speed halves.
          </p>
          <div className="ab-columns">
            <ABColumn name="A" testId="ab-a" what={`${label(ab.key)} = ${valueOf(ab.key)} ${unit(ab.key)}`} step={step} fingerprint={fp} spikes={total} src={{ spikes: live.spikes, plots: () => live.plots }} info={info} charts={charts} />
            <ABColumn name="B" testId="ab-b" what={`${label(ab.key)} = ${ab.value} ${unit(ab.key)}`} step={b?.step ?? 0} fingerprint={b?.fingerprint ?? '—'} spikes={b?.totalSpikes ?? 0} src={{ spikes: abLive.spikes, plots: () => abLive.plots }} info={info} charts={charts} />
          </div>
        </>
      )}
    </section>
  );
}

interface ColumnProps {
  name: string;
  testId: string;
  what: string;
  step: number;
  fingerprint: string;
  spikes: number;
  src: { spikes: SpikeWindow; plots: () => PlotSpec[] };
  info: RunInfo;
  charts: { id: string; title: string }[];
}

function ABColumn({ name, testId, what, step, fingerprint, spikes, src, info, charts }: ColumnProps) {
  return (
    <div className="ab-column" data-testid={testId}>
      <h3>
        {name}: {what}
      </h3>
      <p className="ab-readout">
        step <b data-testid={`${testId}-step`}>{step}</b> · fingerprint <code data-testid={`${testId}-fingerprint`}>{fingerprint}</code> · spikes {spikes.toLocaleString('en')}
      </p>
      {info.layers.length > 0 && <MiniRaster spikes={src.spikes} info={info} />}
      {charts.map((c) => (
        <MiniChart key={c.id} title={c.title} spec={() => src.plots().find((p) => p.id === c.id)} />
      ))}
    </div>
  );
}

function MiniRaster({ spikes, info }: { spikes: SpikeWindow; info: RunInfo }) {
  const ref = useLiveCanvas((canvas, size) => void renderRaster(canvas, { spikes, info, windowMs: 1000, nowStep: spikes.lastStep }, size));
  return (
    <figure className="plot">
      <figcaption>Spike raster — last 1 s</figcaption>
      <canvas ref={ref} style={{ display: 'block', width: '100%', height: 200 }} role="img" aria-label="Spike raster: neuron against time" />
    </figure>
  );
}

function MiniChart({ title, spec }: { title: string; spec: () => PlotSpec | undefined }) {
  const ref = useLiveCanvas((canvas, size) => {
    const s = spec();
    if (s?.kind === 'images') renderImageGrid(canvas, s, size);
    else if (s?.kind !== 'surface') renderXYPlot(canvas, s, size);
  });
  return (
    <figure className="plot">
      <figcaption>{title}</figcaption>
      <canvas ref={ref} style={{ display: 'block', width: '100%', height: 220 }} role="img" aria-label={title} />
    </figure>
  );
}
