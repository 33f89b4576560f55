/** LPL on image sequences: the flagship's live controls. */
import { expect, test, type Page } from './fixtures';
import LZString from 'lz-string';

const link = (p: Record<string, number> = {}) => '#c=' + LZString.compressToEncodedURIComponent(JSON.stringify({ v: 2, e: 'lpl-sequences', s: 1, p }));
const metric = async (page: Page, key: string) => Number((await page.getByTestId(`metric-${key}`).textContent())?.replace(/[^0-9.eE+-]/g, ''));

test('receptive fields and the input frame draw; dragging λ to 0 lowers the shown variance within seconds of simulated time', async ({ page }) => {
  // Trained for 500 frames (10 s of simulated time; the output variance is then about 100× its
  // untrained value), opened paused there (?at=500); from then on the run moves only by +100 ms
  // clicks (5 frames each): the effect is counted in simulated frames, whatever this machine's speed.
  const t0 = 500;
  await page.goto(`/?at=${t0}${link()}`);
  await expect(page.getByTestId('experiment')).toHaveValue('lpl-sequences');
  await expect(page.getByTestId('step')).toHaveText(String(t0));
  await expect(page.getByTestId('play')).toHaveText(/Play/);
  await expect.poll(async () => Number(await page.getByTestId('plot-canvas-rf').getAttribute('data-peak'))).toBeGreaterThan(0);
  await expect.poll(async () => Number(await page.getByTestId('plot-canvas-frame').getAttribute('data-peak'))).toBeGreaterThan(0.5);
  // The measurements shown are those of this step.
  await expect(page.getByTestId('metrics')).toHaveAttribute('data-step', String(t0));
  expect(await metric(page, 'frames')).toBe(t0);
  const before = await metric(page, 'output_variance');
  expect(before).toBeGreaterThan(0.1);
  expect(before).toBeGreaterThan(10 * (await metric(page, 'output_variance_initial')));
  await page.getByTestId('param-lambda').fill('0');
  await expect(page.getByTestId('param-lambda-value')).toHaveValue('0.00');
  // "Within a few seconds of simulated time": at 20 ms per frame, fewer than 500 frames (10 s).
  let step = t0;
  while (step - t0 < 500 && (await metric(page, 'output_variance')) >= 0.9 * before) {
    await page.getByTestId('step-100').click();
    await expect(page.getByTestId('step')).toHaveText(String((step += 5)));
    await expect(page.getByTestId('metrics')).toHaveAttribute('data-step', String(step));
  }
  expect(await metric(page, 'output_variance')).toBeLessThan(0.9 * before);
  expect(step - t0).toBeLessThan(500);
});
