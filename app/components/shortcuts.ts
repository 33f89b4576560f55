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
  { keys: ['?'], label: '?', what: 'show / hide these shortcuts', run: () => useStore.getState().setOverlay(overlay() === 'help' ? null : 'help') },
  { keys: ['Escape'], label: 'Esc', what: 'close a dialog', run: () => useStore.getState().setOverlay(null) },
];

function typingIn(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  if (!el || !el.tagName) return false;
  if (el.tagName === 'INPUT') {
    // Sliders and checkboxes take arrow keys / space themselves; text boxes take every key.
    return true;
  }
  return el.tagName === 'SELECT' || el.tagName === 'TEXTAREA' || el.isContentEditable;
}

/** Installs the shortcuts on window, except while typing in a field or with a modifier held (Shift is allowed for "?"). */
export function useKeyboardShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key !== 'Escape' && typingIn(e.target)) return;
      const sc = SHORTCUTS.find((s) => s.keys.includes(e.key));
      if (!sc) return;
      // Buttons activate on space themselves; take it over so space always means play/pause.
      e.preventDefault();
      sc.run();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
