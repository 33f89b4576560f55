/**
 * Focus for dialogs and side panels: on open, remember what had focus and move it inside; while
 * open, Tab and Shift+Tab cycle inside (when `trap`), and focus that falls to the page body (a
 * button inside became disabled during a rebuild) comes back inside; on close, focus returns
 * to where it was.
 */
import { useEffect, type RefObject } from 'react';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

export function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null || el === document.activeElement);
}

export function useDialogFocus(ref: RefObject<HTMLElement | null>, open: boolean, trap = true): void {
  useEffect(() => {
    const root = ref.current;
    if (!open || !root) return;
    const before = document.activeElement as HTMLElement | null;
    let last: HTMLElement | null = null;
    const initial = root.querySelector<HTMLElement>('[data-autofocus]') ?? focusables(root)[0] ?? root;
    initial.focus();
    const onFocusIn = (e: FocusEvent) => {
      if (root.contains(e.target as Node)) last = e.target as HTMLElement;
    };
    const onKey = (e: KeyboardEvent) => {
      if (!trap || e.key !== 'Tab') return;
      const items = focusables(root);
      if (items.length === 0) return;
      const first = items[0], end = items[items.length - 1];
      const active = document.activeElement as HTMLElement | null;
      if (e.shiftKey && (active === first || !root.contains(active))) {
        e.preventDefault();
        end.focus();
      } else if (!e.shiftKey && (active === end || !root.contains(active))) {
        e.preventDefault();
        first.focus();
      }
    };
    // The focused button was disabled while the network rebuilt, so focus fell to <body>:
    // give it back to that button once it is enabled again (unless the user went elsewhere).
    let dropped = false;
    const keep = window.setInterval(() => {
      if (document.activeElement !== document.body || !last) {
        dropped = false;
        return;
      }
      if (last.matches(':disabled')) dropped = true;
      else if (dropped && last.isConnected) {
        dropped = false;
        last.focus();
      }
    }, 100);
    root.addEventListener('focusin', onFocusIn);
    document.addEventListener('keydown', onKey, true);
    return () => {
      window.clearInterval(keep);
      root.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('keydown', onKey, true);
      if (before && before.isConnected && before !== document.body) before.focus();
    };
  }, [ref, open, trap]);
}
