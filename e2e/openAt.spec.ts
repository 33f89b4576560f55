/**
 * `?at=N`: a link that opens its run paused at step N ("this run at step N", for a reviewer).
 * The Share dialog offers it for the current step; a fresh page opening it replays the run to
 * exactly that step (the same fingerprint) and stays paused. Bad values are named and the run
 * opens at step 0; a step beyond ten default runs is capped with a message, shows its progress,
 * and Pause stops it on the way.
 */
import { expect, test } from './fixtures';
import LZString from 'lz-string';
import { readNumber } from './helpers';
import { pauseNow } from './runControl';

const link = (e: string, p: Record<string, number>) => '#c=' + LZString.compressToEncodedURIComponent(JSON.stringify({ v: 2, e, s: 3, p }));

test('the Share dialog’s “link at this step” reopens the run paused at that step, with the same fingerprint', async ({ page, browser }) => {
  await page.goto('/?autoplay=0');
  await expect(page.getByTestId('fingerprint')).toHaveText(/^[0-9a-f]{16}$/);
  await expect(page.getByTestId('experiment')).toHaveValue('balanced-ei');
  await page.getByTestId('param-w_inh_mV').fill('-12');
  await expect(page.getByTestId('param-w_inh_mV-value')).toHaveValue('-12.0');
  await page.getByTestId('step-100').click();
  await expect(page.getByTestId('step')).toHaveText('1000');
  await page.getByTestId('step-once').click();
  await expect(page.getByTestId('step')).toHaveText('1010');
  const fingerprint = (await page.getByTestId('fingerprint').textContent()) ?? '';
  await page.getByTestId('share').click();
  await expect(page.getByTestId('at-link')).toContainText('1,010');
  const href = (await page.getByTestId('at-link').getAttribute('href')) ?? '';
  expect(href).toMatch(/\?at=1010#c=/);

  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(href);
  await expect(fresh.getByTestId('messages')).toContainText('Opened paused at step 1,010 (t = 101.0 ms), as the link asks');
  await expect(fresh.getByTestId('step')).toHaveText('1010');
  await expect(fresh.getByTestId('play')).toHaveText(/Play/);
  await expect(fresh.getByTestId('advance-progress')).toHaveCount(0);
  await expect(fresh.getByTestId('fingerprint')).toHaveText(fingerprint);
  // The recorded change came with it (it was made at step 0, before the first step).
  await expect(fresh.getByTestId('param-w_inh_mV-value')).toHaveValue('-12.0');
});

test('a bad ?at= is named and the run opens paused at step 0', async ({ page }) => {
  await page.goto(`/?at=12abc${link('balanced-ei', {})}`);
  await expect(page.getByTestId('messages')).toContainText('?at= value “12abc” is not a step number');
  await expect(page.getByTestId('fingerprint')).toHaveText(/^[0-9a-f]{16}$/);
  await expect(page.getByTestId('play')).toHaveText(/Play/);
  await expect(page.getByTestId('step')).toHaveText('0');
});

test('a step beyond ten default runs is capped and said so; the advance shows its progress and Pause stops it there', async ({ page }) => {
  // lpl-sequences: 6,000 frames by default, so the page goes at most to frame 60,000 (minutes of work).
  await page.goto(`/?at=999999999999${link('lpl-sequences', {})}`);
  await expect(page.getByTestId('messages')).toContainText('The link asks for step 999,999,999,999; on opening, this page runs at most 60,000 steps');
  const progress = page.getByTestId('advance-progress');
  await expect(progress).toContainText('going to step 60,000');
  await expect(page.getByTestId('play')).toHaveText(/Pause/);
  // The page stays responsive while the worker advances: Pause stops the run where it is.
  await page.getByTestId('play').click();
  await expect(page.getByTestId('messages')).toContainText(/Stopped at step [0-9,]+ \(t = .*\) on the way to step 60,000/);
  await expect(progress).toHaveCount(0);
  const stopped = await pauseNow(page);
  expect(stopped).toBeLessThan(60_000);
  expect(await readNumber(page, 'step')).toBe(stopped);
});
