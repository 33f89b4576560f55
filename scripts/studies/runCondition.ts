/** Runs one experiment configuration headlessly (the CLI's Session) and returns its metrics. */
import { defaultRunConfig } from '../../src-engine/config/runConfig';
import type { MetricValue } from '../../src-engine/experiments/types';
import { Session } from '../../src-engine/run/session';
import { ensureDatasets } from '../nodeDatasets';

export function runCondition(experiment: string, seed: number, params: Record<string, number>, steps?: number): Record<string, MetricValue> {
  const c = defaultRunConfig(experiment, seed);
  Object.assign(c.params, params);
  ensureDatasets(c.experiment, c.params);
  const s = new Session(c);
  s.advance(steps ?? s.def.defaultSteps);
  return s.run.metrics();
}
