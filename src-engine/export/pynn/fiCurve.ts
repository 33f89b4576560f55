/**
 * PyNN export of fi-curve: for each of the three noise levels σ and each μ on the grid, a block of
 * uncoupled white-noise LIF/EIF neurons (whiteNoiseCells.ts). Layers are the three σ curves, as in
 * the app; the metrics give every block's rate with the app's theory (Siegert for the LIF,
 * stationary Fokker–Planck for the EIF).
 */
import type { ExperimentDef, ParamValues } from '../../experiments/types';
import { fiCurveBlocks } from '../fiCurveBlocks';
import { pynnPrelude, pynnRunAndReport } from './pyScript';
import { WHITE_NOISE_DIFFERENCES, whiteNoiseCellsPy } from './whiteNoiseCells';

export function fiCurvePynn(def: ExperimentDef, p: ParamValues, seed: number): string {
  const { nMu, per, n, lif, blocks, curves, theoryLine } = fiCurveBlocks(p);
  const head = pynnPrelude({
    def, params: p, seed, defaultDurationS: (def.defaultSteps * def.dt_ms) / 1000,
    model:
      `f-I curves: ${curves.length} noise levels x ${nMu} mean inputs, ${per} uncoupled white-noise ` +
      `${lif ? 'LIF (IF_curr_exp)' : 'EIF (EIF_cond_exp_isfa_ista, a = b = 0)'} neurons per point (voltages in mV from rest), ` +
      'a mean current plus a Gaussian noise current constant within each step, each block started in its stationary state.',
    differences: WHITE_NOISE_DIFFERENCES,
  });
  const model = [
    `n_neurons = ${n}`,
    ...whiteNoiseCellsPy(blocks, def.dt_ms),
    theoryLine,
  ].join('\n');
  const report = pynnRunAndReport(
    def.id,
    curves.map((c) => ({ label: c.label, view: `neurons[${c.start}:${c.end}]` })),
    { blocks: 'block_rates' },
    [
      '# Per-block rates (collective: every rank gathers the counts).',
      'block_counts = [int(sum(neurons[b[0]:b[0] + b[1]].get_spike_counts(gather=True).values())) for b in blocks]',
      "block_rates = [{'mu_mV': b[2], 'sigma_mV': b[3], 'rate_hz': finite(c / (b[1] * args.duration)), 'theory_hz': th}",
      '               for b, c, th in zip(blocks, block_counts, theory_hz)]',
    ],
  );
  return head + model + report;
}
