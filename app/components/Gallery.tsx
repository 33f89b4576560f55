/**
 * The gallery: guided lessons, one per model family, and presets (an experiment with a parameter
 * set and a seed, each with a thumbnail made from a real run by scripts/build-thumbnails.ts).
 * A strip of small cards above the run: it greets a visitor who arrives without a link while the
 * default experiment runs below it (whose story charts shrink to stay on the first screen), and
 * opens again from the header's "Gallery" button. "Hide", Esc or choosing an experiment folds it.
 */
import { LESSONS } from '../lessons';
import { openLesson, openPreset } from '../lessons/applyStep';
import { PRESETS } from '../lessons/presets';
import { useStore } from '../store';
import '../lessons/lessons.css';

const thumb = (id: string) => `${import.meta.env.BASE_URL}thumbnails/${id}.png`;

export function Gallery() {
  const open = useStore((s) => s.galleryOpen);
  const setOpen = useStore((s) => s.setGalleryOpen);
  const busy = useStore((s) => s.busy);
  const known = useStore((s) => s.experiments);
  if (!open) return null;
  const has = (id: string) => known.some((e) => e.id === id);
  const lessons = LESSONS.filter((l) => has(l.experiment));
  const presets = PRESETS.filter((p) => has(p.experiment));
  const close = () => setOpen(false);
  return (
    <section className="gallery strip" data-testid="gallery" aria-labelledby="gallery-title">
      <div className="gallery-head">
        <h2 id="gallery-title">Start here: guided lessons and presets</h2>
        <button type="button" data-testid="gallery-close" onClick={close} title="Fold the gallery away (Esc); the run keeps going">
          ▴ Hide
        </button>
      </div>
      <div className="gallery-row">
          {lessons.map((l) => (
            <button type="button" key={l.id} className="lesson-card" data-testid={`lesson-open-${l.id}`} disabled={busy} onClick={() => { close(); void openLesson(l); }}>
              <b>{l.title}</b>
              <span>{l.blurb}</span>
            </button>
          ))}
          {presets.map((p) => (
            <button type="button" key={p.id} className="preset-card" data-testid={`preset-${p.id}`} disabled={busy} onClick={() => { close(); void openPreset(p); }} title={p.blurb}>
              <img src={thumb(p.id)} alt={`${p.title}: ${p.thumbnail.plot} after a real run`} width={200} height={100} loading="lazy" />
              <b>{p.title}</b>
              <span>{p.blurb}</span>
            </button>
          ))}
      </div>
    </section>
  );
}
