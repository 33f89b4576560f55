/**
 * The parameter panel, generated from the current experiment's schema: the experiment's story
 * controls first (its `primary.controls`, the ones acting on the charts beside them), every other
 * parameter one click away under "More parameters", and "Restore defaults".
 */
import type { ParamSpec } from '../../workers/simApi';
import { useStore } from '../store';
import { restoreDefaults, setParam } from '../store/actions';
import { isHidden } from '../store/viewSlice';
import { ImageDrop } from './ImageDrop';
import { ParamControl } from './ParamControl';

const NONE: string[] = [];

export function ParamPanel() {
  const info = useStore((s) => s.info);
  const experiments = useStore((s) => s.experiments);
  const values = useStore((s) => s.values);
  const busy = useStore((s) => s.busy);
  const hiddenIds = useStore((s) => (s.revealHidden ? NONE : s.view.hidden));
  const panelHidden = useStore((s) => isHidden(s, 'panel:params'));
  const exp = experiments.find((e) => e.id === info?.config.experiment);
  if (!exp) return <aside className="panel" aria-label="Parameters">Loading…</aside>;
  if (panelHidden) return null;
  const shown = exp.params.filter((p) => !hiddenIds.includes(`param:${p.key}`));
  if (shown.length === 0) return null;
  const declared = (exp.primary?.controls ?? []).map((k) => shown.find((p) => p.key === k && p.live)).filter((p): p is ParamSpec => !!p);
  const first = declared.length > 0 ? declared : shown.filter((p) => p.live).slice(0, 3);
  const rest = shown.filter((p) => !first.includes(p));
  const otherLive = rest.filter((p) => p.live);
  const structural = rest.filter((p) => !p.live);
  const changed = exp.params.filter((p) => values[p.key] !== undefined && values[p.key] !== p.default).length;
  const control = (p: ParamSpec) => <ParamControl key={p.key} spec={p} value={values[p.key]} disabled={busy} onCommit={(v) => void setParam(p.key, v)} />;
  return (
    <aside className="panel" aria-label="Parameters" data-testid="param-panel">
      <h2>Try these</h2>
      <p className="hint">{info?.mode === 'simulated' ? 'Live: they act at the next integration step, on the charts beside them.' : 'Every change recomputes the charts beside them.'}</p>
      {first.map(control)}
      {rest.length > 0 && (
        <details className="more-params" data-testid="more-params">
          <summary data-testid="more-params-toggle">More parameters ({rest.length})</summary>
          {otherLive.length > 0 && <h3>Live</h3>}
          {otherLive.map(control)}
          {structural.length > 0 && (
            <>
              <h3>Network</h3>
              <p className="hint">⟳ rebuilds the network from t = 0.</p>
              {structural.map(control)}
            </>
          )}
        </details>
      )}
      <p className="restore">
        <button type="button" data-testid="restore-defaults" disabled={busy || changed === 0} onClick={() => void restoreDefaults()} title="Every parameter of this experiment back to its default (recorded in the link like any change)">
          ↺ Restore defaults{changed > 0 ? ` (${changed} changed)` : ''}
        </button>
      </p>
      <ImageDrop />
    </aside>
  );
}
