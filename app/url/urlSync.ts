/**
 * Keeps the address bar in step with the run: after every configuration change the fragment is
 * replaced (no history entry per slider move), so the URL itself is always a working link.
 */
export function writeHash(fragment: string): void {
  const url = `${window.location.pathname}${window.location.search}#${fragment}`;
  if (window.location.hash.slice(1) !== fragment) window.history.replaceState(null, '', url);
}

export function readHash(): string {
  return window.location.hash;
}
