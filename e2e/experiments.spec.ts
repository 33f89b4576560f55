/** Every registered experiment opens from the picker, draws its charts and shows its measurements. */
import { expect, test } from './fixtures';

const EXPECTED_PLOTS: Record<string, string[]> = {
  'balanced-ei': [],
  'stdp-window': ['window', 'frequency'],
  'stdp-bimodal': ['weights', 'learning'],
  'istdp-balance': ['convergence', 'balance'],
  'hebb-compensation': ['activity', 'weights'],
  'lpl-sequences': ['frame', 'rf', 'training', 'variance'],
  'lpl-stdp-window': ['windows', 'lpl-frequency'],
  'lpl-spiking': ['group-weights', 'selectivity'],
  'superspike-target': ['target', 'actual', 'loss'],
  'eprop-pattern': ['output', 'mse'],
  'eprop-criticality': ['global-rate', 'branching'],
  'folded-autoencoder': ['landscape', 'digits', 'energy', 'reconstruction'],
  'fokker-planck': ['density', 'rate', 'isi'],
  'fi-curve': ['fi'],
  'coupled-correlations': ['cross-covariance', 'integrated'],
};

test('each experiment in the picker opens and draws', async ({ page }) => {
  await page.goto('/');
  // The list arrives from the worker: wait for all of it.
  await expect(page.getByTestId('experiment').locator('option')).toHaveCount(Object.keys(EXPECTED_PLOTS).length);
  const ids = await page.getByTestId('experiment').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  expect(ids.sort()).toEqual(Object.keys(EXPECTED_PLOTS).sort());
  for (const id of ids) {
    await page.getByTestId('experiment').selectOption(id);
    await expect(page.getByTestId('experiment')).toHaveValue(id);
    for (const plot of EXPECTED_PLOTS[id]) {
      await expect.poll(async () => Number(await page.getByTestId(`plot-canvas-${plot}`).getAttribute('data-peak')), { timeout: 60_000 }).toBeGreaterThan(0);
    }
    await expect(page.getByTestId('metrics').locator('dl')).toBeVisible();
    await expect(page.getByTestId('messages')).toHaveCount(0);
  }
});
