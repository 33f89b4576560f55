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
}

export type ParamValues = Record<string, number>;

/** How the UI should draw the neurons of a run: contiguous id ranges with a name and a colour role. */
export interface RasterLayer {
  readonly label: string;
  /** First global neuron id. */
  readonly start: number;
  readonly count: number;
  readonly role: 'exc' | 'inh' | 'input' | 'output';
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
}

export interface ExperimentDef {
  readonly id: string;
  readonly title: string;
  /** A paragraph for the UI and `--list`. */
  readonly summary: string;
  readonly dt_ms: number;
  /** Steps a CLI run takes when --steps is not given. */
  readonly defaultSteps: number;
  readonly params: readonly ParamSpec[];
  build(params: ParamValues, rng: Rng): ExperimentRun;
}

/** Parameter defaults of an experiment as a plain object. */
export function defaultParams(def: ExperimentDef): ParamValues {
  const out: ParamValues = {};
  for (const p of def.params) out[p.key] = p.default;
  return out;
}
