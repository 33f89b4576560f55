/** Noisy integrate-and-fire neurons: the Monte-Carlo histogram and the Fokker–Planck curve follow σ live. */
import { expect, test, type Page } from './fixtures';
import LZString from 'lz-string';
import { readNumber } from './helpers';
import { stepTo } from './runControl';

const link = (e: string, p: Record<string, number> = {}) => '/#c=' + LZString.compressToEncodedURIComponent(JSON.stringify({ v: 2, e, s: 1, p }));
const peak = async (page: Page, id: string) => Number(await page.getByTestId(`plot-canvas-${id}`).getAttribute('data-peak'));

test('dragging σ reshapes both the V histogram and the Fokker–Planck density live', async ({ page }) => {
  // Paused, and moved on only by the transport (+100 ms of simulated time per click), so what is
  // checked after each change depends on simulated time, never on how fast this machine runs.
  await page.goto(link('fokker-planck', { n_neurons: 5000 }).replace('/#', '/?autoplay=0#'));
  await expect(page.getByTestId('experiment')).toHaveValue('fokker-planck');
  await stepTo(page, 1000);
  await expect.poll(() => peak(page, 'density')).toBeGreaterThan(0);
  await expect.poll(() => readNumber(page, 'metric-density_peak_fp')).toBeGreaterThan(0);
  const fp0 = await readNumber(page, 'metric-density_peak_fp');
  const mc0 = await readNumber(page, 'metric-density_peak_mc');
  const plot0 = await peak(page, 'density');
  // Default μ = 15, σ = 5 mV: the stationary peak is about 0.12 per mV, and the histogram agrees.
  expect(fp0).toBeGreaterThan(0.1);
  expect(fp0).toBeLessThan(0.15);
  expect(Math.abs(mc0 / fp0 - 1)).toBeLessThan(0.25);

  // σ 5 → 2 mV, then 200 ms (10 τm): the density has narrowed and the neurons have followed it.
  await page.getByTestId('param-sigma_mV').fill('2');
  await stepTo(page, 3000);
  await expect.poll(() => readNumber(page, 'metric-density_peak_fp')).toBeGreaterThan(2 * fp0);
  const fp1 = await readNumber(page, 'metric-density_peak_fp');
  await expect.poll(() => readNumber(page, 'metric-density_peak_mc')).toBeGreaterThan(0.8 * fp1);
  await expect.poll(() => peak(page, 'density')).toBeGreaterThan(1.8 * plot0);

  // And back: σ = 8 mV flattens both below the first state.
  await page.getByTestId('param-sigma_mV').fill('8');
  await stepTo(page, 5000);
  await expect.poll(() => readNumber(page, 'metric-density_peak_fp')).toBeLessThan(fp0);
  await expect.poll(() => readNumber(page, 'metric-density_peak_mc')).toBeLessThan(0.95 * mc0);
  await expect(page.getByTestId('messages')).toHaveCount(0);
});
