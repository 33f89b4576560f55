/** The parameter panel, generated from the current experiment's schema. */
import { useStore } from '../store';
import { setParam } from '../store/actions';
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
  if (!exp) return <aside className="panel">Loading…</aside>;
  if (panelHidden) return null;
  const shown = exp.params.filter((p) => !hiddenIds.includes(`param:${p.key}`));
  if (shown.length === 0) return null;
  const live = shown.filter((p) => p.live);
  const structural = shown.filter((p) => !p.live);
  return (
    <aside className="panel" aria-label="Parameters">
      <h2>Live parameters</h2>
      <p className="hint">{info?.mode === 'simulated' ? 'Act at the next integration step while the network runs.' : 'Every change recomputes the result.'}</p>
      {live.map((p) => (
        <ParamControl key={p.key} spec={p} value={values[p.key]} disabled={busy} onCommit={(v) => void setParam(p.key, v)} />
      ))}
      {structural.length > 0 && (
        <>
          <h2>Network</h2>
          <p className="hint">⟳ rebuilds the network from t = 0.</p>
          {structural.map((p) => (
            <ParamControl key={p.key} spec={p} value={values[p.key]} disabled={busy} onCommit={(v) => void setParam(p.key, v)} />
          ))}
        </>
      )}
      <ImageDrop />
    </aside>
  );
}
