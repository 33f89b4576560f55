/** Live population-rate trace (thin shell around charts/rateTrace.ts). */
import { live } from '../engine/frameBus';
import { renderRateTrace } from '../charts/rateTrace';
import { useLiveCanvas } from './useLiveCanvas';

export function RateTrace({ windowMs = 1000, height = 220 }: { windowMs?: number; height?: number }) {
  const ref = useLiveCanvas((canvas, size) =>
    renderRateTrace(canvas, { rates: live.rates, info: live.info, windowMs, nowStep: live.spikes.lastStep }, size),
  );
  return (
    <figure className="plot" data-testid="rate-trace">
      <figcaption>Population rate per layer</figcaption>
      <canvas ref={ref} style={{ width: '100%', height }} role="img" aria-label="Population rate over time" />
    </figure>
  );
}
