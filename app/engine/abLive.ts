/**
 * Run B's live data for the A/B view (its own spike window and latest charts, plus the scalars
 * its readouts show), filled by the frame loop from the B part of each frame.
 */
import type { ABFrame, PlotSpec } from '../../workers/simApi';
import { SpikeWindow } from './spikeWindow';

export interface ABScalars {
  key: string;
  value: number;
  step: number;
  fingerprint: string;
  totalSpikes: number;
}

export const abLive = {
  spikes: new SpikeWindow(1 << 18),
  plots: [] as PlotSpec[],
  scalars: null as ABScalars | null,
};

const listeners = new Set<() => void>();
export const subscribeAB = (fn: () => void) => (listeners.add(fn), () => void listeners.delete(fn));
export const abScalars = () => abLive.scalars;

function notify(): void {
  for (const l of listeners) l();
}

export function resetAB(): void {
  abLive.spikes.clear();
  abLive.plots = [];
  abLive.scalars = null;
  notify();
}

/** The B part of a frame (null: no run B). */
export function feedAB(b: ABFrame | null): void {
  if (!b) {
    if (abLive.scalars) resetAB();
    return;
  }
  abLive.spikes.push(b.spikeSteps, b.spikeIds, b.step);
  if (b.plots) abLive.plots = b.plots;
  const prev = abLive.scalars;
  if (!prev || prev.step !== b.step || prev.fingerprint !== b.fingerprint || prev.key !== b.key || prev.value !== b.value) {
    abLive.scalars = { key: b.key, value: b.value, step: b.step, fingerprint: b.fingerprint, totalSpikes: b.totalSpikes };
    notify();
  }
}
