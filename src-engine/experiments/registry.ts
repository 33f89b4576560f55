/**
 * The experiment registry: every experiment the app, the worker, the CLI and the benchmark know.
 * Adding an experiment is one file plus one line here. The first entry is the default.
 */
import { balancedEi } from './balancedEi';
import { epropCriticality } from './epropCriticality';
import { epropPattern } from './epropPattern';
import { coupledCorrelations } from './coupledCorrelations';
import { fiCurve } from './fiCurve';
import { fokkerPlanckExperiment } from './fokkerPlanck';
import { foldedAutoencoder } from './foldedAutoencoder';
import { hebbCompensation } from './hebbCompensation';
import { istdpBalance } from './istdpBalance';
import { lplSequences } from './lplSequences';
import { lplSpiking } from './lplSpiking';
import { lplStdpWindow } from './lplStdpWindow';
import { stdpBimodal } from './stdpBimodal';
import { stdpWindowExperiment } from './stdpWindow';
import { superspikeTarget } from './superspikeTarget';
import type { ExperimentDef } from './types';

export const EXPERIMENTS: readonly ExperimentDef[] = [balancedEi, stdpWindowExperiment, stdpBimodal, istdpBalance, hebbCompensation, lplSequences, lplSpiking, lplStdpWindow, superspikeTarget, epropPattern, epropCriticality, foldedAutoencoder, fokkerPlanckExperiment, fiCurve, coupledCorrelations];

export const DEFAULT_EXPERIMENT_ID = EXPERIMENTS[0].id;

export function findExperiment(id: string): ExperimentDef | undefined {
  return EXPERIMENTS.find((e) => e.id === id);
}
