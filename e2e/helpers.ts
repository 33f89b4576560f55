/** Shared helpers for the end-to-end tests. */
import { execFileSync } from 'node:child_process';
import { expect, type Page } from '@playwright/test';
import { parseSimArgs, runSim } from '../scripts/simCli';

/** Number shown in a test-id'd element. */
export async function readNumber(page: Page, testId: string): Promise<number> {
  const t = (await page.getByTestId(testId).textContent()) ?? '';
  return Number(t.replace(/[^0-9.eE+-]/g, ''));
}

/** Waits until the run is playing and at least `step` steps have been simulated. */
export async function waitForStep(page: Page, step: number, timeout = 60_000): Promise<void> {
  await expect.poll(() => readNumber(page, 'step'), { timeout }).toBeGreaterThanOrEqual(step);
}

/** Pauses and waits until step and fingerprint readouts have settled; returns them. */
export async function pauseAndRead(page: Page): Promise<{ step: number; fingerprint: string }> {
  await page.getByTestId('play').click();
  await expect(page.getByTestId('play')).toHaveText(/Play/);
  let prev = { step: -1, fingerprint: '' };
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(200);
    const cur = { step: await readNumber(page, 'step'), fingerprint: (await page.getByTestId('fingerprint').textContent()) ?? '' };
    if (cur.step === prev.step && cur.fingerprint === prev.fingerprint) return cur;
    prev = cur;
  }
  throw new Error('step/fingerprint readouts never settled after pause');
}

/**
 * The headless CLI's run of a link for `steps` steps: its JSON summary. By default the CLI's own
 * argument parser and runner (scripts/simCli.ts, what `npm run sim -- --url LINK --steps N --json`
 * calls) run in this Node process, which saves starting a TypeScript process (about 3 s) per call;
 * `{ spawn: true }` runs the command line itself (scripts/sim.ts under tsx) and parses its last line.
 */
export function simCli(link: string, steps: number, opts: { spawn?: boolean } = {}): { fingerprint: string; steps: number; spikes: number } {
  const argv = ['--url', link, '--steps', String(steps), '--json'];
  if (!opts.spawn) return runSim(parseSimArgs(argv));
  const out = execFileSync('node_modules/.bin/tsx', ['scripts/sim.ts', ...argv], { encoding: 'utf8' });
  const lines = out.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]);
}

/** Count of canvas pixels that are clearly coloured (spike dots), read in the page. */
export async function colouredPixels(page: Page, testId: string): Promise<number> {
  return page.getByTestId(testId).evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const ctx = c.getContext('2d');
    if (!ctx) return 0;
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) {
      const r = d[i], g = d[i + 1], b = d[i + 2];
      if (Math.max(r, g, b) - Math.min(r, g, b) > 80) n++;
    }
    return n;
  });
}

/** Opens "More parameters" (the controls beyond the experiment's story controls), if it is closed. */
export async function openMoreParams(page: Page): Promise<void> {
  // The panel says "Loading…" until the worker has described the experiment: wait for it first.
  await expect(page.getByTestId('param-panel')).toBeVisible();
  const more = page.getByTestId('more-params');
  if ((await more.count()) > 0 && !(await more.evaluate((d) => (d as HTMLDetailsElement).open))) await page.getByTestId('more-params-toggle').click();
}
