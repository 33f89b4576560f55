// Reads the Vitest and Playwright JSON reports and prints the closing line CI looks for:
// "N passed, M failed" (alone on the last line). A missing report counts as one failure.
import { existsSync, readFileSync } from 'node:fs';

const [unitPath, e2ePath] = process.argv.slice(2);
let passed = 0;
let failed = 0;
const notes = [];

if (unitPath && existsSync(unitPath)) {
  const u = JSON.parse(readFileSync(unitPath, 'utf8'));
  passed += u.numPassedTests ?? 0;
  failed += (u.numFailedTests ?? 0) + (u.numTotalTestSuites && u.success === false && !u.numFailedTests ? 1 : 0);
  notes.push(`unit: ${u.numPassedTests} passed, ${u.numFailedTests} failed`);
} else {
  failed += 1;
  notes.push('unit: no report (the unit suite did not run)');
}

if (e2ePath && existsSync(e2ePath)) {
  const e = JSON.parse(readFileSync(e2ePath, 'utf8'));
  const s = e.stats ?? {};
  const ok = (s.expected ?? 0) + (s.flaky ?? 0);
  const bad = (s.unexpected ?? 0) + ((e.errors?.length ?? 0) > 0 && !s.unexpected ? 1 : 0);
  passed += ok;
  failed += bad;
  notes.push(`e2e: ${ok} passed, ${bad} failed${s.skipped ? `, ${s.skipped} skipped` : ''}`);
} else {
  failed += 1;
  notes.push('e2e: no report (the end-to-end suite did not run)');
}

console.log(notes.join('; '));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
