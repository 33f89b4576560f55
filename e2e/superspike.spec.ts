/** Issue 5: switching SuperSpike's hidden-layer feedback while it trains continues the run (no reset) and the loss curve keeps growing. */
import { expect, test } from './fixtures';
import { readNumber } from './helpers';

async function trials(page: import('@playwright/test').Page): Promise<number> {
  return readNumber(page, 'metric-trials');
}

test('changing the feedback mode mid-training keeps training and the loss curve updating', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('experiment').locator('option[value="superspike-target"]')).toHaveCount(1);
  await page.getByTestId('experiment').selectOption('superspike-target');
  await page.getByTestId('speed').selectOption({ label: 'as fast as possible' });
  await expect.poll(() => trials(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(3);

  const stepBefore = await readNumber(page, 'step');
  const trialsBefore = await trials(page);
  const lossBefore = await page.getByTestId('plot-canvas-loss').evaluate((c) => (c as HTMLCanvasElement).toDataURL());
  await page.getByTestId('param-feedback').selectOption('1'); // random feedback
  await expect(page.getByTestId('param-feedback')).toHaveValue('1');

  // The run goes on from where it was: the step only grows and more trials complete.
  await expect.poll(() => trials(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(trialsBefore + 3);
  expect(await readNumber(page, 'step')).toBeGreaterThan(stepBefore);
  await expect(page.getByTestId('metric-feedback')).toHaveText(/random/);
  // The loss curve was redrawn with the new trials, and it still starts from the first trial.
  await expect.poll(() => page.getByTestId('plot-canvas-loss').evaluate((c) => (c as HTMLCanvasElement).toDataURL()), { timeout: 20_000 }).not.toBe(lossBefore);
  const loss = await page.getByTestId('metric-loss_trace').textContent();
  // The card summarises the trace in one line: "N trials; first …, last …".
  const n = Number((loss ?? '').match(/([\d,]+) trials?/)?.[1]?.replace(/,/g, '') ?? NaN);
  expect(n).toBeGreaterThanOrEqual(trialsBefore + 3);
});
