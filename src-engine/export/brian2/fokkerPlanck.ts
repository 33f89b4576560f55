/**
 * Brian2 export of fokker-planck: N uncoupled white-noise LIF or EIF neurons with the app's update,
 * Brownian-bridge threshold crossings and stationary initial state (whiteNoiseIfModel.ts). The
 * time-dependent Fokker–Planck density the app steps alongside is not simulated; its stationary
 * rate (and the Siegert rate and CV for the LIF) are reported with the Monte-Carlo rate and the
 * pooled ISI CV.
 */
import { fpParamsFrom } from '../../experiments/fokkerPlanck';
import type { ExperimentDef, ParamValues } from '../../experiments/types';
import { fpGrid, fpStationary } from '../../stochastic/fokkerPlanck';
import { siegertCv, siegertRate } from '../../stochastic/siegert';
import { scriptPrelude, scriptReport } from './pyScript';
import { FP_CELLS, pyNum8, whiteNoiseIfPy } from './whiteNoiseIfModel';

export function fokkerPlanckBrian2(def: ExperimentDef, p: ParamValues, seed: number): string {
  const fp = fpParamsFrom(p);
  const lif = fp.model === 'lif';
  const n = p.n_neurons;
  const st = fpStationary(fp, fpGrid(fp, FP_CELLS));
  const head = scriptPrelude({
    def, params: p, seed, dtMs: def.dt_ms, defaultDurationS: (def.defaultSteps * def.dt_ms) / 1000,
    model:
      `${n} uncoupled ${lif ? 'leaky' : 'exponential'} integrate-and-fire neurons driven by Gaussian white noise ` +
      '(Brunel convention, voltages in mV from rest), started in the stationary state of the Fokker-Planck equation. ' +
      (lif
        ? 'The membrane takes the exact Ornstein-Uhlenbeck step'
        : 'The membrane takes an Euler-Maruyama step (exponent clipped at 50)') +
      ', and a neuron also spikes when its path crossed theta between two steps (Brownian-bridge probability), as in the app.',
    differences: [
      "The update is written out in a run_regularly instead of Brian2's stochastic `xi` integration, to keep the app's " +
        'exact step and bridge correction (without it the rate is 1-8% lower at dt = 0.1 ms).',
      "The time-dependent Fokker-Planck density the app steps alongside is not simulated; its stationary rate is " +
        'reported as rate_fp_hz (and the Siegert rate for the LIF).',
    ],
  });
  const model = [
    `n_neurons = ${n}`,
    ...whiteNoiseIfPy([{ start: 0, count: n, fp }], def.dt_ms),
    '',
    'spikes = SpikeMonitor(neurons)',
    'rate_all = PopulationRateMonitor(neurons)',
    'run(duration)',
    '',
    'trains = spikes.spike_trains()',
    'isis = np.concatenate([np.diff(np.asarray(trains[i] / ms)) for i in range(n_neurons)] + [np.zeros(0)])',
    "cv_pooled = isis.std() / isis.mean() if isis.size >= 2 else float('nan')",
    `rate_theory = ${pyNum8(lif ? siegertRate(fp) : st.rate)}  # Hz, the app's ${lif ? 'Siegert' : 'stationary Fokker-Planck'} rate`,
    `rate_fp = ${pyNum8(st.rate)}  # Hz, the app's stationary Fokker-Planck rate`,
    ...(lif ? [`cv_theory = ${pyNum8(siegertCv(fp))}  # the Siegert CV`] : []),
    '',
  ].join('\n');
  const report = scriptReport(def.id, [{ label: 'neurons', count: 'n_neurons', monitor: 'rate_all' }], {
    rate_mc_hz: 'finite(mean_rate(rate_all))',
    rate_theory_hz: 'finite(rate_theory)',
    rate_fp_hz: 'finite(rate_fp)',
    cv_isi: 'finite(cv_pooled)',
    ...(lif ? { cv_theory: 'finite(cv_theory)' } : {}),
  });
  return head + model + report;
}
