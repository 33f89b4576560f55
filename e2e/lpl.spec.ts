/** LPL on image sequences: the flagship's live controls. */
import { expect, test, type Page } from './fixtures';
import LZString from 'lz-string';
import { pauseNow } from './runControl';

const link = (p: Record<string, number> = {}) => '/#c=' + LZString.compressToEncodedURIComponent(JSON.stringify({ v: 2, e: 'lpl-sequences', s: 1, p }));
const metric = async (page: Page, key: string) => Number((await page.getByTestId(`metric-${key}`).textContent())?.replace(/[^0-9.eE+-]/g, ''));

test('receptive fields and the input frame draw; dragging λ to 0 lowers the shown variance within seconds of simulated time', async ({ page }) => {
  await page.goto(link());
  await expect(page.getByTestId('experiment')).toHaveValue('lpl-sequences');
  await expect.poll(async () => Number(await page.getByTestId('plot-canvas-rf').getAttribute('data-peak')), { timeout: 60_000 }).toBeGreaterThan(0);
  await expect.poll(async () => Number(await page.getByTestId('plot-canvas-frame').getAttribute('data-peak'))).toBeGreaterThan(0.5);
  // Train quickly, then pause and move on only by +100 ms clicks (5 frames each): the effect is
  // counted in simulated frames, whatever the speed of this machine.
  await page.getByTestId('speed').selectOption({ label: 'as fast as possible' });
  await expect.poll(() => metric(page, 'frames'), { timeout: 100_000 }).toBeGreaterThanOrEqual(3000);
  const t0 = await pauseNow(page);
  const before = await metric(page, 'output_variance');
  expect(before).toBeGreaterThan(0.1);
  await page.getByTestId('param-lambda').fill('0');
  // "Within a few seconds of simulated time": at 20 ms per frame, fewer than 500 frames (10 s).
  let step = t0;
  while (step - t0 < 500 && (await metric(page, 'output_variance')) >= 0.9 * before) {
    await page.getByTestId('step-100').click();
    await expect(page.getByTestId('step')).toHaveText(String((step += 5)));
  }
  expect(await metric(page, 'output_variance')).toBeLessThan(0.9 * before);
  expect(step - t0).toBeLessThan(500);
});
