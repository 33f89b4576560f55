/**
 * Works offline (issue 17): after one visit the service worker controls the page; with the
 * network gone a reload still opens the app, cross-origin isolated, and every registered
 * experiment opens and runs (the MNIST data and the 3D view's chunk come from the cache).
 */
import { expect, test } from './fixtures';
import { readNumber } from './helpers';

test('after one visit every experiment opens and runs offline', async ({ page, context }) => {
  await page.goto('/');
  await expect(page.getByTestId('offline-status')).toHaveAttribute('data-state', 'ready', { timeout: 120_000 });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  // The manifest makes the page installable: name and icons generated at build time.
  const manifest = await page.evaluate(async () => {
    const href = document.querySelector('link[rel="manifest"]')?.getAttribute('href');
    return href ? ((await (await fetch(href)).json()) as { name: string; icons: { src: string; sizes: string }[] }) : null;
  });
  expect(manifest?.name).toBe('Plasticity Playground');
  expect(manifest?.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));

  await context.setOffline(true);
  await page.reload();
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  await expect(page.getByTestId('offline-status')).toContainText('Offline');
  // Responses from the cache keep COOP/COEP: the page stays cross-origin isolated.
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  // An icon that was never requested online comes from the precache.
  expect(await page.evaluate(async () => (await fetch('/icons/icon-512.png')).status)).toBe(200);

  const picker = page.getByTestId('experiment');
  await expect(picker.locator('option')).not.toHaveCount(0);
  const ids = await picker.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  expect(ids.length).toBeGreaterThanOrEqual(15);
  for (const id of ids) {
    await picker.selectOption(id);
    await expect(picker).toHaveValue(id);
    await expect(page.getByTestId('messages')).toHaveCount(0);
    if (await page.getByTestId('play').count()) {
      // Simulated: the step counter advances from 0 (the run was rebuilt for this experiment).
      await expect.poll(() => readNumber(page, 'step'), { timeout: 120_000, message: `${id} runs offline` }).toBeGreaterThanOrEqual(20);
    } else {
      // Computed: its first chart has data.
      await expect.poll(async () => Number(await page.locator('[data-testid^="plot-canvas-"]').first().getAttribute('data-peak')), { timeout: 60_000, message: `${id} draws offline` }).toBeGreaterThan(0);
    }
  }
  // The 3D view (a lazily loaded chunk) renders offline.
  await picker.selectOption('folded-autoencoder');
  await expect.poll(async () => Number(await page.getByTestId('plot-canvas-landscape').getAttribute('data-peak')), { timeout: 120_000 }).toBeGreaterThan(0);
});
