/**
 * Presentation and view settings: projector mode, embed mode with a classroom link (hidden
 * panels and controls travel in the link), raster neuron selection, long-timeline warning,
 * persistence across reloads and worker restarts, and the before/after comparison.
 */
import { expect, test, type Page } from './fixtures';
import LZString from 'lz-string';
import { colouredPixels, readNumber, waitForStep } from './helpers';

/** Pixels of exactly this colour on a canvas (the palette check). */
async function pixelsOf(page: Page, testId: string, rgb: [number, number, number]): Promise<number> {
  return page.getByTestId(testId).evaluate((el, c) => {
    const cv = el as HTMLCanvasElement;
    const d = cv.getContext('2d')!.getImageData(0, 0, cv.width, cv.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] === c[0] && d[i + 1] === c[1] && d[i + 2] === c[2]) n++;
    return n;
  }, rgb);
}

const wireOf = (link: string) => JSON.parse(LZString.decompressFromEncodedURIComponent(link.split('#c=')[1])!);

test('projector mode: large type, Okabe–Ito colours, plots drawn; it switches off again', async ({ page }) => {
  await page.goto('/?projector=1');
  await expect(page.locator('.app.projector')).toBeVisible();
  await waitForStep(page, 2000);
  expect(await colouredPixels(page, 'raster')).toBeGreaterThan(200);
  expect(await pixelsOf(page, 'raster', [0x00, 0x72, 0xb2])).toBeGreaterThan(50); // Okabe–Ito blue (excitatory)
  expect(await pixelsOf(page, 'raster', [0xd5, 0x5e, 0x00])).toBeGreaterThan(10); // vermillion (inhibitory)
  const size = await page.locator('.app').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(20);
  // The screenshot of the plots is not blank.
  const shot = await page.getByTestId('plot-raster').screenshot();
  expect(shot.length).toBeGreaterThan(20_000);
  await page.getByTestId('projector').uncheck();
  await expect(page.locator('.app.projector')).toHaveCount(0);
  await expect.poll(() => pixelsOf(page, 'raster', [0x1f, 0x6f, 0xd1])).toBeGreaterThan(50); // the normal blue again
});

test('classroom link: unticked panels and controls are hidden for whoever opens it, also embedded', async ({ browser }) => {
  const page = await browser.newPage();
  await page.goto('/');
  await waitForStep(page, 500);
  await page.getByTestId('share').click();
  const dialog = page.getByTestId('share-dialog');
  for (const id of ['plot:rate-histogram', 'panel:metrics']) await dialog.getByTestId(`show-${id}`).uncheck();
  const controls = await dialog.getByTestId('share-controls').locator('input[type=checkbox]').all();
  for (const c of controls) if ((await c.getAttribute('data-testid')) !== 'show-param:v_th_mV') await c.uncheck();
  // The link follows once the worker has stored each change: 2 panels + every control but one.
  const hiddenInLink = async () => wireOf(await dialog.getByTestId('share-link').inputValue()).u?.h?.length ?? 0;
  await expect.poll(hiddenInLink).toBe(2 + controls.length - 1);
  const link = await dialog.getByTestId('share-link').inputValue();
  expect(wireOf(link).u.h).toContain('plot:rate-histogram');
  expect(wireOf(link).u.h).not.toContain('param:v_th_mV');
  await expect(dialog.getByTestId('link-length')).toContainText('characters');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('rate-histogram')).toHaveCount(0);
  // Done with the author's page: closed, so its run does not compete with the two below for the CPU.
  await page.close();

  // Opened embedded: no header or menus, only the chosen plots and the one slider, drawing.
  const embed = await (await browser.newContext({ viewport: { width: 1000, height: 700 } })).newPage();
  await embed.goto(link.replace('#', '?embed=1#'));
  await expect(embed.getByTestId('embed')).toBeVisible();
  await expect(embed.getByTestId('experiment')).toHaveCount(0);
  await expect(embed.getByTestId('rate-histogram')).toHaveCount(0);
  await expect(embed.getByTestId('metrics')).toHaveCount(0);
  await expect(embed.getByTestId('param-v_th_mV')).toBeVisible();
  await expect(embed.getByTestId('param-w_inh_mV')).toHaveCount(0);
  await waitForStep(embed, 2000);
  expect(await colouredPixels(embed, 'raster')).toBeGreaterThan(200);
  await expect(embed.getByTestId('rate-trace')).toBeVisible();
  const shot = await embed.screenshot();
  expect(shot.length).toBeGreaterThan(30_000);
  await embed.close();

  // Opened normally: the note says what is hidden, and the viewer may show it all.
  const full = await (await browser.newContext()).newPage();
  await full.goto(link);
  await expect(full.getByTestId('hidden-note')).toContainText('hidden by this link');
  await expect(full.getByTestId('rate-histogram')).toHaveCount(0);
  await full.getByTestId('reveal-hidden').click();
  await expect(full.getByTestId('rate-histogram')).toBeVisible();
  await expect(full.getByTestId('param-w_inh_mV')).toBeVisible();
});

