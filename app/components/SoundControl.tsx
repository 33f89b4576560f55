/**
 * Sound: hear the spikes of one neuron, a layer or the raster's selection as clicks, or, for
 * rate-coded runs, a pitch that follows a rate. Off by default; volume; says when it thins clicks.
 */
import './classroom.css';
import { useEffect, useSyncExternalStore } from 'react';
import { MAX_CLICKS_PER_S } from '../audio/clickScheduler';
import { HIGH_HZ, LOW_HZ } from '../audio/ratePitch';
import { setSoundEnabled, setSoundSource, setSoundVolume, soundState, subscribeSound, type SoundSource } from '../audio/spikeAudio';
import { useStore } from '../store';
import { selectNeurons } from '../engine/neuronSelection';
import { live } from '../engine/frameBus';

interface Option {
  value: string;
  label: string;
  source: SoundSource;
}

export function SoundControl() {
  const s = useSyncExternalStore(subscribeSound, soundState);
  const info = useStore((st) => st.info);
  const raster = useStore((st) => st.view.raster);
  const plotTitles = useStore((st) => st.plotTitles);
  const simulated = info !== null && info.mode === 'simulated';
  const options: Option[] = [];
  if (info && simulated && info.layers.length > 0) {
    options.push({ value: 'neuron', label: 'one neuron', source: { kind: 'neuron', id: s.source.kind === 'neuron' ? s.source.id : 0 } });
    info.layers.forEach((l, i) => options.push({ value: `layer:${i}`, label: `every neuron of ${l.label} (${l.count.toLocaleString('en')})`, source: { kind: 'layer', index: i } }));
    options.push({ value: 'raster', label: `the raster's selection (${selectNeurons(info, raster).shown.toLocaleString('en')} neurons)`, source: { kind: 'raster' } });
    info.layers.forEach((l, i) => options.push({ value: `layer-rate:${i}`, label: `pitch: population rate of ${l.label}`, source: { kind: 'layer-rate', index: i } }));
  }
  for (const p of simulated ? plotTitles : []) {
    const spec = seriesOf(p.id);
    spec.forEach(({ label, k }) => options.push({ value: `series:${p.id}:${k}`, label: `pitch: ${p.title} — ${label}`, source: { kind: 'series', plot: p.id, series: k } }));
  }
  const value = keyOf(s.source);
  const current = options.find((o) => o.value === value) ?? options[0];
  // Another experiment may not offer the source chosen before: play what the menu shows.
  const fallback = s.enabled && current && current.value !== value ? current.source : null;
  useEffect(() => {
    if (fallback) setSoundSource(fallback);
  }, [fallback]);
  if (!info || !simulated || !current) return null;
  const source = current.source;
  const layerOf = (id: number) => info.layers.find((l) => id >= l.start && id < l.start + l.count);
  return (
    <div className="sound-control" role="group" aria-label="Sound">
      <label title="Play spikes as clicks through the speakers, like an electrophysiology rig (off by default)">
        <input
          type="checkbox"
          data-testid="sound-toggle"
          checked={s.enabled}
          onChange={(e) => {
            if (e.target.checked && keyOf(s.source) !== current.value) setSoundSource(current.source);
            setSoundEnabled(e.target.checked);
          }}
        />{' '}
        Hear the spikes
      </label>
      {s.enabled && (
        <>
          <label>
            Listen to{' '}
            <select data-testid="sound-source" value={current.value} onChange={(e) => setSoundSource(options.find((o) => o.value === e.target.value)!.source)}>
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
          {source.kind === 'neuron' && (
            <label>
              neuron #{' '}
              <input
                data-testid="sound-neuron"
                type="number"
                min={0}
                max={info.neurons - 1}
                value={source.id}
                onChange={(e) => {
                  const id = Math.floor(Number(e.target.value));
                  if (Number.isFinite(id) && id >= 0 && id < info.neurons) setSoundSource({ kind: 'neuron', id });
                }}
              />{' '}
              <span className="muted">({layerOf(source.id)?.label ?? '—'}; ids 0–{info.neurons - 1})</span>
            </label>
          )}
          <label>
            Volume{' '}
            <input data-testid="sound-volume" type="range" min={0} max={100} value={Math.round(s.volume * 100)} onChange={(e) => setSoundVolume(Number(e.target.value) / 100)} />{' '}
            {Math.round(s.volume * 100)} %
          </label>
          <span className="muted" data-testid="sound-status">
            {status(s, source)}
          </span>
        </>
      )}
      {s.problem && <span className="muted">{s.problem}</span>}
    </div>
  );
}

function status(s: ReturnType<typeof soundState>, source: SoundSource): string {
  if (source.kind === 'series' || source.kind === 'layer-rate') {
    const range = source.kind === 'series' ? `${LOW_HZ} Hz = lowest value so far, ${HIGH_HZ} Hz = highest` : `${LOW_HZ} Hz = 0 Hz, ${HIGH_HZ} Hz = 100 Hz or more`;
    return `Pitch ${Number.isFinite(s.pitch) ? `${s.pitch.toFixed(0)} Hz` : '—'} (${range}, logarithmic)`;
  }
  const rate = s.rate > 0 ? `${s.rate.toFixed(s.rate < 10 ? 1 : 0)} spikes per second of sound` : 'no spikes yet';
  if (s.thin > 1) return `Thinned: one click per ${s.thin} spikes (${rate}; at most ${MAX_CLICKS_PER_S} clicks/s can be told apart). Slow the speed or pick fewer neurons to hear every spike.`;
  return `Every spike clicks (${rate}); timing follows simulated time at the chosen speed.`;
}

function keyOf(s: SoundSource): string {
  if (s.kind === 'neuron' || s.kind === 'raster') return s.kind;
  if (s.kind === 'series') return `series:${s.plot}:${s.series}`;
  return `${s.kind}:${s.index}`;
}

/** Labels of the XY series of a plot now shown (image grids and surfaces have none). */
function seriesOf(id: string): { label: string; k: number }[] {
  const p = live.plots.find((q) => q.id === id);
  if (!p || (p.kind !== undefined && p.kind !== 'xy')) return [];
  return p.series.map((x, k) => ({ label: x.label, k, ticks: x.style === 'ticks' })).filter((x) => !x.ticks);
}
