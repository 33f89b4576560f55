/**
 * Title bar: experiment picker, seed, gallery and lesson picker, and the experiment's one-paragraph
 * description (one line until "more" is pressed, so the run stays on the first screen).
 */
import { useEffect, useRef, useState } from 'react';
import { LESSONS } from '../lessons';
import { openLesson } from '../lessons/applyStep';
import { useStore } from '../store';
import { changeExperiment, changeSeed } from '../store/actions';
import { OfflineStatus } from './OfflineStatus';

const MAX_SEED = 0xffffffff;
/** Keys that move through a closed <select> without meaning "open this one". */
const BROWSE_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);

export function ExperimentHeader() {
  const experiments = useStore((s) => s.experiments);
  const info = useStore((s) => s.info);
  const busy = useStore((s) => s.busy);
  const pushMessage = useStore((s) => s.pushMessage);
  const seed = info?.config.seed ?? 1;
  const [seedText, setSeedText] = useState(String(seed));
  const [more, setMore] = useState(false);
  useEffect(() => setSeedText(String(seed)), [seed]);
  const exp = experiments.find((e) => e.id === info?.config.experiment);

  const commitSeed = () => {
    const t = seedText.trim();
    const n = Number(t);
    if (!/^\d+$/.test(t) || n > MAX_SEED) {
      pushMessage(`Seed must be a whole number from 0 to ${MAX_SEED}.`, 'warning');
      setSeedText(String(seed));
      return;
    }
    if (n !== seed) void changeSeed(n);
  };
  const newSeed = () => {
    const buf = new Uint32Array(1);
    crypto.getRandomValues(buf);
    void changeSeed(buf[0]);
  };

  return (
    <header className="header">
      <h1>Plasticity Playground</h1>
      <OfflineStatus />
      <ExperimentSelect current={exp?.id ?? ''} disabled={busy} />
      <label className="seed-field">
        Seed{' '}
        <input
          data-testid="seed"
          className="seed"
          inputMode="numeric"
          value={seedText}
          disabled={busy}
          onChange={(e) => setSeedText(e.target.value)}
          onBlur={commitSeed}
          onKeyDown={(e) => e.key === 'Enter' && commitSeed()}
        />
      </label>
      <button onClick={newSeed} disabled={busy} title="Draw a new random seed (rebuilds the network)">
        New seed
      </button>
      <GalleryAndLessons />
      {exp && (
        <p className={`summary${more ? ' open' : ''}`} data-testid="summary">
          <span className="summary-text">{exp.summary}</span>{' '}
          <button type="button" className="link more" aria-expanded={more} onClick={() => setMore(!more)}>
            {more ? 'less' : 'more'}
          </button>
          {info && info.mode === 'simulated' && info.neurons > 0 && (
            <span className="muted net-size" data-testid="network-size">
              {info.neurons.toLocaleString('en')} neuron{info.neurons === 1 ? '' : 's'} · {info.synapses.toLocaleString('en')} synapse{info.synapses === 1 ? '' : 's'} · dt = {info.dt_ms} ms
            </span>
          )}
        </p>
      )}
      {exp && exp.differences.length > 0 && (
        <p className={`summary differences${more ? ' open' : ''}`} data-testid="differences">
          <span className="summary-text">
            <strong>Differences from the paper:</strong> {exp.differences.join(' ')}
          </span>
        </p>
      )}
    </header>
  );
}

/**
 * The experiment picker. A mouse or touch choice opens the experiment at once; arrowing through the
 * closed list only moves the selection, and Enter (or leaving the list) opens it.
 */
function ExperimentSelect({ current, disabled }: { current: string; disabled: boolean }) {
  const experiments = useStore((s) => s.experiments);
  const [pending, setPending] = useState<string | null>(null);
  const browsing = useRef(false);
  useEffect(() => setPending(null), [current]);
  const commit = (id: string | null) => {
    browsing.current = false;
    if (id && id !== current) void changeExperiment(id);
    setPending(null);
  };
  return (
    <label className="experiment-field">
      <span className="sr-only">Experiment</span>
      <select
        data-testid="experiment"
        value={pending ?? current}
        disabled={disabled}
        onKeyDown={(e) => {
          if (BROWSE_KEYS.has(e.key) || e.key.length === 1) browsing.current = true;
          if (e.key === 'Enter') commit(pending);
          if (e.key === 'Escape') setPending(null);
        }}
        onPointerDown={() => (browsing.current = false)}
        onChange={(e) => (browsing.current ? setPending(e.target.value) : commit(e.target.value))}
        onBlur={() => commit(pending)}
      >
        {experiments.map((e) => (
          <option key={e.id} value={e.id}>
            {e.title}
          </option>
        ))}
      </select>
    </label>
  );
}

/** "Gallery" opens the drawer; the picker opens a guided lesson and names the one that is open. */
function GalleryAndLessons() {
  const busy = useStore((s) => s.busy);
  const known = useStore((s) => s.experiments);
  const lessonId = useStore((s) => s.lessonId);
  const lessons = LESSONS.filter((l) => known.some((e) => e.id === l.experiment));
  return (
    <>
      <button type="button" data-testid="gallery-open" onClick={() => useStore.getState().setGalleryOpen(true)} title="Lessons and presets">
        ▦ Gallery
      </button>
      <label className="lesson-field">
        <span className="sr-only">Lesson</span>
        <select
          data-testid="lesson-select"
          value={lessonId ?? ''}
          disabled={busy}
          onChange={(e) => {
            const l = lessons.find((x) => x.id === e.target.value);
            if (l) void openLesson(l);
            else useStore.getState().setLesson(null);
          }}
        >
          <option value="">{lessonId ? 'Close the lesson' : 'Guided lesson…'}</option>
          {lessons.map((l) => (
            <option key={l.id} value={l.id}>
              {l.title}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
