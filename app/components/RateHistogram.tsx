/** Live per-neuron firing-rate histogram: thin shell around charts/rateHistogram.ts. */
import { memo } from 'react';
import { renderRateHistogram } from '../charts/rateHistogram';
import { live } from '../engine/frameBus';
import { rateHistogramData } from '../export/plotExports';
import { renderXYSvg } from '../charts/xySvg';
import { useStore } from '../store';
import { isHidden } from '../store/viewSlice';
import { ChartFigure } from './ChartFigure';
import { useLiveCanvas, windowLabel } from './useLiveCanvas';

export interface RateHistogramProps {
  /** Window over which each neuron's rate is counted, ms. */
  windowMs?: number;
  /** Canvas height, CSS px. */
  height?: number;
}

export const RateHistogram = memo(function RateHistogram(props: RateHistogramProps) {
  const hidden = useStore((s) => isHidden(s, 'plot:rate-histogram'));
  return hidden ? null : <RateHistogramView {...props} />;
});

function RateHistogramView({ windowMs = 1000, height = 240 }: RateHistogramProps) {
  const ref = useLiveCanvas((canvas, size) =>
    renderRateHistogram(canvas, { spikes: live.spikes, info: live.info, windowMs, nowStep: live.spikes.lastStep }, size),
  );
  return (
    <ChartFigure
      id="rate-histogram"
      testId="rate-histogram"
      title="Firing-rate histogram"
      caption={`Firing rates across neurons — last ${windowLabel(windowMs)} (silent neurons at 0 Hz)`}
      canvasRef={ref}
      data={() => {
          const d = rateHistogramData(live.spikes, live.info, windowMs, live.spikes.lastStep);
          return { csv: () => d.csv, svg: (width, height) => renderXYSvg(d.spec, { width, height }) };
      }}
    >
      <canvas ref={ref} data-testid="rate-histogram-canvas" style={{ display: 'block', width: '100%', height: `var(--chart-h, ${height}px)` }} role="img" aria-label="Histogram of per-neuron firing rates" />
    </ChartFigure>
  );
}
