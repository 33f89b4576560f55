/** Live spike raster (thin shell around charts/raster.ts). */
import { live } from '../engine/frameBus';
import { renderRaster } from '../charts/raster';
import { useLiveCanvas } from './useLiveCanvas';

export function RasterPlot({ windowMs = 1000, height = 380 }: { windowMs?: number; height?: number }) {
  const ref = useLiveCanvas((canvas, size) => {
    const { drawn } = renderRaster(canvas, { spikes: live.spikes, info: live.info, windowMs, nowStep: live.spikes.lastStep }, size);
    canvas.setAttribute('data-drawn-spikes', String(drawn));
  });
  return (
    <figure className="plot">
      <figcaption>Spike raster — last {windowMs / 1000} s (each dot is one spike)</figcaption>
      <canvas ref={ref} data-testid="raster" data-drawn-spikes="0" style={{ width: '100%', height }} role="img" aria-label="Spike raster" />
    </figure>
  );
}
