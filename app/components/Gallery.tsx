/**
 * The gallery: guided lessons, one per model family, and presets (an experiment with a parameter
 * set and a seed, each with a thumbnail made from a real run by scripts/build-thumbnails.ts).
 * A drawer over the page, so it never pushes the run off the screen: it greets a visitor who
 * arrives without a link (the default experiment already runs behind it) and opens again from
 * the header's "Gallery" button. Esc or "Close" folds it away.
 */
import { useRef } from 'react';
import { LESSONS } from '../lessons';
import { openLesson, openPreset } from '../lessons/applyStep';
import { PRESETS } from '../lessons/presets';
import { useStore } from '../store';
import { useDialogFocus } from './useDialogFocus';
import '../lessons/lessons.css';

const thumb = (id: string) => `${import.meta.env.BASE_URL}thumbnails/${id}.png`;

export function Gallery() {
  const open = useStore((s) => s.galleryOpen);
  const setOpen = useStore((s) => s.setGalleryOpen);
  const busy = useStore((s) => s.busy);
  const known = useStore((s) => s.experiments);
  const ref = useRef<HTMLDivElement>(null);
  useDialogFocus(ref, open);
  if (!open) return null;
  const has = (id: string) => known.some((e) => e.id === id);
  const lessons = LESSONS.filter((l) => has(l.experiment));
  const presets = PRESETS.filter((p) => has(p.experiment));
  const close = () => setOpen(false);
  return (
    <div className="overlay drawer-overlay" onClick={close}>
      <section ref={ref} className="gallery drawer" data-testid="gallery" role="dialog" aria-modal="true" aria-labelledby="gallery-title" onClick={(e) => e.stopPropagation()}>
        <div className="gallery-head">
          <h2 id="gallery-title">Guided lessons</h2>
          <button type="button" data-testid="gallery-close" onClick={close} title="Close the gallery (Esc); the run keeps going">
            ✕ Close
          </button>
        </div>
        <div className="gallery-row">
          {lessons.map((l) => (
            <button type="button" key={l.id} className="lesson-card" data-testid={`lesson-open-${l.id}`} disabled={busy} onClick={() => { close(); void openLesson(l); }}>
              <b>{l.title}</b>
              <span>{l.blurb}</span>
            </button>
          ))}
        </div>
        <h2>Presets</h2>
        <div className="gallery-row">
          {presets.map((p) => (
            <button type="button" key={p.id} className="preset-card" data-testid={`preset-${p.id}`} disabled={busy} onClick={() => { close(); void openPreset(p); }} title={p.blurb}>
              <img src={thumb(p.id)} alt={`${p.title}: ${p.thumbnail.plot} after a real run`} width={200} height={100} loading="lazy" />
              <b>{p.title}</b>
              <span>{p.blurb}</span>
            </button>
          ))}
        </div>
      </section>
    </div>
  );
}
