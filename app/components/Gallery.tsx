/**
 * The start page's gallery: guided lessons, one per model family, and presets (an experiment with a
 * parameter set and a seed, each with a thumbnail made from a real run by scripts/build-thumbnails.ts).
 * Shown when the visitor arrives without a link, while the default experiment runs below; folds
 * into a slim bar with a "Gallery" button and a lesson picker.
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
  const has = (id: string) => known.some((e) => e.id === id);
  const lessons = LESSONS.filter((l) => has(l.experiment));
  const presets = PRESETS.filter((p) => has(p.experiment));

  if (!open) {
    return (
      <div className="gallery-bar">
        <button type="button" data-testid="gallery-open" onClick={() => setOpen(true)}>
          ▦ Gallery
        </button>
        <label>
          Lesson{' '}
          <select data-testid="lesson-select" value="" disabled={busy} onChange={(e) => { const l = lessons.find((x) => x.id === e.target.value); if (l) void openLesson(l); }}>
            <option value="">choose a guided lesson…</option>
            {lessons.map((l) => (
              <option key={l.id} value={l.id}>
                {l.title}
              </option>
            ))}
          </select>
        </label>
      </div>
    );
  }
  return (
    <section className="gallery" data-testid="gallery" aria-label="Gallery">
      <div className="gallery-head">
        <h2>Guided lessons</h2>
        <button type="button" data-testid="gallery-close" onClick={() => setOpen(false)} title="Fold the gallery away">
          ▴ Hide gallery
        </button>
      </div>
      <div className="gallery-row">
        {lessons.map((l) => (
          <button type="button" key={l.id} className="lesson-card" data-testid={`lesson-open-${l.id}`} disabled={busy} onClick={() => { setOpen(false); void openLesson(l); }}>
            <b>{l.title}</b>
            <span>{l.blurb}</span>
          </button>
        ))}
      </div>
      <h2>Presets</h2>
      <div className="gallery-row">
        {presets.map((p) => (
          <button type="button" key={p.id} className="preset-card" data-testid={`preset-${p.id}`} disabled={busy} onClick={() => { setOpen(false); void openPreset(p); }} title={p.blurb}>
            <img src={thumb(p.id)} alt={`${p.title}: ${p.thumbnail.plot} after a real run`} width={200} height={100} loading="lazy" />
            <b>{p.title}</b>
            <span>{p.blurb}</span>
          </button>
        ))}
      </div>
    </section>
  );
}
