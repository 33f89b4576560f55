/** Live per-neuron firing-rate histogram (thin shell around charts/rateHistogram.ts). */
import { live } from '../engine/frameBus';
import { renderRateHistogram } from '../charts/rateHistogram';
import { useLiveCanvas } from './useLiveCanvas';

export function RateHistogram({ windowMs = 1000, height = 220 }: { windowMs?: number; height?: number }) {
  const ref = useLiveCanvas((canvas, size) =>
    renderRateHistogram(canvas, { spikes: live.spikes, info: live.info, windowMs, nowStep: live.spikes.lastStep }, size),
  );
  return (
    <figure className="plot" data-testid="rate-histogram">
      <figcaption>Firing-rate distribution across neurons</figcaption>
      <canvas ref={ref} style={{ width: '100%', height }} role="img" aria-label="Histogram of per-neuron firing rates" />
    </figure>
  );
}
