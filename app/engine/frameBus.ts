/**
 * The app's live data: the spike window, the rate history and the run layout, plus a tiny
 * subscription so canvases redraw when a frame arrives, without React re-renders.
 */
import type { PlotSpec, RunInfo } from '../../workers/simApi';
import { RateHistory } from './rateHistory';
import { SpikeWindow } from './spikeWindow';

type Listener = () => void;

export const live = {
  spikes: new SpikeWindow(1 << 20),
  rates: new RateHistory(20000),
  info: null as RunInfo | null,
  /** The experiment's latest charts. */
  plots: [] as PlotSpec[],
};

const listeners = new Set<Listener>();

/** Subscribes to "new data arrived / layout changed"; returns the unsubscribe function. */
export function onLiveData(fn: Listener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function notifyLiveData(): void {
  for (const fn of listeners) fn();
}
