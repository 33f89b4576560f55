/** Live spike raster: thin shell around charts/raster.ts (sizing, subscription, test hooks). */
import { memo } from 'react';
import { renderRaster } from '../charts/raster';
import { live } from '../engine/frameBus';
import { useLiveCanvas, windowLabel } from './useLiveCanvas';

export interface RasterPlotProps {
  /** Time window shown, ms. */
  windowMs?: number;
  /** Canvas height, CSS px. */
  height?: number;
}

export const RasterPlot = memo(function RasterPlot({ windowMs = 1000, height = 380 }: RasterPlotProps) {
  const ref = useLiveCanvas((canvas, size) => {
    const { drawn } = renderRaster(canvas, { spikes: live.spikes, info: live.info, windowMs, nowStep: live.spikes.lastStep }, size);
    canvas.setAttribute('data-drawn-spikes', String(drawn));
  });
  return (
    <figure className="plot">
      <figcaption>Spike raster — last {windowLabel(windowMs)} (each mark is one spike; neuron 0 at the top)</figcaption>
      <canvas ref={ref} data-testid="raster" data-drawn-spikes="0" style={{ display: 'block', width: '100%', height }} role="img" aria-label="Spike raster: neuron against time" />
    </figure>
  );
});
