/**
 * Rewind and branch (issue 17): drag the run back (here through the timeline's "go to" field),
 * continue unchanged and it is the original run (the CLI's fingerprint on the original link);
 * change a parameter there and it branches: it differs from the original, its link (which the
 * address bar holds) gives the CLI's fingerprint, and a fresh page opening it matches too.
 */
import { expect, test } from './fixtures';
import { readNumber, simCli, waitForStep } from './helpers';
import { openAt, pauseNow, stepTo } from './runControl';

async function rewindTo(page: import('@playwright/test').Page, ms: number, step: number): Promise<void> {
  await page.getByTestId('timeline-goto').fill(String(ms));
  await page.getByTestId('timeline-seek').click();
  await expect(page.getByTestId('step')).toHaveText(String(step));
  await expect(page.getByTestId('timeline-note')).toContainText('Rewound to');
}

test('rewind, continue unchanged, then branch; the branch link reproduces', async ({ page, browser }) => {
  await page.goto('/?autoplay=0');
  await expect(page.getByTestId('fingerprint')).toHaveText(/^[0-9a-f]{16}$/);
  await expect(page.getByTestId('experiment')).toHaveValue('balanced-ei');
  await page.getByTestId('play').click();
  await waitForStep(page, 22_000);
  const end = await pauseNow(page);
  const original = page.url();
  await expect(page.getByTestId('timeline-note')).toContainText(/[3-9] exact checkpoints every 1\.000 s/);

  // Back to t = 1234.5 ms: exactly the original there…
  await rewindTo(page, 1234.5, 12_345);
  expect(await page.getByTestId('fingerprint').textContent()).toBe(simCli(original, 12_345).fingerprint);
  // …and, continuing unchanged, at later steps (past a recorded checkpoint boundary too).
  const fpA = await stepTo(page, 20_345);
  expect(fpA).toBe(simCli(original, 20_345).fingerprint);
  expect(page.url()).toBe(original);
  expect(await readNumber(page, 'step')).toBeLessThan(end);

  // Back to 500 ms and change the threshold: a branch.
  await rewindTo(page, 500, 5000);
  await page.getByTestId('param-v_th_mV').fill('-49');
  await expect(page.getByTestId('param-v_th_mV')).toHaveValue('-49');
  await expect(page.getByTestId('timeline-note')).toContainText('Branched at t = 500.0 ms');
  const fpB = await stepTo(page, 6000);
  expect(fpB).not.toBe(simCli(original, 6000).fingerprint);
  const branch = page.url();
  expect(branch).not.toBe(original);
  expect(simCli(branch, 6000).fingerprint).toBe(fpB);
  // The timeline now ends at the branch's present (the old future is gone).
  await expect(page.getByTestId('timeline-time')).toContainText('of 600.0 ms');

  // A fresh page opening the branch link reproduces it.
  const fresh = await (await browser.newContext()).newPage();
  expect(await openAt(fresh, branch, 6000)).toBe(fpB);
});
