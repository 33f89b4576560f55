/**
 * The lecture view (issue 13), checked as the room sees it:
 * - 1920×1080 (a modern projector): story charts and their controls on the first screen;
 * - 1024×768: for every experiment its story charts and the controls acting on them are on the
 *   first screen together, nothing scrolls sideways, no legend covers data (each chart reports
 *   the data marks under its legend, counted from its own geometry), and the measurements card
 *   shows labels, not keys, and no raw containers;
 * - a 390×844 phone: no sideways scrolling, stacked controls, full-width charts, the share dialog
 *   fits, and a slider moves by touch.
 */
import { expect, test, type Page } from './fixtures';
import { EXPERIMENTS } from '../src-engine/experiments/registry';

/** Test id of a chart's figure (the spiking views keep their historical ids). */
const chartId = (id: string) => (id === 'rate-trace' || id === 'rate-histogram' ? id : `plot-${id}`);

/** Every box of the selector lies within the viewport (top ≥ 0, bottom ≤ height, right ≤ width). */
async function onFirstScreen(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const bad: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(sel)) {
      const b = el.getBoundingClientRect();
      if (b.top < -1 || b.bottom > window.innerHeight + 1 || b.right > window.innerWidth + 1 || b.width < 20 || b.height < 8)
        bad.push(`${el.dataset.testid ?? el.tagName}: ${Math.round(b.left)},${Math.round(b.top)}–${Math.round(b.right)},${Math.round(b.bottom)}`);
    }
    return bad;
  }, selector);
}

/** Opens the experiment (if not open) and checks its story charts and controls are on the first screen, with no sideways scrolling. */
async function storyOnFirstScreen(page: Page, def: (typeof EXPERIMENTS)[number], width: number): Promise<void> {
  if ((await page.getByTestId('experiment').inputValue()) !== def.id) await page.getByTestId('experiment').selectOption(def.id);
  await expect(page.getByTestId('summary')).toContainText(def.summary.slice(0, 40));
  const plots = def.primary?.plots ?? [];
  const controls = def.primary?.controls ?? [];
  // The story charts arrive with the first frames (some after the first steps).
  for (const id of plots) await expect(page.getByTestId(chartId(id)), `${def.id}: chart ${id}`).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  const boxes = [...plots.map((id) => `[data-testid="${chartId(id)}"]`), ...controls.map((k) => `[data-testid="param-${k}"]`)].join(',');
  expect(await page.locator(boxes).count()).toBe(plots.length + controls.length);
  expect(await onFirstScreen(page, boxes), `${def.id}: story charts and controls on the first screen`).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${def.id}: no sideways scrolling`).toBeLessThanOrEqual(width);
}

test('1024×768: every experiment shows its story charts beside its controls; legends clear of data; measurements labelled', async ({ browser }) => {
  const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
  // The first experiment is checked with the start strip (gallery) open; choosing the next one folds it.
  await page.goto('/');
  await expect(page.getByTestId('gallery')).toBeVisible();
  for (const def of EXPERIMENTS) {
    await test.step(def.id, async () => {
      await storyOnFirstScreen(page, def, 1024);

      // Legends: each drawn XY chart reports how many data marks lie under its legend.
      const legends = await page.locator('canvas[data-legend]').evaluateAll((cs) => cs.map((c) => `${c.getAttribute('data-testid')}:${c.getAttribute('data-legend')}:${c.getAttribute('data-legend-hits')}`));
      for (const l of legends) expect(l, `${def.id}: legend over data`).toMatch(/:0$/);

      // Measurements: labels (not keys), numbers or one-line summaries (no raw containers).
      const card = page.getByTestId('metrics');
      await expect(card.locator('dd').first()).toBeVisible();
      const text = (await card.textContent()) ?? '';
      expect(text, `${def.id}: raw containers in the card`).not.toMatch(/\[\d+ values\]|\{…\}|object Object/);
      const keys = await card.locator('dd').evaluateAll((dds) => dds.map((d) => d.getAttribute('data-testid')!.replace('metric-', '')));
      const labels = await card.locator('dt').allTextContents();
      keys.forEach((k, i) => expect(labels[i].trim(), `${def.id}: ${k} needs a label`).not.toBe(k.replace(/_/g, ' ')));
    });
  }
  await page.close();
});

test('1920×1080: every experiment shows its story charts and the controls acting on them on the first screen', async ({ browser }) => {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto('/');
  for (const def of EXPERIMENTS) {
    await test.step(def.id, async () => {
      await storyOnFirstScreen(page, def, 1920);
    });
  }
});

test('390×844 phone: no sideways scrolling, stacked controls, full-width charts, the share dialog fits, sliders work by touch', async ({ browser }) => {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await ctx.newPage();
  await page.goto('/');
  await expect(page.getByTestId('gallery')).toBeVisible();
  for (const id of ['balanced-ei', 'lpl-sequences', 'superspike-target']) {
    if ((await page.getByTestId('experiment').inputValue()) !== id) await page.getByTestId('experiment').selectOption(id);
    await expect(page.getByTestId('summary')).toContainText(EXPERIMENTS.find((e) => e.id === id)!.summary.slice(0, 40));
    const figure = page.locator(`[data-testid=primary-charts] > [data-chart="${EXPERIMENTS.find((e) => e.id === id)!.primary!.plots[0]}"]`);
    await expect(figure).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${id}: page width`).toBeLessThanOrEqual(390);
    const panel = await page.getByTestId('param-panel').boundingBox();
    const chart = await figure.boundingBox();
    // Controls stacked above the charts, both (almost) the full width.
    expect(panel!.width).toBeGreaterThan(340);
    expect(chart!.width).toBeGreaterThan(340);
    expect(chart!.y).toBeGreaterThan(panel!.y + panel!.height - 1);
  }
  // A slider moves by touch: tap near its right end. The page lays out again after the switch
  // (charts arrive), so the slider's box is read again before each tap until one lands.
  await page.getByTestId('experiment').selectOption('balanced-ei');
  await expect(page.getByTestId('summary')).toContainText(EXPERIMENTS.find((e) => e.id === 'balanced-ei')!.summary.slice(0, 40));
  const slider = page.getByTestId('param-v_th_mV');
  const before = await page.getByTestId('param-v_th_mV-value').inputValue();
  await expect(async () => {
    const box = (await slider.boundingBox())!;
    await page.touchscreen.tap(box.x + box.width * 0.9, box.y + box.height / 2);
    await expect(page.getByTestId('param-v_th_mV-value')).not.toHaveValue(before, { timeout: 1000 });
  }).toPass();

  // The share dialog fits the screen.
  await page.getByTestId('share').click();
  const dialog = page.getByTestId('share-dialog').getByRole('dialog');
  await expect(dialog).toBeVisible();
  const d = (await dialog.boundingBox())!;
  expect(d.x).toBeGreaterThanOrEqual(0);
  expect(d.x + d.width).toBeLessThanOrEqual(390);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await ctx.close();
});
