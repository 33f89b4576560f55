/** Live per-neuron firing-rate histogram: thin shell around charts/rateHistogram.ts. */
import { memo } from 'react';
import { renderRateHistogram } from '../charts/rateHistogram';
import { live } from '../engine/frameBus';
import { useLiveCanvas, windowLabel } from './useLiveCanvas';

export interface RateHistogramProps {
  /** Window over which each neuron's rate is counted, ms. */
  windowMs?: number;
  /** Canvas height, CSS px. */
  height?: number;
}

export const RateHistogram = memo(function RateHistogram({ windowMs = 1000, height = 240 }: RateHistogramProps) {
  const ref = useLiveCanvas((canvas, size) =>
    renderRateHistogram(canvas, { spikes: live.spikes, info: live.info, windowMs, nowStep: live.spikes.lastStep }, size),
  );
  return (
    <figure className="plot" data-testid="rate-histogram">
      <figcaption>Firing rates across neurons — last {windowLabel(windowMs)} (silent neurons at 0 Hz)</figcaption>
      <canvas ref={ref} style={{ display: 'block', width: '100%', height }} role="img" aria-label="Histogram of per-neuron firing rates" />
    </figure>
  );
});
