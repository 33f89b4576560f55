/** The current experiment's own charts (one canvas per PlotSpec), redrawn when new plot data arrives. */
import { live } from '../engine/frameBus';
import { renderImageGrid } from '../charts/imageGrid';
import { renderXYPlot } from '../charts/xyPlot';
import { useStore } from '../store';
import { useLiveCanvas } from './useLiveCanvas';

function XYPlot({ id, title }: { id: string; title: string }) {
  const ref = useLiveCanvas((canvas, size) => {
    const spec = live.plots.find((p) => p.id === id);
    // Test hook: the largest |value| drawn, so a test can see the chart follow a parameter.
    let peak = 0;
    if (spec?.kind === 'images') {
      renderImageGrid(canvas, spec, size);
      for (const img of spec.images) for (const v of img) if (Number.isFinite(v)) peak = Math.max(peak, Math.abs(v));
    } else {
      renderXYPlot(canvas, spec, size);
      for (const s of spec?.series ?? []) for (const y of s.y) if (Number.isFinite(y)) peak = Math.max(peak, Math.abs(y));
    }
    canvas.setAttribute('data-peak', String(peak));
  });
  return (
    <figure className="plot" data-testid={`plot-${id}`}>
      <figcaption>{title}</figcaption>
      <canvas ref={ref} data-testid={`plot-canvas-${id}`} data-peak="0" style={{ width: '100%', height: 300 }} role="img" aria-label={title} />
    </figure>
  );
}

export function ExperimentPlots() {
  const plots = useStore((s) => s.plotTitles);
  if (plots.length === 0) return null;
  return (
    <div className="plot-grid">
      {plots.map((p) => (
        <XYPlot key={p.id} id={p.id} title={p.title} />
      ))}
    </div>
  );
}
