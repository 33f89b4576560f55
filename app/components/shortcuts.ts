/**
 * Keyboard shortcuts: one table (key, label, action) used by the key handler and the help
 * overlay, so what "?" shows is exactly what the keys do.
 */
import { useEffect } from 'react';
import { useStore } from '../store';
import { copyLink, reset, stepBy, togglePlay } from '../store/actions';

export interface Shortcut {
  /** KeyboardEvent.key values that trigger it. */
  keys: string[];
  /** How the help overlay writes the key. */
  label: string;
  what: string;
  run(): void;
}

const dtSteps = (ms: number) => Math.max(1, Math.round(ms / (useStore.getState().info?.dt_ms ?? 0.1)));
const overlay = () => useStore.getState().overlay;

export const SHORTCUTS: Shortcut[] = [
  { keys: [' '], label: 'Space', what: 'play / pause', run: () => void togglePlay() },
  { keys: ['ArrowRight'], label: '→', what: 'one integration step', run: () => void stepBy(1) },
  { keys: ['.'], label: '.', what: 'step 1 ms', run: () => void stepBy(dtSteps(1)) },
  { keys: ['r'], label: 'r', what: 'reset to t = 0 (same parameters and seed)', run: () => void reset() },
  { keys: ['l'], label: 'l', what: 'copy the link to this run', run: () => void copyLink() },
  { keys: ['f', 'F'], label: 'f', what: 'show the chart under the pointer (else the first story chart) full screen, or leave full screen', run: toggleFullscreen },
  { keys: ['?'], label: '?', what: 'show / hide these shortcuts', run: () => useStore.getState().setOverlay(overlay() === 'help' ? null : 'help') },
  { keys: ['Escape'], label: 'Esc', what: 'leave full screen, close a dialog, the gallery or the lesson', run: closeTopmost },
];

function toggleFullscreen(): void {
  const s = useStore.getState();
  if (s.fullscreen) return s.setFullscreen(null);
  const hovered = document.querySelector<HTMLElement>('[data-chart]:hover');
  const first = document.querySelector<HTMLElement>('.primary-grid [data-chart]') ?? document.querySelector<HTMLElement>('[data-chart]');
  const id = (hovered ?? first)?.dataset.chart;
  if (id) s.setFullscreen(id);
}

/** Esc closes one thing, the topmost: full screen, a dialog, the gallery, then the lesson (when focus is in it). */
function closeTopmost(): void {
  const s = useStore.getState();
  if (s.fullscreen) return s.setFullscreen(null);
  if (s.overlay) return s.setOverlay(null);
  if (s.galleryOpen) return s.setGalleryOpen(false);
  if (s.lessonId && document.activeElement?.closest('.lesson-panel')) s.setLesson(null);
}

/** A control has focus: it takes its own keys (space and Enter press a button, arrows move a slider). */
export function controlHasFocus(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  if (!el || !el.tagName) return false;
  if (el.isContentEditable) return true;
  if (['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON', 'A', 'SUMMARY', 'AUDIO', 'VIDEO'].includes(el.tagName)) return true;
  const role = el.getAttribute('role');
  return role === 'button' || role === 'slider' || role === 'checkbox' || role === 'link' || role === 'menuitem' || role === 'tab';
}

/** Installs the shortcuts on window, except while a control has focus (Esc always works) or with a modifier held (Shift is allowed for "?"). */
export function useKeyboardShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      if (e.key !== 'Escape' && controlHasFocus(e.target)) return;
      // Inside an open dialog only Esc and "?" act (the page behind it is not the one in use).
      const s = useStore.getState();
      if (s.overlay === 'share' && e.key !== 'Escape' && e.key !== '?') return;
      const sc = SHORTCUTS.find((x) => x.keys.includes(e.key));
      if (!sc) return;
      e.preventDefault();
      sc.run();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