test('the raster shows the chosen neurons, and the choice is in the link', async ({ page }) => {
  await page.goto('/');
  await waitForStep(page, 3000);
  await page.getByTestId('play').click();
  const all = Number(await page.getByTestId('raster').getAttribute('data-drawn-spikes'));
  await page.getByTestId('raster-mode').selectOption('range');
  await page.getByTestId('raster-from').fill('800');
  await page.getByTestId('raster-to').fill('1000');
  await page.getByTestId('raster-to').press('Enter');
  await expect(page.getByTestId('plot-raster')).toContainText('neurons 800–999');
  await expect.poll(async () => Number(await page.getByTestId('raster').getAttribute('data-drawn-spikes'))).toBeLessThan(all * 0.35);
  expect(wireOf(page.url()).u.r).toEqual([2, 800, 1000]);
  const inhOnly = Number(await page.getByTestId('raster').getAttribute('data-drawn-spikes'));
  expect(inhOnly).toBeGreaterThan(0);
  await page.getByTestId('raster-mode').selectOption('sample');
  await page.getByTestId('raster-sample').fill('100');
  await page.getByTestId('raster-sample').press('Enter');
  await expect(page.getByTestId('plot-raster')).toContainText('a sample of 100 neurons');
  await expect.poll(async () => Number(await page.getByTestId('raster').getAttribute('data-drawn-spikes'))).toBeLessThan(all * 0.2);
});

test('a timeline too long to share says so and offers the configuration file', async ({ page }) => {
  // 400 recorded threshold changes: a valid link, but far beyond what chat and mail keep intact.
  const ev = Array.from({ length: 400 }, (_, i) => [10 * (i + 1), 'v_th_mV', -50 + ((i * 7919) % 997) / 500]);
  const wire = { v: 2, e: 'balanced-ei', s: 7, ev };
  await page.goto('/?autoplay=0#c=' + LZString.compressToEncodedURIComponent(JSON.stringify(wire)));
  await expect(page.getByTestId('step')).toHaveText('0');
  await page.getByTestId('share').click();
  await expect(page.getByTestId('link-too-long')).toContainText('configuration file');
  await expect(page.getByTestId('action-download-config')).toBeVisible();
  await expect(page.getByTestId('link-length')).toContainText('400 recorded changes');
});

test('the configuration survives a reload and a worker restart', async ({ page }) => {
  await page.goto('/');
  await waitForStep(page, 500);
  await page.getByTestId('param-w_inh_mV-value').fill('-12');
  await page.getByTestId('param-w_inh_mV-value').press('Enter');
  await page.getByTestId('panels-menu').click();
  await page.getByTestId('show-plot:rate-trace').uncheck();
  await expect(page.getByTestId('rate-trace')).toHaveCount(0);
  await expect(page.getByTestId('param-w_inh_mV-value')).toHaveValue('-12.0');
  // The panel hides at the click; the link (and its stored copy) follows once the worker has
  // taken the change. Reload only when the address bar's link holds both changes.
  await expect
    .poll(() => {
      const m = /c=([^&]+)/.exec(new URL(page.url()).hash);
      const wire = m ? JSON.parse(LZString.decompressFromEncodedURIComponent(m[1]) ?? '{}') : {};
      return (wire.u?.h ?? []).includes('plot:rate-trace') && JSON.stringify(wire).includes('w_inh_mV');
    })
    .toBe(true);

  // A visit without a link continues from local storage.
  await page.goto('/');
  await expect(page.getByTestId('messages')).toContainText('Continued with your last configuration');
  // The change was recorded at its step: the run replays it, and the panel follows.
  await expect(page.getByTestId('param-w_inh_mV-value')).toHaveValue('-12.0');
  await expect(page.getByTestId('rate-trace')).toHaveCount(0);
  await waitForStep(page, 500);

  // The worker dies: a new one takes over with the same settings and the run goes on.
  await page.getByTestId('speed').selectOption({ label: '2×' });
  const worker = page.workers()[0];
  await worker.evaluate(() => (self as unknown as { close(): void }).close()).catch(() => undefined);
  await expect(page.getByTestId('messages')).toContainText('was restarted', { timeout: 30_000 });
  await expect(page.getByTestId('param-w_inh_mV-value')).toHaveValue('-12.0');
  await expect(page.getByTestId('rate-trace')).toHaveCount(0);
  await expect(page.getByTestId('speed')).toHaveValue('2000');
  const s = await readNumber(page, 'step');
  await waitForStep(page, s + 500);
});

test('compare runs: the curves from before a change stay as a faded overlay', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('experiment').selectOption('stdp-window');
  const canvas = page.locator('[data-testid=primary-charts] canvas').first();
  await expect.poll(async () => Number(await canvas.getAttribute('data-peak'))).toBeGreaterThan(0);
  const id = ((await page.locator('[data-testid=primary-charts] figure').first().getAttribute('data-testid')) ?? '').replace(/^plot-/, '');
  await page.getByTestId('compare').check();
  await expect(page.getByTestId('compare-note')).toContainText('change a parameter');
  const before = Number(await canvas.getAttribute('data-peak'));
  await page.getByTestId('param-a_plus-value').fill('0.02');
  await page.getByTestId('param-a_plus-value').press('Enter');
  await expect(page.getByTestId('compare-note')).toContainText('A+: 0.005 → 0.02');
  // The chart's data now holds both runs: "(before)" series with the old values.
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-csv-${id}`).click()]);
  const csv = (await import('node:fs')).readFileSync((await dl.path())!, 'utf8');
  expect(csv).toContain('(before)');
  await expect.poll(async () => Number(await canvas.getAttribute('data-peak'))).toBeGreaterThan(before * 2);
  await page.getByTestId('compare').uncheck();
  const [dl2] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-csv-${id}`).click()]);
  expect((await import('node:fs')).readFileSync((await dl2.path())!, 'utf8')).not.toContain('(before)');
});
