/**
 * Live spike raster: thin shell around charts/raster.ts (sizing, subscription, test hooks),
 * drawing the neurons the view selects (all, a sample, a range), with download buttons.
 */
import { memo } from 'react';
import { renderRaster } from '../charts/raster';
import { live } from '../engine/frameBus';
import { selectedSpikes, selectNeurons, type NeuronSelection } from '../engine/neuronSelection';
import { rasterExport } from '../export/plotExports';
import { useStore } from '../store';
import { isHidden } from '../store/viewSlice';
import { ChartFigure } from './ChartFigure';
import { RasterChooser } from './RasterChooser';
import { useLiveCanvas, windowLabel } from './useLiveCanvas';

export interface RasterPlotProps {
  /** Time window shown, ms. */
  windowMs?: number;
  /** Canvas height, CSS px. */
  height?: number;
}

/** Cached selection for the current run and view (rebuilt when either changes). */
let cached: { info: unknown; sel: unknown; value: NeuronSelection } | null = null;
function currentSelection(): NeuronSelection | null {
  const info = live.info;
  const sel = useStore.getState().view.raster;
  if (!info) return null;
  if (!cached || cached.info !== info || cached.sel !== sel) cached = { info, sel, value: selectNeurons(info, sel) };
  return cached.value;
}

export const RasterPlot = memo(function RasterPlot(props: RasterPlotProps) {
  const hidden = useStore((s) => isHidden(s, 'plot:raster'));
  return hidden ? null : <RasterPlotView {...props} />;
});

function RasterPlotView({ windowMs = 1000, height = 380 }: RasterPlotProps) {
  const raster = useStore((s) => s.view.raster);
  const ref = useLiveCanvas((canvas, size) => {
    const sel = currentSelection();
    const spikes = sel && sel.shown < (live.info?.neurons ?? 0) ? selectedSpikes(live.spikes, sel.row) : live.spikes;
    const { drawn } = renderRaster(canvas, { spikes, info: sel?.info ?? live.info, windowMs, nowStep: live.spikes.lastStep }, size);
    canvas.setAttribute('data-drawn-spikes', String(drawn));
  });
  const what = raster.mode === 'all' ? 'each mark is one spike; neuron 0 at the top' : raster.mode === 'sample' ? `a sample of ${raster.n} neurons` : `neurons ${raster.from}–${raster.to - 1}`;
  return (
    <ChartFigure
      id="raster"
      title="Spike raster"
      caption={`Spike raster — last ${windowLabel(windowMs)} (${what})`}
      tools={<RasterChooser />}
      canvasRef={ref}
      data={() => {
        const row = currentSelection()?.row;
        return rasterExport(live.spikes, live.info, windowMs, (id) => !row || row[id] >= 0);
      }}
    >
      <canvas ref={ref} data-testid="raster" data-drawn-spikes="0" style={{ display: 'block', width: '100%', height: `var(--chart-h, ${height}px)` }} role="img" aria-label="Spike raster: neuron against time" />
    </ChartFigure>
  );
}
