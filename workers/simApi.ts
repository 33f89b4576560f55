/**
 * The one typed contract between the app and the simulation worker (exposed with Comlink).
 * Everything the UI knows about experiments, links and runs comes through these calls; bulk
 * data (spikes, rates) arrives in frames as transferred typed arrays. Types only: importing
 * this file pulls no engine code into the UI bundle.
 */
import type { RunConfig } from '../src-engine/config/runConfig';
import type { MetricValue, ParamSpec, PlotSpec, PrimaryView, RasterLayer } from '../src-engine/experiments/types';
import type { Brian2Export } from '../src-engine/export/brian2/index';
import type { NwbExport } from '../src-engine/export/nwb/index';
import type { PynnExport } from '../src-engine/export/pynn/index';
import type { TimelineInfo } from './timeline';
import type { ABFrame } from './abRun';
export type { TimelineInfo } from './timeline';
export type { ABFrame } from './abRun';

export type { RunConfig, ParamEvent } from '../src-engine/config/runConfig';
export type { Brian2Export } from '../src-engine/export/brian2/index';
export type { NwbExport } from '../src-engine/export/nwb/index';
export type { PynnExport } from '../src-engine/export/pynn/index';
export type { ABChoice, RasterSelection, ViewConfig } from '../src-engine/config/viewConfig';
import type { ViewConfig } from '../src-engine/config/viewConfig';
export type { ImageGridSpec, MetricValue, ParamSpec, PlotSeries, PrimaryView, PlotSpec, RasterLayer, SurfacePlotSpec, XYPlotSpec } from '../src-engine/experiments/types';

export interface ExperimentInfo {
  id: string;
  mode: 'simulated' | 'computed';
  title: string;
  summary: string;
  /** Departures from the source paper (ExperimentDef.differences). */
  differences: string[];
  dt_ms: number;
  defaultSteps: number;
  params: ParamSpec[];
  /** The story charts and controls for the first screen (see PrimaryView). */
  primary?: PrimaryView;
  /** The choice parameter and option that train on the user's own images, if the experiment can. */
  localImages?: { key: string; option: number };
}

/** The user's images, decoded in the page: count grey-level images of width × height (0–255, row-major). */
export interface LocalImages {
  width: number;
  height: number;
  count: number;
  pixels: Uint8Array;
}

export interface LinkResult {
  config: RunConfig;
  /** View settings the link or file carried (defaults when absent). */
  view: ViewConfig;
  /** Readable problems with the link and how each was handled (empty if clean). */
  messages: string[];
}

export interface RunInfo {
  /** Identifies the built network; frames carry it so the UI can drop frames of an older run. */
  runId: number;
  /** The configuration that reproduces the run from step 0 (initial params + recorded changes). */
  config: RunConfig;
  /** Parameter values in effect now (initial values with the recorded changes applied so far). */
  params: Record<string, number>;
  /** View settings stored with the run (they travel in the link, never change the simulation). */
  view: ViewConfig;
  /** URL fragment (without '#') encoding `config` and `view`. */
  fragment: string;
  /** 'computed' experiments have nothing to play: the UI hides the transport. */
  mode: 'simulated' | 'computed';
  neurons: number;
  synapses: number;
  dt_ms: number;
  layers: RasterLayer[];
  /** Steps per population-rate bin. */
  rateBinSteps: number;
  /** Why the view's run B was dropped (the parameter or value does not fit this experiment); '' when fine. */
  abProblem: string;
}

/** Everything that happened since the previous pullFrame() (merged; never queued). */
export interface Frame {
  /** The run this frame belongs to (RunInfo.runId); 0 when nothing is configured. */
  runId: number;
  /** Completed steps; all other fields describe the state after exactly this many steps. */
  step: number;
  t_ms: number;
  /** Hash over every spike since step 0 (computed in the worker from all spikes). */
  fingerprint: string;
  totalSpikes: number;
  playing: boolean;
  /** New spikes: step and global neuron id, parallel arrays (transferred). */
  spikeSteps: Int32Array;
  spikeIds: Int32Array;
  /** Spikes the worker recorded but had to drop because the UI fell far behind. */
  droppedSpikes: number;
  /** Index of the first new rate bin; bin b covers steps [b·rateBinSteps, (b+1)·rateBinSteps). */
  rateFirstBin: number;
  /** New population-rate bins (Hz), one array per layer, same length (transferred). */
  rates: Float32Array[];
  /** Simulated ms per wall-clock ms over the last second of running (0 when paused). */
  realtimeFactor: number;
  /** Worker threads the run's white-noise neurons step on now: 2 while the helper thread runs (workers/helperTuner.ts). */
  threads: 1 | 2;
  /** The experiment's own charts, when they changed since the last frame (null: unchanged). */
  plots: PlotSpec[] | null;
  /**
   * The experiment's measurements, computed at the same step as `plots` whenever those are sent
   * (so the card and the charts beside it show the same moment), else about twice a second; null: unchanged.
   */
  metrics: Record<string, MetricValue> | null;
  /** Set when the run stopped because of an error (e.g. a numerical blow-up). */
  error: string | null;
  /** Parameter values in effect, when a replayed recorded change altered them since the last frame (null: unchanged). */
  params: Record<string, number> | null;
  /** Checkpoints and the run's reachable span, when they changed since the last frame (null: unchanged). */
  timeline: TimelineInfo | null;
  /** Run B of an A/B comparison at the same step (view.ab), or null. */
  b: ABFrame | null;
  /** Step an advance (advanceTo) is running to, or null when none is under way. */
  goal: number | null;
}

