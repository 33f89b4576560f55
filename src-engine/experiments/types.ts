/**
 * The experiment contract. An experiment is a parameter schema plus a builder: given a full,
 * validated parameter set and the seeded generator it returns a running network, a way to
 * change live parameters between steps, and its metrics. The app, the worker, the CLI and the
 * benchmark all build networks only through this interface.
 */
import type { Network } from '../core/network';
import type { Rng } from '../core/rng';
import type { PopulationRateMonitor } from '../monitors/rateMonitor';

/** One entry of an experiment's parameter schema. */
export interface ParamSpec {
  /** Identifier used in links, the CLI (--set key=value) and the UI. */
  readonly key: string;
  /** Human-readable label. */
  readonly label: string;
  /** Unit shown beside the value ('' for dimensionless). */
  readonly unit: string;
  readonly default: number;
  readonly min: number;
  readonly max: number;
  /** Slider resolution. */
  readonly step: number;
  /** Whether the value may change while the network runs (otherwise the network is rebuilt). */
  readonly live: boolean;
  /** Whole numbers only. */
  readonly integer?: boolean;
  /** One sentence for the tooltip / CLI listing. */
  readonly help: string;
  /** A choice: the value is an index into these labels (min 0, max length − 1, integer). */
  readonly options?: readonly string[];
  /**
   * A parameter added in link format `before` (runConfig.ts): links of an older format lack it,
   * and their runs used `value`, which they get when opened so they replay spike for spike. At
   * that value the parameter is left out of the run's fingerprint, so those runs keep theirs.
   */
  readonly legacy?: { readonly before: number; readonly value: number };
}

/** One data series of an experiment plot (plain arrays: plots are small). */
export interface PlotSeries {
  readonly label: string;
  readonly x: number[];
  readonly y: number[];
  /** Symmetric error bars (same length as y). */
  readonly yErr?: number[];
  /** 'ticks': raster marks (a short vertical bar per point, one unit of y high), for spike rasters. */
  readonly style: 'line' | 'dashed' | 'points' | 'bars' | 'ticks';
  /** Colour role: 'exc', 'inh', 'data' (measurements), 'model', 'alt', 'muted'. */
  readonly color: 'exc' | 'inh' | 'data' | 'model' | 'alt' | 'muted';
}

/** A grid of small images (receptive fields, input frames), drawn with one colour scale per image. */
export interface ImageGridSpec {
  readonly kind: 'images';
  readonly id: string;
  readonly title: string;
  readonly width: number;
  readonly height: number;
  /** One flattened row-major image per entry. */
  readonly images: number[][];
  /** Signed data (diverging colours around 0, scaled per image) or intensities in [0, 1] (grey). */
  readonly signed: boolean;
  readonly captions?: string[];
}

/**
 * A function of two variables sampled on a grid, drawn as a 3D surface coloured by value (an
 * energy landscape), with a ball at the current point and its recent trajectory. Positions are
 * in grid coordinates: column x ∈ [0, width − 1], row y ∈ [0, height − 1].
 */
export interface SurfacePlotSpec {
  readonly kind: 'surface';
  readonly id: string;
  readonly title: string;
  readonly width: number;
  readonly height: number;
  /** Row-major width × height values; a fresh array per plots() call (the worker transfers it). */
  readonly values: Float32Array;
  /** [min, max] of the values. */
  readonly range: [number, number];
  /** Name of the value (legend) and of the two grid axes. */
  readonly valueLabel: string;
  readonly xLabel: string;
  readonly yLabel: string;
  /** Axis coordinates of the first and last column / row. */
  readonly xExtent: [number, number];
  readonly yExtent: [number, number];
  /** The current point and its value. */
  readonly ball: { x: number; y: number; value: number };
  /** Recent points, oldest first (grid coordinates and values). */
  readonly trajectory: { x: number[]; y: number[]; value: number[] };
}

/** Everything an experiment can ask the UI to draw. */
export type PlotSpec = XYPlotSpec | ImageGridSpec | SurfacePlotSpec;

