/**
 * Above the charts: which panels appear, projector mode, comparison with the previous run,
 * and a note when the link hides things (with a way to see them anyway).
 */
import { useSyncExternalStore } from 'react';
import { clearReference, currentReference } from '../engine/compare';
import { notifyLiveData, onLiveData } from '../engine/frameBus';
import { useStore } from '../store';
import { HideChecklist, usePanelItems } from './HideChecklist';

export function ViewBar() {
  const projector = useStore((s) => s.projector);
  const compare = useStore((s) => s.compare);
  const hiddenCount = useStore((s) => s.view.hidden.length);
  const reveal = useStore((s) => s.revealHidden);
  const panels = usePanelItems();
  const refNote = useSyncExternalStore(onLiveData, () => currentReference()?.note ?? '');
  const s = useStore.getState();
  return (
    <div className="viewbar" data-testid="viewbar">
      <details className="menu">
        <summary data-testid="panels-menu">Panels…</summary>
        <div className="menu-body">
          <p className="hint">Tick what this page shows (the link remembers it).</p>
          <HideChecklist items={panels} testId="panel-checklist" />
        </div>
      </details>
      <label title="Large type, thick lines, colour-blind-safe colours (also ?projector=1)">
        <input type="checkbox" data-testid="projector" checked={projector} onChange={(e) => s.setProjector(e.target.checked)} /> Projector mode
      </label>
      <label title="When a parameter changes, keep the charts from before it as faded dashed curves">
        <input
          type="checkbox"
          data-testid="compare"
          checked={compare}
          onChange={(e) => {
            s.setCompare(e.target.checked);
            if (!e.target.checked) clearReference();
            notifyLiveData();
          }}
        />{' '}
        Compare with the previous run
      </label>
      {compare && (
        <span className="muted" data-testid="compare-note">
          {refNote ? `faded: before ${refNote}` : 'change a parameter to keep the current curves'}
          {refNote && (
            <button className="link" onClick={() => (clearReference(), notifyLiveData())}>
              forget
            </button>
          )}
        </span>
      )}
      {hiddenCount > 0 && (
        <span className="muted" data-testid="hidden-note">
          {reveal ? 'showing everything' : `${hiddenCount} item${hiddenCount === 1 ? '' : 's'} hidden by this link`}
          <button className="link" data-testid="reveal-hidden" onClick={() => s.setRevealHidden(!reveal)}>
            {reveal ? 'hide again' : 'show all'}
          </button>
        </span>
      )}
    </div>
  );
}
