/**
 * Checklist of what the page shows: panels (charts, parameters, measurements) and, optionally,
 * single controls. Unticking hides the item here and in the link, so a lecturer can share a
 * link that shows, say, only the λ slider and the raster.
 */
import { useStore } from '../store';
import { setHidden } from '../store/viewActions';

export interface HideItem {
  id: string;
  label: string;
}

/** Panels of the current run: the built-in spiking views, the experiment's charts, the side panels. */
export function usePanelItems(): HideItem[] {
  const hasLayers = useStore((s) => (s.info?.layers.length ?? 0) > 0);
  const plots = useStore((s) => s.plotTitles);
  const items: HideItem[] = plots.map((p) => ({ id: `plot:${p.id}`, label: p.title }));
  if (hasLayers)
    items.push({ id: 'plot:raster', label: 'Spike raster' }, { id: 'plot:rate-trace', label: 'Population rate' }, { id: 'plot:rate-histogram', label: 'Firing-rate histogram' });
  items.push({ id: 'panel:params', label: 'Parameter panel' }, { id: 'panel:metrics', label: 'Measurements' }, { id: 'panel:toolbar', label: 'Play / step / speed bar' });
  return items;
}

export function useControlItems(): HideItem[] {
  const info = useStore((s) => s.info);
  const exp = useStore((s) => s.experiments.find((e) => e.id === s.info?.config.experiment));
  if (!info || !exp) return [];
  return exp.params.map((p) => ({ id: `param:${p.key}`, label: `${p.label}${p.unit ? ` (${p.unit})` : ''}` }));
}

export function HideChecklist({ items, testId }: { items: HideItem[]; testId: string }) {
  const hidden = useStore((s) => s.view.hidden);
  return (
    <ul className="checklist" data-testid={testId}>
      {items.map((it) => (
        <li key={it.id}>
          <label>
            <input type="checkbox" data-testid={`show-${it.id}`} checked={!hidden.includes(it.id)} onChange={(e) => void setHidden(it.id, !e.target.checked)} /> {it.label}
          </label>
        </li>
      ))}
    </ul>
  );
}