/** A chart an experiment wants drawn (STDP windows, weight histograms, learning curves…). */
export interface XYPlotSpec {
  readonly kind?: 'xy';
  readonly id: string;
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly series: PlotSeries[];
  readonly xLog?: boolean;
  /** Logarithmic y axis (values ≤ 0 are left out). */
  readonly yLog?: boolean;
  /** Draw y = 0 as a reference line. */
  readonly zeroLine?: boolean;
  /** Corner of the plot area for the legend (default top-left). */
  readonly legend?: 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';
  /** Fixed axis ranges (otherwise from the data). */
  readonly xDomain?: [number, number];
  readonly yDomain?: [number, number];
}

export type ParamValues = Record<string, number>;

/** How the UI should draw the neurons of a run: contiguous id ranges with a name and a colour role. */
export interface RasterLayer {
  readonly label: string;
  /** First global neuron id. */
  readonly start: number;
  readonly count: number;
  readonly role: 'exc' | 'inh' | 'input' | 'output';
  /** Colour of the layer's series in the experiment's own charts, when it has one (the raster and rate views then use it too). */
  readonly color?: PlotSeries['color'];
}

export type MetricValue = number | boolean | string | null | MetricValue[] | { [k: string]: MetricValue };

export interface ExperimentRun {
  readonly network: Network;
  /** Applies a live parameter between steps. Throws for keys that are not live. */
  setParam(key: string, value: number): void;
  /** Summary numbers of the run so far (JSON-serialisable). */
  metrics(): Record<string, MetricValue>;
  /** Neuron layers in global-id order, for the raster and the rate trace. */
  readonly layers: readonly RasterLayer[];
  /** One population-rate monitor per layer (same order), already added to the network. */
  readonly rates: readonly PopulationRateMonitor[];
  /** Experiment-specific charts of the current state (optional). */
  plots?(): PlotSpec[];
}

/**
 * The experiment's story (LECTURE_VIEW.md): the 1–3 charts that show its effect and the 1–4 live
 * controls that cause it. The app puts them on the first screen together; lessons and embeds use them.
 * Plot ids are those of `plots()`, or the app's spiking views 'raster', 'rate-trace', 'rate-histogram'.
 */
export interface PrimaryView {
  readonly controls: readonly string[];
  readonly plots: readonly string[];
  /**
   * Simulated ms per wall-clock second the app starts at (default 1000, real time; Infinity: as fast
   * as the machine allows), chosen so the effect shows within the first minute.
   */
  readonly speed?: number;
}

export interface ExperimentDef {
  readonly id: string;
  readonly title: string;
  /** A paragraph for the UI and `--list`. */
  readonly summary: string;
  /**
   * Every way this experiment departs from its source paper (or SCIENCE.md), one sentence each.
   * The one list behind the "Differences from the paper" line of the UI, `--list` and the README.
   */
  readonly differences: readonly string[];
  readonly dt_ms: number;
  /** 'simulated': runs in time (play, step, speed); 'computed': the result follows from the
   *  parameters at once (e.g. an event-driven pairing protocol), there is nothing to play. */
  readonly mode: 'simulated' | 'computed';
  /** Steps a CLI run takes when --steps is not given. */
  readonly defaultSteps: number;
  readonly params: readonly ParamSpec[];
  /** What the first screen shows: the story charts and the controls acting on them. */
  readonly primary?: PrimaryView;
  build(params: ParamValues, rng: Rng): ExperimentRun;
  /** Image sets (see inputs/imageSet.ts) the host must provide before build() for these parameters. */
  datasets?(params: ParamValues): string[];
  /** The choice parameter and option that train on the user's own images (inputs/localImages.ts), if any. */
  readonly localImages?: { readonly key: string; readonly option: number };
}

/** Parameter defaults of an experiment as a plain object. */
export function defaultParams(def: ExperimentDef): ParamValues {
  const out: ParamValues = {};
  for (const p of def.params) out[p.key] = p.default;
  return out;
}

/**
 * The guard every experiment's setParam starts with: throws unless `key` is one of its live
 * parameters (Session checks this too; the guard protects direct callers such as tests).
 */
export function assertLive(experiment: string, params: readonly ParamSpec[], key: string): void {
  if (!params.some((s) => s.key === key && s.live)) throw new Error(`${experiment}: ${key} is not a live parameter`);
}
