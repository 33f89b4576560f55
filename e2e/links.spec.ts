/** Links: a copied link reproduces the run spike for spike, in the browser and in the CLI. */
import { expect, test } from './fixtures';
import LZString from 'lz-string';
import { pauseAndRead, readNumber, simCli, waitForStep } from './helpers';
import { openAt } from './runControl';

test('a copied link reproduces the run: same fingerprint at the same step as the CLI', async ({ browser }) => {
  const ctx = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await ctx.newPage();
  await page.goto('/');
  await waitForStep(page, 1000);
  // A live change mid-run is part of the history the link must carry.
  await page.getByTestId('param-w_inh_mV').fill('-12');
  await expect(page.getByTestId('param-w_inh_mV-value')).toHaveValue('-12.0');
  const changedNear = await readNumber(page, 'step');
  await page.getByTestId('copy-link').click();
  await expect(page.getByRole('status')).toHaveText('Link copied');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/#c=/);
  await ctx.close();

  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(link);
  await waitForStep(fresh, changedNear + 3000);
  const ui = await pauseAndRead(fresh);
  expect(ui.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  // The command line itself (the other checks run the CLI's code in the test process).
  const cli = simCli(link, ui.step, { spawn: true });
  expect(cli.steps).toBe(ui.step);
  expect(cli.fingerprint).toBe(ui.fingerprint);

  // And the link opened again reaches the same fingerprint when stepped to the same point.
  const again = await (await browser.newContext()).newPage();
  await again.goto(link);
  await waitForStep(again, 10);
  await pauseAndRead(again);
  const stepNow = await readNumber(again, 'step');
  const cli2 = simCli(link, stepNow);
  await expect(again.getByTestId('fingerprint')).toHaveText(cli2.fingerprint);
});

test('a rate model (no spikes) has a fingerprint from its state: the browser and the CLI agree, and another η changes it', async ({ page }) => {
  const link = (p: Record<string, number>) => '/#c=' + LZString.compressToEncodedURIComponent(JSON.stringify({ v: 2, e: 'hebb-compensation', s: 5, p }));
  // hebb-compensation steps 10 ms; 400 steps hold two state digests (after steps 200 and 400).
  const fp = await openAt(page, link({}), 400);
  await expect(page.getByTestId('experiment')).toHaveValue('hebb-compensation');
  expect(fp).toBe(simCli(page.url(), 400).fingerprint);
  const other = simCli(new URL(link({ eta: 0.02 }), page.url()).href, 400).fingerprint;
  expect(other).not.toBe(fp);
});

test('a malformed link shows a readable message and the default experiment', async ({ page }) => {
  await page.goto('/#c=this-is-not-a-valid-link!!');
  await expect(page.getByTestId('messages')).toContainText(/default experiment/i);
  await expect(page.getByTestId('experiment')).toHaveValue('balanced-ei');
  await waitForStep(page, 100);
});

test('an out-of-range value in a link is named, replaced by its default, and the run starts', async ({ page }) => {
  // A well-formed link whose threshold is far outside the schema's range.
  const link = simLinkWith('v_th_mV', 500);
  await page.goto(link);
  await expect(page.getByTestId('messages')).toContainText('v_th_mV');
  await expect(page.getByTestId('param-v_th_mV-value')).toHaveValue('-50.0');
  await waitForStep(page, 100);
});

/** Builds a link's fragment by hand (lz-string is what the app uses to compress it). */
function simLinkWith(key: string, value: number): string {
  const cfg = { v: 2, e: 'balanced-ei', s: 7, p: { [key]: value } };
  return '/#c=' + LZString.compressToEncodedURIComponent(JSON.stringify(cfg));
}

test('a link made before link format 3 opens in float64 and replays its recorded fingerprint; a new link runs float32', async ({ page, browser }) => {
  // Recorded by the app at 7af784c (format 2, float64 only): balanced-ei, seed 1, after 6,000 steps.
  const old = '/#c=' + LZString.compressToEncodedURIComponent(JSON.stringify({ v: 2, e: 'balanced-ei', s: 1 }));
  expect(await openAt(page, old, 6000)).toBe('540d909f3ec5a1ba');
  await page.getByTestId('more-params-toggle').click();
  await expect(page.getByTestId('param-precision')).toHaveValue('1');
  await expect(page.getByTestId('param-precision').locator('option:checked')).toHaveText('float64 (exact)');
  await expect(page.getByTestId('messages')).toHaveCount(0);

  // A new page: a link that differs only in its fragment would not reload the app.
  const page2 = await (await browser.newContext()).newPage();
  const fresh = '/#c=' + LZString.compressToEncodedURIComponent(JSON.stringify({ v: 3, e: 'balanced-ei', s: 1 }));
  const fp32 = await openAt(page2, fresh, 6000);
  expect(fp32).not.toBe('540d909f3ec5a1ba');
  expect(simCli(fresh, 6000).fingerprint).toBe(fp32);
  await page2.getByTestId('more-params-toggle').click();
  await expect(page2.getByTestId('param-precision').locator('option:checked')).toHaveText('float32 (fast)');
});

test('fokker-planck: a format-3 link replays its recorded float32 fingerprint; a format-4 link matches the one-thread CLI, also with the helper thread forced on', async ({ page, browser }) => {
  // Recorded at 669f0ba (format 3): fokker-planck, seed 1, 10,000 neurons, float32, after 10,000 steps.
  const old = '/#c=' + LZString.compressToEncodedURIComponent(JSON.stringify({ v: 3, e: 'fokker-planck', s: 1 }));
  expect(await openAt(page, old, 10000)).toBe('b798afef61b35be7');
  await page.getByTestId('more-params-toggle').click();
  await expect(page.getByTestId('param-noise_streams').locator('option:checked')).toHaveText('shared with bridge draws (format 3)');

  // As the app runs it: the helper tuner decides (workers/helperTuner.ts).
  const page2 = await (await browser.newContext()).newPage();
  const hash = '#c=' + LZString.compressToEncodedURIComponent(JSON.stringify({ v: 4, e: 'fokker-planck', s: 1 }));
  const fp = await openAt(page2, '/' + hash, 10000);
  // The CLI's code in this process runs one thread (no helper installed here).
  expect(simCli('/' + hash, 10000).fingerprint).toBe(fp);
  expect(fp).not.toBe('b798afef61b35be7');

  // The helper thread forced on (the worker API the bench uses): the normals worker runs, the
  // frames report two threads, and the run is the same.
  const page3 = await (await browser.newContext()).newPage();
  await page3.goto('/?autoplay=0&bench=1' + hash);
  expect(await page3.evaluate(() => crossOriginIsolated)).toBe(true);
  type Bench = { configFile(): Promise<string>; setHelperMode(m: string): Promise<void>; step(n: number): Promise<void>; pullFrame(): Promise<{ fingerprint: string; step: number; threads: number }> };
  await page3.waitForFunction(async () => {
    const b = (globalThis as unknown as { __simBench?: Bench }).__simBench;
    return b !== undefined && (await b.configFile().catch(() => '')).includes('fokker-planck');
  });
  const f = await page3.evaluate(async () => {
    const b = (globalThis as unknown as { __simBench: Bench }).__simBench;
    await b.setHelperMode('on');
    await b.step(10000);
    return b.pullFrame();
  });
  expect(f).toMatchObject({ step: 10000, fingerprint: fp, threads: 2 });
  expect(page3.workers().some((w) => /normals\.worker/.test(w.url()))).toBe(true);
  await expect(page3.getByTestId('threads')).toHaveText('2 threads');
});
