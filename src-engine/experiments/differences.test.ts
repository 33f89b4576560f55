import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { differencesLine, differencesMarkdown, README_BEGIN, README_END, withDifferences } from './differences';
import { EXPERIMENTS } from './registry';

describe('differences from the paper', () => {
  it('every experiment states at least one, each a full sentence', () => {
    for (const e of EXPERIMENTS) {
      expect(e.differences.length, e.id).toBeGreaterThan(0);
      for (const d of e.differences) expect(d, e.id).toMatch(/^[A-Z0-9].*[.)]$/s);
    }
  });

  it('README.md holds exactly the generated section (run npm run readme:differences after editing a list)', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const a = readme.indexOf(README_BEGIN), b = readme.indexOf(README_END);
    expect(a).toBeGreaterThan(0);
    expect(readme.slice(a, b + README_END.length)).toBe(differencesMarkdown(EXPERIMENTS));
  });

  it('names the departures issue 16 lists', () => {
    const text = (id: string) => EXPERIMENTS.find((e) => e.id === id)!.differences.join(' ');
    expect(text('lpl-spiking')).toMatch(/NMDA/);
    expect(text('lpl-sequences')).toMatch(/ξ/);
    expect(text('lpl-sequences')).toMatch(/centred/);
    expect(text('istdp-balance')).toMatch(/t = 0/);
    expect(text('eprop-criticality')).toMatch(/\|W\| ≤ 0\.5/);
    expect(text('eprop-criticality')).toMatch(/log-variance/);
    expect(differencesLine({ differences: ['A.', 'B.'] })).toBe('Differences from the paper: A. B.');
  });

  it('rewrites the section in place and appends it when missing', () => {
    const sec = `${README_BEGIN}\nx\n${README_END}`;
    expect(withDifferences(`top\n${README_BEGIN}\nold\n${README_END}\nbottom`, sec)).toBe(`top\n${sec}\nbottom`);
    expect(withDifferences('top\n', sec)).toContain(`## Differences from the papers\n${sec}`);
  });
});
