/** Rewrites the "Differences from the papers" section of README.md from the experiments' lists. */
import { readFileSync, writeFileSync } from 'node:fs';
import { differencesMarkdown, withDifferences } from '../src-engine/experiments/differences';
import { EXPERIMENTS } from '../src-engine/experiments/registry';

const path = new URL('../README.md', import.meta.url);
const before = readFileSync(path, 'utf8');
const after = withDifferences(before, differencesMarkdown(EXPERIMENTS));
writeFileSync(path, after);
process.stdout.write(after === before ? 'README.md already up to date\n' : 'README.md: differences section rewritten\n');
