/**
 * PyNN export of fokker-planck: N uncoupled white-noise LIF (IF_curr_exp) or EIF
 * (EIF_cond_exp_isfa_ista without adaptation) neurons with a per-step Gaussian noise current and the
 * app's stationary initial state (whiteNoiseCells.ts). The time-dependent Fokker–Planck density
 * the app steps alongside is not simulated; the app's stationary and Siegert rates are reported.
 */
import { fpParamsFrom } from '../../experiments/fokkerPlanck';
import type { ExperimentDef, ParamValues } from '../../experiments/types';
import { fpGrid, fpStationary } from '../../stochastic/fokkerPlanck';
import { siegertRate } from '../../stochastic/siegert';
import { FP_CELLS, pyNum8 } from '../brian2/whiteNoiseIfModel';
import { pynnPrelude, pynnRunAndReport } from './pyScript';
import { WHITE_NOISE_DIFFERENCES, whiteNoiseCellsPy } from './whiteNoiseCells';

export function fokkerPlanckPynn(def: ExperimentDef, p: ParamValues, seed: number): string {
  const fp = fpParamsFrom(p);
  const lif = fp.model === 'lif';
  const n = p.n_neurons;
  const head = pynnPrelude({
    def, params: p, seed, defaultDurationS: (def.defaultSteps * def.dt_ms) / 1000,
    model:
      `${n} uncoupled ${lif ? 'leaky (IF_curr_exp)' : 'exponential (EIF_cond_exp_isfa_ista with a = b = 0)'} integrate-and-fire ` +
      'neurons driven by a mean current and Gaussian white noise (a current constant within each step, the closest ' +
      "PyNN offers to the app's white noise), voltages in mV from rest, started in the stationary state of the " +
      'Fokker-Planck equation.',
    differences: [
      ...WHITE_NOISE_DIFFERENCES,
      "The time-dependent Fokker-Planck density the app steps alongside is not simulated; its stationary rate is reported as rate_fp_hz (and the Siegert rate for the LIF).",
    ],
  });
  const model = [`n_neurons = ${n}`, ...whiteNoiseCellsPy([{ start: 0, count: n, fp }], def.dt_ms)].join('\n');
  const report = pynnRunAndReport(def.id, [{ label: 'neurons', view: 'neurons' }], {
    rate_fp_hz: pyNum8(fpStationary(fp, fpGrid(fp, FP_CELLS)).rate),
    ...(lif ? { rate_siegert_hz: pyNum8(siegertRate(fp)) } : {}),
  });
  return head + model + report;
}
