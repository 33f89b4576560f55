/**
 * The walking skeleton end to end: load, live raster, live parameters. Nothing here depends on
 * how fast the machine is: effects are counted in simulated time (steps), and a wall-clock
 * timeout is only the bound after which a missing state counts as a failure. Load latency and
 * frame rates are measured by `npm run bench`, never asserted here.
 */
import { expect, test } from './fixtures';
import { colouredPixels, openMoreParams, readNumber, waitForStep } from './helpers';

test('the app opens with the default experiment running and the raster drawing its spikes', async ({ page }) => {
  await page.goto('/');
  await expect.poll(async () => Number(await page.getByTestId('raster').getAttribute('data-drawn-spikes'))).toBeGreaterThan(0);
  // The spikes are really on the canvas, not only counted.
  expect(await colouredPixels(page, 'raster')).toBeGreaterThan(20);
  await expect(page.getByTestId('experiment')).toHaveValue('balanced-ei');
  await expect(page.getByTestId('network-size')).toContainText('1,000 neurons');
  await expect(page.getByTestId('rate-trace')).toBeVisible();
  await expect(page.getByTestId('rate-histogram')).toBeVisible();
});

test('raising the threshold while running halves the population rate within 150 ms of simulated time', async ({ page }) => {
  await page.goto('/');
  await waitForStep(page, 8000);
  const before = await readNumber(page, 'pop-rate');
  expect(before).toBeGreaterThan(2);
  await page.getByTestId('param-v_th_mV').fill('-40');
  await expect(page.getByTestId('param-v_th_mV-value')).toHaveValue('-40.0');
  // The change is recorded with the step at which it took effect (the link's timeline).
  await expect.poll(() => new URL(page.url()).hash.length).toBeGreaterThan(0);
  const changedAt = await readNumber(page, 'step');
  // The readout is the rate over the last 100 ms: 150 ms (1,500 steps) after the change it has fallen.
  await waitForStep(page, changedAt + 1500);
  await expect.poll(() => readNumber(page, 'pop-rate')).toBeLessThan(before / 2);
  // Still running: steps keep advancing after the change.
  const s = await readNumber(page, 'step');
  await waitForStep(page, s + 500);
});

test('the largest network runs in the worker while the page keeps handling input', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('speed').selectOption({ label: 'as fast as possible' });
  await openMoreParams(page);
  await page.getByTestId('param-n_neurons-value').fill('10000');
  await page.getByTestId('param-n_neurons-value').press('Enter');
  await expect(page.getByTestId('network-size')).toContainText('10,000 neurons', { timeout: 60_000 });
  await waitForStep(page, 200);
  // The page answers a click and a key while the simulation is busy, and the run goes on.
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts-help')).toBeVisible();
  await page.keyboard.press('Escape');
  const s = await readNumber(page, 'step');
  await waitForStep(page, s + 200);
  await expect.poll(async () => Number(await page.getByTestId('raster').getAttribute('data-drawn-spikes'))).toBeGreaterThan(0);
});
