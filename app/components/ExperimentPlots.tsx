/** The current experiment's own charts (one canvas per PlotSpec), redrawn when new plot data arrives. */
import { live } from '../engine/frameBus';
import { renderXYPlot } from '../charts/xyPlot';
import { useStore } from '../store';
import { useLiveCanvas } from './useLiveCanvas';

function XYPlot({ id, title }: { id: string; title: string }) {
  const ref = useLiveCanvas((canvas, size) => {
    const spec = live.plots.find((p) => p.id === id);
    renderXYPlot(canvas, spec, size);
    // Test hook: the largest |y| drawn, so a test can see the chart follow a parameter.
    let peak = 0;
    for (const s of spec?.series ?? []) for (const y of s.y) if (Number.isFinite(y)) peak = Math.max(peak, Math.abs(y));
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
