/**
 * LPL ablation (issue 16; source 001's headline): linear readout accuracy of held-out MNIST
 * sequences and invariance after the default training, for the full rule, λ = 0 ("Hebb off")
 * and the predictive term off ("Pred. off"), seeds 1–5; the untrained layer as the baseline.
 */
import { findExperiment } from '../../src-engine/experiments/registry';
import { fmtCi, markdownTable, meanCi } from './stats';
import { runCondition } from './runCondition';

export const LPL_SEEDS = [1, 2, 3, 4, 5];
const CONDITIONS: { label: string; params: Record<string, number> }[] = [
  { label: 'LPL (defaults)', params: {} },
  { label: 'λ = 0 (Hebb off)', params: { lambda: 0 } },
  { label: 'predictive term off', params: { pred: 0 } },
];

export function lplAblation(): string {
  const def = findExperiment('lpl-sequences')!;
  const rows: string[][] = [];
  let baseline: number[] = [], baseInv: number[] = [];
  for (const c of CONDITIONS) {
    const acc: number[] = [], inv: number[] = [], vr: number[] = [];
    for (const seed of LPL_SEEDS) {
      const m = runCondition('lpl-sequences', seed, c.params) as Record<string, number>;
      acc.push(m.readout_accuracy);
      inv.push(m.invariance);
      vr.push(m.output_variance);
      if (c === CONDITIONS[0]) {
        baseline.push(m.readout_accuracy_initial);
        baseInv.push(m.invariance_initial);
      }
      process.stderr.write(`${c.label} seed ${seed}: readout ${m.readout_accuracy}, invariance ${m.invariance}\n`);
    }
    rows.push([c.label, fmtCi(meanCi(acc)), fmtCi(meanCi(inv)), fmtCi(meanCi(vr), 4), acc.map((a) => a.toFixed(2)).join(', ')]);
  }
  rows.push(['untrained layer (same seeds)', fmtCi(meanCi(baseline)), fmtCi(meanCi(baseInv)), '', baseline.map((a) => a.toFixed(2)).join(', ')]);
  baseline = baseInv = [];
  const p = def.params.find((q) => q.key === 'n_units')!.default;
  return [
    `lpl-sequences, MNIST digit sequences, ${def.defaultSteps} training frames, ${p} units; held-out sequences, least-squares linear readout (chance 0.10). Mean ± 95% CI over seeds ${LPL_SEEDS.join(', ')}.`,
    '',
    markdownTable(['condition', 'readout accuracy', 'invariance', 'output variance', 'readout per seed'], rows),
  ].join('\n');
}
