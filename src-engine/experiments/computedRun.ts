/**
 * The run of a computed experiment (mode 'computed', e.g. stdp-window, lpl-stdp-window): nothing
 * is simulated over time (an empty network at the experiment's dt, no layers); the result is
 * computed from the current parameters on first use and kept until a live parameter changes.
 * metrics() and plots() are drawn from that result.
 */
import { Network } from '../core/network';
import type { Rng } from '../core/rng';
import { assertLive, type ExperimentDef, type ExperimentRun, type MetricValue, type ParamValues, type PlotSpec } from './types';

/** What a computed experiment computes from its parameters and how it shows it. */
export interface ComputedView<T> {
  /** The result for the parameters (called again only after a parameter changed). */
  compute(p: ParamValues): T;
  metrics(result: T, p: ParamValues): Record<string, MetricValue>;
  plots(result: T, p: ParamValues): PlotSpec[];
}

/** The run of `def` (its id, parameters and dt) showing `view`. */
export function computedRun<T>(def: ExperimentDef, view: ComputedView<T>, initial: ParamValues, rng: Rng): ExperimentRun {
  const p: ParamValues = { ...initial };
  let cache: { result: T } | null = null;
  const result = (): T => (cache ??= { result: view.compute(p) }).result;
  return {
    network: new Network(def.dt_ms, rng),
    layers: [],
    rates: [],
    setParam(key, value) {
      assertLive(def.id, def.params, key);
      p[key] = value;
      cache = null;
    },
    metrics: () => view.metrics(result(), p),
    plots: () => view.plots(result(), p),
  };
}
