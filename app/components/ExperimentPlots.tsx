/** The current experiment's own charts (one canvas per PlotSpec), redrawn when new plot data arrives. */
import { lazy, Suspense } from 'react';
import { withReference } from '../engine/compare';
import { live } from '../engine/frameBus';
import { experimentPlotExport } from '../export/plotExports';
import { ChartFigure } from './ChartFigure';
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
      const drawn = renderXYPlot(canvas, spec, size);
      // Test hooks: where the legend went and how many data marks lie under it.
      canvas.setAttribute('data-legend', drawn.legend);
      canvas.setAttribute('data-legend-hits', String(drawn.legendHits));
      for (const s of spec?.series ?? []) for (const y of s.y) if (Number.isFinite(y)) peak = Math.max(peak, Math.abs(y));
    }
    canvas.setAttribute('data-peak', String(peak));
  });
  return (
    <ChartFigure id={id} caption={title} title={title} canvasRef={ref} data={() => experimentPlotExport(shownSpec(id))}>
      <canvas ref={ref} data-testid={`plot-canvas-${id}`} data-peak="0" style={{ display: 'block', width: '100%', height: 'var(--chart-h, 300px)' }} role="img" aria-label={title} />
    </ChartFigure>
  );
}

/** The chart as drawn: the latest spec, with the earlier run's curves when comparing. */
function shownSpec(id: string): PlotSpec | undefined {
  const spec = live.plots.find((p) => p.id === id);
  return spec && (spec.kind === undefined || spec.kind === 'xy') && useStore.getState().compare ? withReference(spec) : spec;
}

/** One of the experiment's own charts: the 3D view for 'surface' specs, else a canvas chart. */
export function ExperimentChart({ id, title }: { id: string; title: string }) {
  return live.plots.find((q) => q.id === id)?.kind === 'surface' ? (
    <Suspense fallback={<p className="muted">Loading the 3D view…</p>}>
      <EnergyLandscape id={id} title={title} />
    </Suspense>
  ) : (
    <XYPlot id={id} title={title} />
  );
}
