/** LPL on image sequences: the flagship's live controls. */
import { expect, test, type Page } from '@playwright/test';
import LZString from 'lz-string';

const link = (p: Record<string, number> = {}) => '/#c=' + LZString.compressToEncodedURIComponent(JSON.stringify({ v: 1, e: 'lpl-sequences', s: 1, p }));
const metric = async (page: Page, key: string) => Number((await page.getByTestId(`metric-${key}`).textContent())?.replace(/[^0-9.eE+-]/g, ''));

test('receptive fields and the input frame draw; dragging λ to 0 lowers the shown variance within seconds of simulated time', async ({ page }) => {
  await page.goto(link());
  await expect(page.getByTestId('experiment')).toHaveValue('lpl-sequences');
  await expect.poll(async () => Number(await page.getByTestId('plot-canvas-rf').getAttribute('data-peak')), { timeout: 15_000 }).toBeGreaterThan(0);
  await expect.poll(async () => Number(await page.getByTestId('plot-canvas-frame').getAttribute('data-peak'))).toBeGreaterThan(0.5);
  // Train quickly, then watch at real time.
  await page.getByTestId('speed').selectOption({ label: 'as fast as possible' });
  await expect.poll(() => metric(page, 'frames'), { timeout: 30_000 }).toBeGreaterThanOrEqual(3000);
  await page.getByTestId('speed').selectOption({ label: '1× real time' });
  await page.waitForTimeout(600);
  const before = await metric(page, 'output_variance');
  expect(before).toBeGreaterThan(0.1);
  const t0 = await page.getByTestId('step').textContent();
  await page.getByTestId('param-lambda').fill('0');
  await expect.poll(() => metric(page, 'output_variance'), { timeout: 12_000 }).toBeLessThan(0.9 * before);
  // "Within a few seconds of simulated time": at 20 ms per frame, fewer than 500 frames (10 s).
  const elapsedFrames = Number(await page.getByTestId('step').textContent()) - Number(t0);
  expect(elapsedFrames).toBeLessThan(500);
});
