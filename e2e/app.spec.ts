/** The walking skeleton end to end: load, live raster, live parameters. */
import { expect, test } from '@playwright/test';
import { colouredPixels, openMoreParams, readNumber, waitForStep } from './helpers';

test('the app loads and the raster shows spikes within 2 s', async ({ page }) => {
  const t0 = Date.now();
  await page.goto('/');
  await expect
    .poll(async () => Number(await page.getByTestId('raster').getAttribute('data-drawn-spikes')), { timeout: 2000 - (Date.now() - t0) })
    .toBeGreaterThan(0);
  expect(Date.now() - t0).toBeLessThan(2000);
  // The spikes are really on the canvas, not only counted.
  expect(await colouredPixels(page, 'raster')).toBeGreaterThan(20);
  await expect(page.getByTestId('experiment')).toHaveValue('balanced-ei');
  await expect(page.getByTestId('network-size')).toContainText('1,000 neurons');
  await expect(page.getByTestId('rate-trace')).toBeVisible();
  await expect(page.getByTestId('rate-histogram')).toBeVisible();
});

test('raising the threshold lowers the population rate within a second while running', async ({ page }) => {
  await page.goto('/');
  await waitForStep(page, 8000);
  const before = await readNumber(page, 'pop-rate');
  expect(before).toBeGreaterThan(2);
  await page.getByTestId('param-v_th_mV').fill('-40');
  await expect(page.getByTestId('param-v_th_mV-value')).toHaveValue('-40.0');
  const changedAt = Date.now();
  await expect.poll(() => readNumber(page, 'pop-rate'), { timeout: 1000, intervals: [50] }).toBeLessThan(before / 2);
  expect(Date.now() - changedAt).toBeLessThanOrEqual(1000);
  // Still running: steps keep advancing after the change.
  const s = await readNumber(page, 'step');
  await waitForStep(page, s + 500);
});

test('the page stays responsive while the largest network runs', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('speed').selectOption({ label: 'as fast as possible' });
  await openMoreParams(page);
  await page.getByTestId('param-n_neurons-value').fill('10000');
  await page.getByTestId('param-n_neurons-value').press('Enter');
  await expect(page.getByTestId('network-size')).toContainText('10,000 neurons', { timeout: 20_000 });
  await waitForStep(page, 200);
  // A main-thread task posted now must run promptly even though the simulation is busy.
  const lag = await page.evaluate(
    () => new Promise<number>((resolve) => {
      const t = performance.now();
      setTimeout(() => resolve(performance.now() - t), 0);
    }),
  );
  expect(lag).toBeLessThan(250);
  await expect.poll(async () => Number(await page.getByTestId('raster').getAttribute('data-drawn-spikes'))).toBeGreaterThan(0);
});
