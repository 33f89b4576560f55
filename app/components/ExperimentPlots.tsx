/** The current experiment's own charts (one canvas per PlotSpec), redrawn when new plot data arrives. */
import { lazy, Suspense } from 'react';
import { withReference } from '../engine/compare';
import { live } from '../engine/frameBus';
import { experimentPlotExport } from '../export/plotExports';
import { isHidden } from '../store/viewSlice';
import { PlotActions } from './PlotActions';
import { renderImageGrid } from '../charts/imageGrid';
import { renderXYPlot } from '../charts/xyPlot';
import type { PlotSpec } from '../../workers/simApi';
import { useStore } from '../store';
import { useLiveCanvas } from './useLiveCanvas';

/** The 3D landscape of 'surface' plots; three.js loads only when one is shown. */
const EnergyLandscape = lazy(() => import('./EnergyLandscape'));

function XYPlot({ id, title }: { id: string; title: string }) {
  const ref = useLiveCanvas((canvas, size) => {
    const spec = shownSpec(id);
    // Test hook: the largest |value| drawn, so a test can see the chart follow a parameter.
    let peak = 0;
    if (spec?.kind === 'images') {
      renderImageGrid(canvas, spec, size);
      for (const img of spec.images) for (const v of img) if (Number.isFinite(v)) peak = Math.max(peak, Math.abs(v));
    } else if (spec?.kind !== 'surface') {
      renderXYPlot(canvas, spec, size);
      for (const s of spec?.series ?? []) for (const y of s.y) if (Number.isFinite(y)) peak = Math.max(peak, Math.abs(y));
    }
    canvas.setAttribute('data-peak', String(peak));
  });
  return (
    <figure className="plot" data-testid={`plot-${id}`}>
      <figcaption>{title}</figcaption>
      <canvas ref={ref} data-testid={`plot-canvas-${id}`} data-peak="0" style={{ width: '100%', height: 300 }} role="img" aria-label={title} />
      <PlotActions id={id} canvasRef={ref} data={() => experimentPlotExport(shownSpec(id))} />
    </figure>
  );
}

/** The chart as drawn: the latest spec, with the earlier run's curves when comparing. */
function shownSpec(id: string): PlotSpec | undefined {
  const spec = live.plots.find((p) => p.id === id);
  return spec && (spec.kind === undefined || spec.kind === 'xy') && useStore.getState().compare ? withReference(spec) : spec;
}

export function ExperimentPlots() {
  const all = useStore((s) => s.plotTitles);
  const view = useStore((s) => s.view);
  const reveal = useStore((s) => s.revealHidden);
  const plots = all.filter((p) => !isHidden({ view, revealHidden: reveal }, `plot:${p.id}`));
  if (plots.length === 0) return null;
  return (
    <div className="plot-grid">
      {plots.map((p) =>
        live.plots.find((q) => q.id === p.id)?.kind === 'surface' ? (
          <Suspense key={p.id} fallback={<p className="muted">Loading the 3D view…</p>}>
            <EnergyLandscape id={p.id} title={p.title} />
          </Suspense>
        ) : (
          <XYPlot key={p.id} id={p.id} title={p.title} />
        ),
      )}
    </div>
  );
}
