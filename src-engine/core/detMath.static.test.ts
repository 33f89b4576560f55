/**
 * Static guard for issue 14 point 2 (same link ⇒ same fingerprint in Node and in every browser):
 * engine source outside the listed analysis-only files calls no host transcendental (Math.exp, log,
 * sin, pow, …), whose last bit differs between JavaScript engines. Use core/detMath.ts instead.
 * Allowed: detMath.ts itself (names them only in comments), analysis code that turns recorded
 * state into displayed statistics, never feeding back into the run or the state digest, and test
 * support that no run imports.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ENGINE = fileURLToPath(new URL('..', import.meta.url));
const ALLOWED = new Set([
  'core/detMath.ts',
  'analysis/branching.ts', // MR estimator, Borel pmf: displayed metrics of epropCriticality
  'core/normalChecks.ts', // test support: the normal distribution's tails for the generators' tests
]);
const HOST_TRANSCENDENTAL = /Math\.(exp|expm1|log|log1p|log2|log10|sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh|asinh|acosh|atanh|pow|cbrt|hypot)\b/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|wat)$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

describe('engine state paths use core/detMath, not host Math.* transcendentals', () => {
  const files = sources(ENGINE).map((p) => relative(ENGINE, p).split('\\').join('/'));
  it('finds the engine sources', () => expect(files.length).toBeGreaterThan(50));
  it('no file outside the allowed list calls Math.exp/log/sin/cos/pow/…', () => {
    const offenders: string[] = [];
    for (const file of files) {
      if (ALLOWED.has(file)) continue;
      readFileSync(join(ENGINE, file), 'utf8').split('\n').forEach((line, i) => {
        const code = line.replace(/\/\/.*$/, '').replace(/;;.*$/, '');
        if (HOST_TRANSCENDENTAL.test(code) && !/^\s*\*/.test(code)) offenders.push(`${file}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toStrictEqual([]);
  });
  it('the allowed files exist (the list does not rot)', () => {
    for (const file of ALLOWED) expect(files).toContain(file);
  });
});
