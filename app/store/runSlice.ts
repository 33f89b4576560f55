/** Run state shown by the toolbar and readouts: what the latest frame said, plus the run layout. */
import type { StateCreator } from 'zustand';
import type { ExperimentInfo, MetricValue, RunInfo } from '../../workers/simApi';
import type { AppState } from './index';

export interface FrameScalars {
  step: number;
  t_ms: number;
  fingerprint: string;
  totalSpikes: number;
  playing: boolean;
  realtimeFactor: number;
  /** Worker threads the white-noise neurons step on now (Frame.threads). */
  threads: 1 | 2;
  /** Mean population rate over the last 100 ms (Hz). */
  popRateHz: number;
  droppedSpikes: number;
  error: string | null;
  /** Step the run is advancing to (a link's ?at=N), or null. */
  goal: number | null;
}

export interface RunSlice extends FrameScalars {
  experiments: ExperimentInfo[];
  info: RunInfo | null;
  /** Simulated ms per wall-clock second (Infinity = as fast as possible). */
  speed: number;
  /** True while a rebuild/configure is in progress. */
  busy: boolean;
  /** Ids and titles of the experiment's own charts (their data lives outside React, in `live`). */
  plotTitles: { id: string; title: string }[];
  /** The experiment's measurements and the step they describe (sent with the charts, so both show the same moment). */
  metrics: Record<string, MetricValue>;
  metricsStep: number;
  setMetrics(m: Record<string, MetricValue>, step: number): void;
  setPlotTitles(t: { id: string; title: string }[]): void;
  setExperiments(list: ExperimentInfo[]): void;
  setInfo(info: RunInfo): void;
  setSpeedValue(speed: number): void;
  setBusy(busy: boolean): void;
  frameArrived(f: FrameScalars): void;
}

export const createRunSlice: StateCreator<AppState, [], [], RunSlice> = (set) => ({
  experiments: [],
  info: null,
  speed: 1000,
  busy: false,
  plotTitles: [],
  metrics: {},
  metricsStep: -1,
  setMetrics: (metrics, metricsStep) => set({ metrics, metricsStep }),
  setPlotTitles: (t) =>
    set((s) => (s.plotTitles.length === t.length && s.plotTitles.every((p, k) => p.id === t[k].id && p.title === t[k].title) ? s : { plotTitles: t })),
  step: 0,
  t_ms: 0,
  fingerprint: '',
  totalSpikes: 0,
  playing: false,
  realtimeFactor: 0,
  threads: 1,
  popRateHz: NaN,
  droppedSpikes: 0,
  error: null,
  goal: null,
  setExperiments: (experiments) => set({ experiments }),
  setInfo: (info) => set({ info }),
  setSpeedValue: (speed) => set({ speed }),
  setBusy: (busy) => set({ busy }),
  frameArrived: (f) => set((s) => ({ ...f, droppedSpikes: s.droppedSpikes + f.droppedSpikes })),
});
