/** The "?" overlay: the keyboard shortcuts, from the same table the key handler uses. */
import { useRef } from 'react';
import { useStore } from '../store';
import { useDialogFocus } from './useDialogFocus';
import { SHORTCUTS } from './shortcuts';

export function ShortcutsHelp() {
  const open = useStore((s) => s.overlay === 'help');
  const close = () => useStore.getState().setOverlay(null);
  const ref = useRef<HTMLDivElement>(null);
  useDialogFocus(ref, open);
  if (!open) return null;
  return (
    <div className="overlay" data-testid="shortcuts-help" onClick={close}>
      <div ref={ref} className="dialog" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title" onClick={(e) => e.stopPropagation()}>
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <table className="shortcuts">
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.label}>
                <td>
                  <kbd>{s.label}</kbd>
                </td>
                <td>{s.what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted">Shortcuts are off while a button, field or slider has focus (Space and Enter then press the button); Esc always works.</p>
        <button onClick={close} data-autofocus>
          Close
        </button>
      </div>
    </div>
  );
}
