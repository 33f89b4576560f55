/**
 * Every lesson's "try this" steps, clicked in order in the real app, change what the lesson says
 * they change (the machine-checkable `expect` of each step); links highlight what they name.
 */
import { expect, test, type Page } from './fixtures';
import { LESSONS } from '../app/lessons';
import type { StepExpectation } from '../app/lessons/types';

const STEP_TIMEOUT = 90_000;

async function readTarget(page: Page, e: StepExpectation): Promise<string> {
  if (e.plot) return (await page.getByTestId(`plot-canvas-${e.plot}`).getAttribute('data-peak')) ?? '';
  return ((await page.getByTestId(`metric-${e.metric}`).textContent()) ?? '').trim();
}
const num = (s: string) => Number(s.replace(/[^0-9.eE+-]/g, ''));

function holds(e: StepExpectation, now: string, before: number): boolean {
  if (e.equals !== undefined) return now === e.equals;
  const x = num(now);
  if (now === '' || !Number.isFinite(x)) return false;
  if (e.above !== undefined && !(x > e.above)) return false;
  if (e.below !== undefined && !(x < e.below)) return false;
  if (e.change === 'rise' && !(x > (e.factor ?? 1.1) * before)) return false;
  if (e.change === 'fall' && !(x < (e.factor ?? 0.9) * before)) return false;
  return true;
}

/** The simulated time the timeline shows (its "t = 20.500 s" or "t = 500.0 ms"), in ms. */
async function shownMs(page: Page): Promise<number> {
  const m = /t = ([0-9.]+) (ms|s)/.exec((await page.getByTestId('timeline-time').textContent()) ?? '');
  return m ? Number(m[1]) * (m[2] === 's' ? 1000 : 1) : NaN;
}

/**
 * Waits until the run has passed `atMs`, pauses it and rewinds to exactly `atMs` (an exact replay
 * from the nearest checkpoint), so the expectation is read at the same simulated moment on any machine.
 */
async function pauseAt(page: Page, atMs: number, where: string): Promise<void> {
  await expect.poll(() => shownMs(page), { timeout: STEP_TIMEOUT, message: `${where}: waiting for t ≥ ${atMs} ms` }).toBeGreaterThanOrEqual(atMs);
  await page.getByTestId('play').click();
  await expect(page.getByTestId('play')).toContainText('Play');
  await page.getByTestId('timeline-goto').fill(String(atMs));
  await page.getByTestId('timeline-seek').click();
  await expect(page.getByTestId('timeline-note')).toContainText('Rewound to');
  await expect.poll(() => shownMs(page), { message: `${where}: rewound to ${atMs} ms` }).toBe(atMs);
}

test('the start page shows the gallery beside the running default experiment; presets open their experiment', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('gallery')).toBeVisible();
  await expect.poll(() => page.getByTestId('step').textContent().then(Number), { timeout: 20_000 }).toBeGreaterThan(0);
  const thumbs = page.getByTestId('gallery').locator('img');
  expect(await thumbs.count()).toBeGreaterThanOrEqual(6);
  for (const img of await thumbs.all()) {
    await img.scrollIntoViewIfNeeded(); // thumbnails load lazily as the row scrolls
    await expect.poll(() => img.evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  }
  await page.getByTestId('preset-triplet-50hz').click();
  await expect(page.getByTestId('experiment')).toHaveValue('stdp-window');
  await expect(page.getByTestId('param-rule')).toHaveValue('2');
  await expect(page.getByTestId('gallery')).toHaveCount(0);
  await expect(page.getByTestId('gallery-open')).toBeVisible();
});

for (const lesson of LESSONS) {
  test(`lesson "${lesson.title}": each step changes what it says it changes`, async ({ page }) => {
    test.setTimeout(Math.max(600_000, 60_000 + lesson.steps.length * STEP_TIMEOUT));
    await page.goto('/');
    await page.getByTestId(`lesson-open-${lesson.id}`).click();
    // The panel and KaTeX are a lazily loaded chunk: allow for a slow, shared machine.
    await expect(page.getByTestId('lesson-panel')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('experiment')).toHaveValue(lesson.experiment, { timeout: 30_000 });
    await expect(page.getByTestId('lesson-panel').locator('.katex').first()).toBeVisible();
    // A link in the text highlights the control it names.
    const link = page.getByTestId('lesson-panel').locator('[data-testid^="lesson-ref-param-"]').first();
    const key = ((await link.getAttribute('data-testid')) ?? '').replace('lesson-ref-param-', '');
    await link.click();
    await expect(page.locator('.param.lesson-highlight').getByTestId(`param-${key}`)).toHaveCount(1);
    // Every expectation is about simulated time (a metric after the run has moved on), so the
    // walkthrough runs as fast as the machine allows instead of waiting at 1× real time. A
    // computed experiment (stdp-window) has no speed control; the choice is kept when a step
    // moves to a simulated one, so it is made as soon as a simulated experiment shows it.
    const fastest = async () => {
      const speed = page.getByTestId('speed');
      if ((await speed.count()) > 0) await speed.selectOption({ label: 'as fast as possible' });
    };
    await fastest();

    for (const [k, step] of lesson.steps.entries()) {
      const e = step.expect;
      let before = NaN;
      if (e.change) {
        await expect.poll(async () => num(await readTarget(page, e)), { timeout: STEP_TIMEOUT, message: `${step.label}: value before` }).not.toBeNaN();
        before = num(await readTarget(page, e));
      }
      await page.getByTestId(`lesson-step-${k}`).click();
      if (step.experiment) {
        await expect(page.getByTestId('experiment')).toHaveValue(step.experiment);
        await expect(page.getByTestId('toolbar').or(page.getByTestId('copy-link')).first()).toBeVisible();
        await fastest();
      }
      if (e.when) {
        const gate = e.when;
        await expect.poll(async () => num(await readTarget(page, { metric: gate.metric })), { timeout: STEP_TIMEOUT, message: `${step.label}: waiting for ${gate.metric}` }).toBeGreaterThan(gate.above);
      }
      if (e.atMs !== undefined) await pauseAt(page, e.atMs, `step ${k + 1} "${step.label}"`);
      await expect
        .poll(async () => holds(e, await readTarget(page, e), before), { timeout: STEP_TIMEOUT, message: `step ${k + 1} "${step.label}": ${JSON.stringify(e)} (before ${before})` })
        .toBe(true);
      if (e.atMs !== undefined) await page.getByTestId('play').click();
      for (const [p, v] of Object.entries(step.set)) {
        const el = page.getByTestId(`param-${p}`);
        if ((await el.evaluate((x) => x.tagName)) === 'SELECT') await expect(el).toHaveValue(String(v));
        else await expect.poll(async () => num((await page.getByTestId(`param-${p}-value`).inputValue()) || 'x')).toBeCloseTo(v, 6);
      }
    }
    await expect(page.getByTestId('messages')).toHaveCount(0);
  });
}
