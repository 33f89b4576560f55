/**
 * The frame every chart shares: a caption row with the chart's tools (full screen, PNG, SVG, CSV)
 * and the chart itself. Full screen fills the window (button or `f`; Esc or the button again
 * leaves it); the canvas inside follows through its ResizeObserver.
 */
import type { ReactNode, RefObject } from 'react';
import type { PlotExport } from '../export/plotExports';
import { useStore } from '../store';
import { FullscreenIcon } from './icons';
import { PlotActions } from './PlotActions';

interface Props {
  /** Chart id: test ids ("plot-<id>" unless testId is given), file names, the full-screen state. */
  id: string;
  testId?: string;
  caption: ReactNode;
  /** Plain-text title for the full-screen button's label. */
  title: string;
  canvasRef?: RefObject<HTMLCanvasElement | null>;
  data?: () => PlotExport;
  className?: string;
  /** Chart-specific controls shown beside the tools (e.g. the raster's neuron chooser). */
  tools?: ReactNode;
  children: ReactNode;
}

export function ChartFigure({ id, testId, caption, title, canvasRef, data, className, tools, children }: Props) {
  const full = useStore((s) => s.fullscreen === id);
  const toggle = () => useStore.getState().setFullscreen(full ? null : id);
  return (
    <figure className={`plot${className ? ` ${className}` : ''}${full ? ' fullscreen' : ''}`} data-testid={testId ?? `plot-${id}`} data-chart={id}>
      <div className="plot-head">
        <figcaption title={typeof caption === "string" ? caption : undefined}>{caption}</figcaption>
        <div className="plot-tools" role="group" aria-label={`Chart tools: ${title}`}>
          {tools}
          <button type="button" data-testid={`fullscreen-${id}`} onClick={toggle} aria-pressed={full} title={full ? 'Leave full screen (Esc or f)' : 'Show this chart full screen (f)'}>
            {full ? '✕ Close' : <FullscreenIcon />}
            <span className="sr-only">{full ? '' : ` Full screen: ${title}`}</span>
          </button>
          {canvasRef && data && <PlotActions id={id} canvasRef={canvasRef} data={data} />}
        </div>
      </div>
      {children}
    </figure>
  );
}
