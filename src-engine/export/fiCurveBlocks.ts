/**
 * The block layout of the fi-curve exports (Brian2 and PyNN): neurons [0, n) in
 * SIGMA_KEYS.length × mu_points blocks of neurons_per_point, σ-major, the block (s, k) at
 * μ_k = μ_min + (μ_max − μ_min)·k/(mu_points − 1) and σ = the s-th noise level, each with the app's
 * theory rate (Hz): the Siegert rate for the LIF, the stationary Fokker–Planck rate (FP_CELLS grid)
 * for the EIF. The experiment (experiments/fiCurve.ts) lays its group out the same way.
 */
import { SIGMA_KEYS } from '../experiments/fiCurve';
import { fpParamsFrom } from '../experiments/fokkerPlanck';
import type { ParamValues } from '../experiments/types';
import { fpGrid, fpStationary } from '../stochastic/fokkerPlanck';
import { siegertRate } from '../stochastic/siegert';
import { FP_CELLS, pyNum8, type NoiseBlock } from './brian2/whiteNoiseIfModel';

export interface FiCurveBlocks {
  readonly nMu: number;
  readonly per: number;
  /** All neurons. */
  readonly n: number;
  readonly lif: boolean;
  readonly blocks: NoiseBlock[];
  /** One a noise level: its label and the slice of neurons of its curve. */
  readonly curves: { label: string; start: number; end: number }[];
  /** Python line `theory_hz = [...]`, the app's theory rate of every block. */
  readonly theoryLine: string;
}

export function fiCurveBlocks(p: ParamValues): FiCurveBlocks {
  const nMu = p.mu_points, per = p.neurons_per_point;
  const muAt = (k: number) => p.mu_min_mV + ((p.mu_max_mV - p.mu_min_mV) * k) / Math.max(1, nMu - 1);
  const base = fpParamsFrom({ ...p, mu_mV: 0, sigma_mV: 1 });
  const lif = base.model === 'lif';
  const blocks: NoiseBlock[] = [];
  SIGMA_KEYS.forEach((key, s) => {
    for (let k = 0; k < nMu; k++) blocks.push({ start: (s * nMu + k) * per, count: per, fp: { ...base, mu: muAt(k), sigma: p[key] } });
  });
  const theory = blocks.map((b) => pyNum8(lif ? siegertRate(b.fp) : fpStationary(b.fp, fpGrid(b.fp, FP_CELLS)).rate));
  return {
    nMu, per, n: SIGMA_KEYS.length * nMu * per, lif, blocks,
    curves: SIGMA_KEYS.map((key, s) => ({ label: `σ = ${p[key]} mV`, start: s * nMu * per, end: (s + 1) * nMu * per })),
    theoryLine: `theory_hz = [${theory.join(', ')}]  # the app's ${lif ? 'Siegert' : 'stationary Fokker-Planck'} rate per block`,
  };
}
