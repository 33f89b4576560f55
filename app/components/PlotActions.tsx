/**
 * Download buttons under a chart: the picture as PNG (the canvas as drawn) and SVG (vector
 * where the chart allows), and the data behind it as CSV. Files are named after the
 * experiment, the chart and the step they show.
 */
import type { RefObject } from 'react';
import { canvasPng, downloadBlob, downloadText, fileStem } from '../export/download';
import type { PlotExport } from '../export/plotExports';
import { useStore } from '../store';
import { flushCanvas } from './useLiveCanvas';

interface Props {
  /** Chart id, used in test ids and file names. */
  id: string;
  canvasRef: RefObject<HTMLCanvasElement | null>;
  data(): PlotExport;
}

export function PlotActions({ id, canvasRef, data }: Props) {
  const stem = () => {
    const s = useStore.getState();
    return fileStem(s.info?.config.experiment ?? 'run', s.step, id);
  };
  const fail = (e: unknown) => useStore.getState().pushMessage(`Export failed: ${(e as Error).message}`, 'error');
  const png = async () => {
    const c = canvasRef.current;
    if (c) flushCanvas(c);
    if (c) await canvasPng(c).then((b) => downloadBlob(`${stem()}.png`, b), fail);
  };
  const svg = () => {
    const c = canvasRef.current;
    if (!c) return;
    flushCanvas(c);
    try {
      downloadText(`${stem()}.svg`, data().svg(Math.round(c.clientWidth), Math.round(c.clientHeight), () => c.toDataURL('image/png')), 'image/svg+xml');
    } catch (e) {
      fail(e);
    }
  };
  const csv = () => {
    try {
      downloadText(`${stem()}.csv`, data().csv(), 'text/csv');
    } catch (e) {
      fail(e);
    }
  };
  return (
    <div className="plot-actions" role="group" aria-label="Download this chart">
      <button data-testid={`export-png-${id}`} onClick={() => void png()} title="Download the chart as a PNG image">
        PNG
      </button>
      <button data-testid={`export-svg-${id}`} onClick={svg} title="Download the chart as SVG (vector graphics)">
        SVG
      </button>
      <button data-testid={`export-csv-${id}`} onClick={csv} title="Download the data behind the chart as CSV">
        CSV
      </button>
    </div>
  );
}
