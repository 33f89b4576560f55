/**
 * PyNN export of fi-curve: for each of the three noise levels σ and each μ on the grid, a block of
 * uncoupled white-noise LIF/EIF neurons (whiteNoiseCells.ts). Layers are the three σ curves, as in
 * the app; the metrics give every block's rate with the app's theory (Siegert for the LIF,
 * stationary Fokker–Planck for the EIF).
 */
import { fpParamsFrom } from '../../experiments/fokkerPlanck';
import type { ExperimentDef, ParamValues } from '../../experiments/types';
import { fpGrid, fpStationary, type FpParams } from '../../stochastic/fokkerPlanck';
import { siegertRate } from '../../stochastic/siegert';
import { FP_CELLS, pyNum8 } from '../brian2/whiteNoiseIfModel';
import { pynnPrelude, pynnRunAndReport } from './pyScript';
import { WHITE_NOISE_DIFFERENCES, whiteNoiseCellsPy, type NoiseBlockPy } from './whiteNoiseCells';

const SIGMA_KEYS = ['sigma_a_mV', 'sigma_b_mV', 'sigma_c_mV'] as const;

export function fiCurvePynn(def: ExperimentDef, p: ParamValues, seed: number): string {
  const nMu = p.mu_points, per = p.neurons_per_point;
  const n = SIGMA_KEYS.length * nMu * per;
  const muAt = (k: number) => p.mu_min_mV + ((p.mu_max_mV - p.mu_min_mV) * k) / Math.max(1, nMu - 1);
  const base = fpParamsFrom({ ...p, mu_mV: 0, sigma_mV: 1 });
  const lif = base.model === 'lif';
  const theory = (fp: FpParams) => (lif ? siegertRate(fp) : fpStationary(fp, fpGrid(fp, FP_CELLS)).rate);
  const blocks: NoiseBlockPy[] = [];
  SIGMA_KEYS.forEach((key, s) => {
    for (let k = 0; k < nMu; k++) blocks.push({ start: (s * nMu + k) * per, count: per, fp: { ...base, mu: muAt(k), sigma: p[key] } });
  });
  const head = pynnPrelude({
    def, params: p, seed, defaultDurationS: (def.defaultSteps * def.dt_ms) / 1000,
    model:
      `f-I curves: ${SIGMA_KEYS.length} noise levels x ${nMu} mean inputs, ${per} uncoupled white-noise ` +
      `${lif ? 'LIF (IF_curr_exp)' : 'EIF (EIF_cond_exp_isfa_ista, a = b = 0)'} neurons per point (voltages in mV from rest), ` +
      'a mean current plus a Gaussian noise current constant within each step, each block started in its stationary state.',
    differences: WHITE_NOISE_DIFFERENCES,
  });
  const model = [
    `n_neurons = ${n}`,
    ...whiteNoiseCellsPy(blocks, def.dt_ms),
    `theory_hz = [${blocks.map((b) => pyNum8(theory(b.fp))).join(', ')}]  # the app's ${lif ? 'Siegert' : 'stationary Fokker-Planck'} rate per block`,
  ].join('\n');
  const report = pynnRunAndReport(
    def.id,
    SIGMA_KEYS.map((key, s) => ({ label: `σ = ${p[key]} mV`, view: `neurons[${s * nMu * per}:${(s + 1) * nMu * per}]` })),
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
