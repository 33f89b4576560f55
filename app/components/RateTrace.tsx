/** Live population-rate trace: thin shell around charts/rateTrace.ts. */
import { memo } from 'react';
import { renderRateTrace, SMOOTH_MS } from '../charts/rateTrace';
import { live } from '../engine/frameBus';
import { rateTraceCsv, rateTraceSpec } from '../export/plotExports';
import { renderXYSvg } from '../charts/xySvg';
import { useStore } from '../store';
import { isHidden } from '../store/viewSlice';
import { ChartFigure } from './ChartFigure';
import { useLiveCanvas, windowLabel } from './useLiveCanvas';

export interface RateTraceProps {
  /** Time window shown, ms. */
  windowMs?: number;
  /** Canvas height, CSS px. */
  height?: number;
}

export const RateTrace = memo(function RateTrace(props: RateTraceProps) {
  const hidden = useStore((s) => isHidden(s, 'plot:rate-trace'));
  return hidden ? null : <RateTraceView {...props} />;
});

function RateTraceView({ windowMs = 1000, height = 240 }: RateTraceProps) {
  const ref = useLiveCanvas((canvas, size) =>
    renderRateTrace(canvas, { rates: live.rates, info: live.info, windowMs, nowStep: live.spikes.lastStep }, size),
  );
  return (
    <ChartFigure
      id="rate-trace"
      testId="rate-trace"
      title="Population rate"
      caption={`Population rate per layer — last ${windowLabel(windowMs)}, ${SMOOTH_MS} ms averages`}
      canvasRef={ref}
      data={() => {
          const raw = rateTraceSpec(live.rates, live.info, windowMs, live.spikes.lastStep);
          const shown = rateTraceSpec(live.rates, live.info, windowMs, live.spikes.lastStep, SMOOTH_MS);
          return { csv: () => rateTraceCsv(raw), svg: (width, height) => renderXYSvg(shown, { width, height }) };
      }}
    >
      <canvas ref={ref} data-testid="rate-trace-canvas" style={{ display: 'block', width: '100%', height: `var(--chart-h, ${height}px)` }} role="img" aria-label="Population firing rate of each layer over time" />
    </ChartFigure>
  );
}
