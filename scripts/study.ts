/**
 * Studies: the same experiment over seeds and conditions, summarised as mean ± 95% CI.
 *
 *   npm run study -- lpl-ablation [--write]    LPL readout/invariance: default, λ = 0, predictive term off (seeds 1–5)
 *   npm run study -- eprop-grid [--write]      e-prop: m̂ against s* over r₀ and multiples of the Poisson floor (seeds 1–3)
 *
 * Prints a Markdown table; --write also replaces the study's section in docs/STUDIES.md. CPU heavy:
 * run one at a time (nice -n 10 on a shared machine).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { epropGrid } from './studies/epropGrid';
import { lplAblation } from './studies/lplAblation';

const STUDIES: Record<string, () => string> = { 'lpl-ablation': lplAblation, 'eprop-grid': epropGrid };

const [name, ...flags] = process.argv.slice(2);
const study = STUDIES[name];
if (!study) {
  process.stderr.write(`usage: npm run study -- ${Object.keys(STUDIES).join('|')} [--write]\n`);
  process.exit(2);
}
const md = study();
process.stdout.write(md + '\n');
if (flags.includes('--write')) {
  const path = new URL('../docs/STUDIES.md', import.meta.url);
  const doc = readFileSync(path, 'utf8');
  const begin = `<!-- study:${name}:begin -->`, end = `<!-- study:${name}:end -->`;
  const a = doc.indexOf(begin), b = doc.indexOf(end);
  if (a < 0 || b < a) throw new Error(`docs/STUDIES.md has no ${begin} … ${end} section`);
  writeFileSync(path, doc.slice(0, a + begin.length) + '\n' + md + '\n' + doc.slice(b));
  process.stdout.write(`docs/STUDIES.md: ${name} section rewritten\n`);
}
