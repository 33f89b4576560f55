/** Small inline icons (the system fonts of projector PCs often lack the Unicode symbols). */
export function FullscreenIcon() {
  return (
    <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false" style={{ verticalAlign: '-1px' }}>
      <path d="M1 4V1h3M8 1h3v3M11 8v3H8M4 11H1V8" fill="none" stroke="currentColor" strokeWidth="1.6" />
    </svg>
  );
}
