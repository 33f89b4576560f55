/**
 * Every end-to-end spec takes `test` from e2e/fixtures.ts, whose automatic fixture closes the
 * browser contexts a test opened by hand. A spec importing Playwright's own `test` would leave
 * such pages simulating in the background for the rest of its worker's tests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = join(__dirname, '..', 'e2e');
const specs = readdirSync(DIR).filter((f) => f.endsWith('.spec.ts'));

describe('e2e specs', () => {
  it('exist', () => expect(specs.length).toBeGreaterThan(10));
  it.each(specs)('%s takes test and expect from ./fixtures, not from @playwright/test', (f) => {
    const src = readFileSync(join(DIR, f), 'utf8');
    expect(src).toMatch(/import \{[^}]*\btest\b[^}]*\} from '\.\/fixtures';/);
    expect(src).not.toMatch(/import \{[^}]*\btest\b[^}]*\} from '@playwright\/test'/);
  });
});
