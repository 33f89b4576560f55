/** Replaces the text between `<!-- NAME:start -->` and `<!-- NAME:end -->` in docs/BENCHMARKS.md. */
import { readFileSync, writeFileSync } from 'node:fs';

export function writeBetweenMarkers(name: string, table: string): void {
  const path = new URL('../docs/BENCHMARKS.md', import.meta.url);
  const doc = readFileSync(path, 'utf8');
  const open = `<!-- ${name}:start -->`, close = `<!-- ${name}:end -->`;
  const start = doc.indexOf(open);
  const end = doc.indexOf(close);
  if (start < 0 || end < 0) throw new Error(`docs/BENCHMARKS.md lacks the ${open} / ${close} markers`);
  writeFileSync(path, doc.slice(0, start) + open + '\n' + table + '\n' + doc.slice(end));
  console.log(`\nupdated docs/BENCHMARKS.md (${name} table)`);
}
