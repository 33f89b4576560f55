/**
 * Keeps the address bar in step with the run: after every configuration change the fragment is
 * replaced (no history entry per slider move), so the URL itself is always a working link.
 * The same fragment is kept in local storage, so a reload or a visit without a link continues
 * where the user left off; a link in the address bar always wins. Whatever is read back goes
 * through the worker's link validator like any other link.
 */
const STORAGE_KEY = 'plasticity-playground:last-link';

export function writeHash(fragment: string): void {
  const url = `${window.location.pathname}${window.location.search}#${fragment}`;
  if (window.location.hash.slice(1) !== fragment) window.history.replaceState(null, '', url);
  try {
    window.localStorage.setItem(STORAGE_KEY, fragment);
  } catch {
    // Storage full or disabled (private mode): the URL still carries everything.
  }
}

/** The link to open: the address bar's fragment, else the last one stored, else '' (defaults). */
export function readHash(): { hash: string; restored: boolean } {
  if (window.location.hash.length > 1) return { hash: window.location.hash, restored: false };
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored) return { hash: `#${stored}`, restored: true };
  } catch {
    // No storage: start from the defaults.
  }
  return { hash: '', restored: false };
}

/**
 * Calls `open` with the new fragment when the address bar's link changes without a reload: a
 * link pasted into the open tab, or Back/Forward between such links. (writeHash's replaceState
 * fires neither event, so the app's own updates do not come back here.)
 */
export function onPastedLink(open: (hash: string) => void): () => void {
  const handler = () => open(window.location.hash);
  window.addEventListener('hashchange', handler);
  window.addEventListener('popstate', handler);
  return () => {
    window.removeEventListener('hashchange', handler);
    window.removeEventListener('popstate', handler);
  };
}
