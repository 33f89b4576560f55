/**
 * Keyboard, focus and accessibility (issue 13): Space presses the focused button instead of
 * toggling play; dialogs take, trap and give back focus; the lesson panel takes focus; the
 * experiment picker opens an experiment on commit, not on every arrow key; `f` shows a chart
 * full screen; axe finds no serious or critical violations (default page, lesson open, share
 * dialog open). Also: a link pasted into the open tab opens its run, and "Restore defaults" is
 * recorded in the link like any change.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './fixtures';
import LZString from 'lz-string';
import { EXPERIMENTS } from '../src-engine/experiments/registry';
import { waitForStep } from './helpers';

const wireOf = (url: string) => JSON.parse(LZString.decompressFromEncodedURIComponent(url.split('#c=')[1])!);
/** The value a link gives a parameter: its last recorded change, else its initial value. */
function valueIn(url: string, key: string): number | undefined {
  const w = wireOf(url);
  const ev = ((w.ev ?? []) as [number, string, number][]).filter((e) => e[1] === key);
  return ev.length ? ev[ev.length - 1][2] : w.p?.[key];
}
const summaryOf = (id: string) => EXPERIMENTS.find((e) => e.id === id)!.summary.slice(0, 40);

async function seriousViolations(page: Page, where: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${where}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`);
}

test('keyboard: buttons take Space, dialogs hold focus and give it back, f shows a chart full screen; axe finds nothing serious', async ({ page }) => {
  await page.goto('/');
  await waitForStep(page, 1);
  expect(await seriousViolations(page, 'default page')).toEqual([]);

  // Space on a focused button presses it; play/pause is untouched.
  await expect(page.getByTestId('play')).toHaveText(/Pause/);
  await page.getByTestId('share').focus();
  await page.keyboard.press(' ');
  const dialog = page.getByRole('dialog', { name: 'Share and export' });
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('play')).toHaveText(/Pause/);
  // The dialog took focus and keeps it through a full round of Tab.
  expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  const stops = await dialog.evaluate((d) => d.querySelectorAll('a[href], button, input:not([type=hidden]), select').length);
  for (let i = 0; i < stops + 2; i++) await page.keyboard.press('Tab');
  expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+Tab');
  expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  expect(await seriousViolations(page, 'share dialog')).toEqual([]);
  // Esc closes it and focus returns to the Share button.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('share')).toBeFocused();

  // A focused checkbox takes Space itself (projector mode toggles; the run keeps playing).
  await page.getByTestId('compare').focus();
  await page.keyboard.press(' ');
  await expect(page.getByTestId('compare')).toBeChecked();
  await expect(page.getByTestId('play')).toHaveText(/Pause/);
  // With nothing focused, Space is play/pause.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press(' ');
  await expect(page.getByTestId('play')).toHaveText(/Play/);

  // f: the first story chart fills the window; Esc leaves full screen.
  await page.mouse.move(1, 1);
  await page.keyboard.press('f');
  const full = page.locator('figure.fullscreen');
  await expect(full).toHaveCount(1);
  const box = (await full.boundingBox())!;
  expect(box.width).toBeGreaterThan(1350);
  expect(box.height).toBeGreaterThan(850);
  await page.keyboard.press('Escape');
  await expect(full).toHaveCount(0);
  // The button does the same.
  await page.getByTestId('fullscreen-rate-trace').click();
  await expect(page.getByTestId('rate-trace')).toHaveClass(/fullscreen/);
  await page.getByTestId('fullscreen-rate-trace').click();
  await expect(page.getByTestId('rate-trace')).not.toHaveClass(/fullscreen/);

  // A lesson panel takes focus when it opens (no Tab marathon to reach it).
  await page.getByTestId('lesson-select').selectOption('stdp');
  const lesson = page.getByTestId('lesson-panel');
  await expect(lesson).toBeVisible();
  await expect.poll(() => lesson.evaluate((l) => l.contains(document.activeElement))).toBe(true);
  await expect(page.getByTestId('lesson-select')).not.toHaveValue('');
  await expect(lesson.locator('.katex').first()).toBeVisible();
  expect(await seriousViolations(page, 'lesson open')).toEqual([]);
  await page.getByTestId('lesson-close').click();
  await expect(lesson).toHaveCount(0);
});

test('the experiment picker opens an experiment on commit, not on every arrow key', async ({ page }) => {
  await page.goto('/');
  await waitForStep(page, 1);
  const order = EXPERIMENTS.map((e) => e.id);
  // Record every summary the header shows from now on.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { seen: string[] }).seen = seen;
    const el = document.querySelector('[data-testid=summary]')!;
    new MutationObserver(() => seen.push(el.textContent ?? '')).observe(el, { subtree: true, characterData: true, childList: true });
  });
  const select = page.getByTestId('experiment');
  await select.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(select).toHaveValue(order[2]);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('summary')).toContainText(summaryOf(order[2]));
  const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
  expect(seen.some((s) => s.includes(summaryOf(order[1])))).toBe(false);
});

test('a pasted link opens its run; Restore defaults is recorded in the link', async ({ page }) => {
  await page.goto('/');
  await waitForStep(page, 1);
  await page.getByTestId('experiment').selectOption('stdp-window');
  await expect(page.getByTestId('summary')).toContainText(summaryOf('stdp-window'));
  await page.getByTestId('param-a_plus-value').fill('0.008');
  await page.getByTestId('param-a_plus-value').press('Enter');
  await expect.poll(() => valueIn(page.url(), 'a_plus')).toBe(0.008);
  const stdpLink = page.url();

  // Back to the default experiment, then paste the stdp link into the address bar (only the fragment changes).
  await page.getByTestId('experiment').selectOption('balanced-ei');
  await expect(page.getByTestId('summary')).toContainText(summaryOf('balanced-ei'));
  await page.evaluate((hash) => (window.location.hash = hash), new URL(stdpLink).hash);
  await expect(page.getByTestId('experiment')).toHaveValue('stdp-window');
  await expect(page.getByTestId('param-a_plus-value')).toHaveValue('0.0080');

  // Restore defaults: A+ back to its default, and the link says so.
  const def = EXPERIMENTS.find((e) => e.id === 'stdp-window')!.params.find((p) => p.key === 'a_plus')!.default;
  await page.getByTestId('restore-defaults').click();
  await expect.poll(() => valueIn(page.url(), 'a_plus') ?? def).toBe(def);
  await expect(page.getByTestId('restore-defaults')).toBeDisabled();

  // A live change in a simulated run, then Restore defaults: recorded as an event at its step.
  await page.getByTestId('experiment').selectOption('balanced-ei');
  await waitForStep(page, 100);
  await page.getByTestId('param-v_th_mV-value').fill('-52');
  await page.getByTestId('param-v_th_mV-value').press('Enter');
  await expect.poll(() => (wireOf(page.url()).ev ?? []).length).toBe(1);
  await page.getByTestId('restore-defaults').click();
  await expect.poll(() => (wireOf(page.url()).ev ?? []).length).toBe(2);
  const ev = wireOf(page.url()).ev;
  expect(ev[1][1]).toBe('v_th_mV');
  expect(ev[1][2]).toBe(EXPERIMENTS[0].params.find((p) => p.key === 'v_th_mV')!.default);
});
