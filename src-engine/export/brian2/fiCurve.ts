/**
 * Brian2 export of fi-curve: for each of the three noise levels σ and each μ on the grid, a block of
 * uncoupled white-noise LIF/EIF neurons (whiteNoiseIfModel.ts: the app's update, bridge-corrected
 * threshold and per-block stationary initial state). Reports each block's rate ± standard error
 * (spread of per-neuron counts) with the app's theory (Siegert for the LIF, stationary Fokker–Planck
 * for the EIF), and the app's summary metrics max_rel_error, max_z, points, neurons.
 */
import type { ExperimentDef, ParamValues } from '../../experiments/types';
import { fiCurveBlocks } from '../fiCurveBlocks';
import { scriptPrelude, scriptReport } from './pyScript';
import { whiteNoiseIfPy } from './whiteNoiseIfModel';

export function fiCurveBrian2(def: ExperimentDef, p: ParamValues, seed: number): string {
  const { nMu, per, n, lif, blocks, curves, theoryLine } = fiCurveBlocks(p);
  const head = scriptPrelude({
    def, params: p, seed, dtMs: def.dt_ms, defaultDurationS: (def.defaultSteps * def.dt_ms) / 1000,
    model:
      `f-I curves: ${curves.length} noise levels x ${nMu} mean inputs, ${per} uncoupled white-noise ` +
      `${lif ? 'LIF' : 'EIF'} neurons per point (voltages in mV from rest), each block started in its stationary state; ` +
      'the same update and bridge-corrected threshold as the app.',
    differences: ["The update is written out in a run_regularly instead of Brian2's stochastic `xi` integration, to keep the app's exact step and bridge correction."],
  });
  const model = [
    `n_neurons = ${n}`,
    `per_point = ${per}`,
    ...whiteNoiseIfPy(blocks, def.dt_ms),
    theoryLine,
    '',
    'spikes = SpikeMonitor(neurons)',
    ...curves.map((c, s) => `rate_${s} = PopulationRateMonitor(neurons[${c.start}:${c.end}])`),
    'run(duration)',
    '',
    'counts = np.bincount(np.asarray(spikes.i), minlength=n_neurons).astype(float)',
    'seconds = float(duration / second)',
    'points = []',
    'max_rel = 0.0',
    'max_z = 0.0',
    'for b, (first, count, b_mu, b_sigma, _, _, _) in enumerate(blocks):',
    '    c = counts[first:first + count]',
    '    rate = c.mean() / seconds',
    '    se = c.std() / np.sqrt(count) / seconds',
    "    points.append({'mu_mV': b_mu, 'sigma_mV': b_sigma, 'rate_hz': finite(rate), 'se_hz': finite(se), 'theory_hz': theory_hz[b]})",
    '    if theory_hz[b] > 1:',
    '        max_rel = max(max_rel, abs(rate / theory_hz[b] - 1))',
    '        if se > 0:',
    '            max_z = max(max_z, abs(rate - theory_hz[b]) / se)',
    '',
  ].join('\n');
  const report = scriptReport(
    def.id,
    curves.map((c, s) => ({ label: c.label, count: String(nMu * per), monitor: `rate_${s}` })),
    { measured_s: 'finite(seconds)', max_rel_error: 'finite(max_rel)', max_z: 'finite(max_z)', points: 'len(points)', neurons: 'n_neurons', blocks: 'points' },
  );
  return head + model + report;
}
