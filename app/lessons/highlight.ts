/** Highlights (outline + scroll into view) the control, chart or measurement a lesson link names. */
import type { RefKind } from './richText';

const HIGHLIGHT_MS = 2500;

/** The element a reference points at, if it is on the page now. */
export function findTarget(ref: RefKind, key: string): HTMLElement | null {
  const byId = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${CSS.escape(id)}"]`);
  if (ref === 'param') return byId(`param-${key}`)?.closest<HTMLElement>('.param') ?? null;
  if (ref === 'metric') return byId(`metric-${key}`)?.parentElement ?? null;
  if (key === 'raster') return byId('raster')?.closest<HTMLElement>('figure') ?? null;
  return byId(`plot-${key}`);
}

/** Returns false when the target is not on the page (e.g. another experiment is open). */
export function highlight(ref: RefKind, key: string): boolean {
  const el = findTarget(ref, key);
  if (!el) return false;
  // A control under "More parameters" (a closed <details>): open it first.
  const folded = el.closest('details');
  if (folded && !folded.open) folded.open = true;
  el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  el.classList.remove('lesson-highlight');
  void el.offsetWidth; // restart the animation
  el.classList.add('lesson-highlight');
  window.setTimeout(() => el.classList.remove('lesson-highlight'), HIGHLIGHT_MS);
  return true;
}