/** How an advance (advanceTo) ended: at the goal, or stopped earlier (Pause, a step, a rebuild, an error). */
export interface AdvanceResult {
  step: number;
  reached: boolean;
}

export interface SetParamsResult {
  /** Step at which the accepted changes take effect (they act from the next step on). */
  step: number;
  /** Keys accepted. */
  applied: string[];
  /** Readable reasons for rejected keys. */
  rejected: string[];
  info: RunInfo;
}

/** Speed: simulated ms per wall-clock second; Infinity runs as fast as the machine allows. */
export type Speed = number;

export interface SimApi {
  listExperiments(): Promise<ExperimentInfo[]>;
  /** Validates an untrusted link, fragment or payload; never rejects. */
  decodeLink(text: string): Promise<LinkResult>;
  /** Validates the text of a configuration file (same schema as links); never rejects. */
  decodeConfigFile(text: string): Promise<LinkResult>;
  /** The current run's configuration file (JSON text that decodeConfigFile reads back). */
  configFile(): Promise<string>;
  /** Registers the user's own images (validated; replaces earlier ones) for experiments that offer them. */
  provideLocalImages(images: LocalImages): Promise<{ count: number }>;
  /** Replaces the view settings (validated; invalid ones are refused with a message); returns the new RunInfo. */
  setView(view: ViewConfig): Promise<RunInfo>;
  /** Builds a new run (paused at step 0). Rejects with a readable message for invalid configs. */
  configure(config: RunConfig): Promise<RunInfo>;
  play(): Promise<void>;
  pause(): Promise<void>;
  /** Runs exactly n steps (paused afterwards). */
  step(n: number): Promise<void>;
  /**
   * Runs as fast as possible to exactly `step` (a whole number beyond the current step), in chunks
   * like play, so frames, parameter changes and Pause are handled on the way; paused there.
   * Resolves when the run gets there or is stopped earlier (pause, play, step, seek, a rebuild,
   * an error). The caller caps `step`: nothing here bounds how long it takes.
   */
  advanceTo(step: number): Promise<AdvanceResult>;
  /** Restarts at step 0 with the parameters now in effect and the same seed. */
  reset(): Promise<RunInfo>;
  /** Live changes take effect at the next step boundary and are recorded with that step. */
  setParams(patch: Record<string, number>): Promise<SetParamsResult>;
  setSpeed(speed: Speed): Promise<void>;
  /** Whether the white-noise helper thread runs: 'auto' (measured, the default) or forced (bench, tests); never changes a run. */
  setHelperMode(mode: 'auto' | 'on' | 'off'): Promise<void>;
  /**
   * Rewinds (or moves forward) to `step` within the run's span (0 … horizon), paused there: the
   * latest checkpoint at or before it is restored and the recorded changes replayed, so the state
   * is exactly the original's. A live change made there branches the run. New runId (the spikes
   * shown start afresh).
   */
  seek(step: number): Promise<RunInfo>;
  pullFrame(): Promise<Frame>;
  metrics(): Promise<Record<string, MetricValue>>;
  /** A Brian2 script of the current run (parameters in effect now, same seed), or the reason there is none. */
  brian2Script(): Promise<Brian2Export>;
  /** A PyNN script of the current run (parameters in effect now, same seed), or the reason there is none. */
  pynnScript(): Promise<PynnExport>;
  /**
   * Every spike of the current run so far as an NWB 2.x file (the bytes are transferred): the worker
   * re-runs the configuration from step 0 to the current step (exact: runs are deterministic) while
   * the run stays paused. `pageUrl` (the app's address without the fragment) makes the stored link.
   * Runs over 50 million spikes are refused with a reason.
   */
  nwbSpikes(pageUrl: string): Promise<NwbExport>;
}
