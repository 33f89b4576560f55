/** The "?" overlay: the keyboard shortcuts, from the same table the key handler uses. */
import { useStore } from '../store';
import { SHORTCUTS } from './shortcuts';

export function ShortcutsHelp() {
  const open = useStore((s) => s.overlay === 'help');
  const close = () => useStore.getState().setOverlay(null);
  if (!open) return null;
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title" data-testid="shortcuts-help" onClick={close}>
      <div className="dialog" onClick={(e) => e.stopPropagation()}>
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
        <p className="muted">Shortcuts are off while typing in a field.</p>
        <button onClick={close} autoFocus>
          Close
        </button>
      </div>
    </div>
  );
}
