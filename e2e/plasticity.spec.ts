/** Classic plasticity lab: the STDP window follows the rule and its parameters live. */
import { expect, test, type Page } from './fixtures';
import LZString from 'lz-string';
import { waitForStep } from './helpers';

const link = (e: string, p: Record<string, number> = {}) => '/#c=' + LZString.compressToEncodedURIComponent(JSON.stringify({ v: 2, e, s: 1, p }));
const peak = async (page: Page, id: string) => Number(await page.getByTestId(`plot-canvas-${id}`).getAttribute('data-peak'));

test('switching rules and dragging A+ redraws the STDP window live', async ({ page }) => {
  await page.goto(link('stdp-window'));
  await expect(page.getByTestId('experiment')).toHaveValue('stdp-window');
  await expect.poll(() => peak(page, 'window')).toBeGreaterThan(0);
  const p0 = await peak(page, 'window');
  expect(p0).toBeCloseTo(0.005, 4); // pair rule: Δw(0+) = A+ = 0.005
  await page.getByTestId('param-a_plus').fill('0.02');
  await expect.poll(() => peak(page, 'window')).toBeCloseTo(0.02, 4);
  await page.getByTestId('param-rule').selectOption('2'); // triplet, all-to-all
  // One pairing cannot potentiate in the minimal triplet model: only the A− lobe is left.
  await expect.poll(() => peak(page, 'window')).toBeLessThan(0.006);
  await expect(page.getByTestId('plot-frequency')).toContainText('Frequency dependence');
  await expect.poll(() => peak(page, 'frequency')).toBeGreaterThan(0.7); // 50 Hz LTP (+0.76) and Sjöström's +0.75
  // The link records the change.
  await expect.poll(() => page.evaluate(() => location.hash.length)).toBeGreaterThan(10);
});

test('stdp-bimodal runs with a live weight histogram', async ({ page }) => {
  await page.goto(link('stdp-bimodal'));
  await expect(page.getByTestId('experiment')).toHaveValue('stdp-bimodal');
  await page.getByTestId('speed').selectOption({ label: 'as fast as possible' });
  await waitForStep(page, 30_000, 100_000);
  await expect.poll(() => peak(page, 'weights')).toBeGreaterThan(0);
  await expect.poll(() => peak(page, 'learning')).toBeGreaterThan(0);
  await expect(page.getByTestId('metrics')).toContainText('bimodality');
});
