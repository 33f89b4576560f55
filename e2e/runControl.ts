/** Driving a run to an exact step: from the UI (pause, +100 ms, Step 1 ms, → single step), or by opening its link at the step (?at=N). */
import { expect, type Page } from '@playwright/test';
import { readNumber } from './helpers';

/** Pauses (if playing) and waits until the step readout stops moving; returns the step. */
export async function pauseNow(page: Page): Promise<number> {
  const play = page.getByTestId('play');
  if (/Pause/.test((await play.textContent()) ?? '')) await play.click();
  await expect(play).toHaveText(/Play/);
  let prev = -1;
  for (;;) {
    await page.waitForTimeout(150);
    const s = await readNumber(page, 'step');
    if (s === prev) return s;
    prev = s;
  }
}

async function clickAndWait(page: Page, testIdOrKey: { testId?: string; key?: string }, expectStep: number): Promise<void> {
  if (testIdOrKey.testId) await page.getByTestId(testIdOrKey.testId).click();
  else await page.keyboard.press(testIdOrKey.key!);
  await expect(page.getByTestId('step')).toHaveText(String(expectStep));
}

/**
 * Brings a paused run forward to exactly `target` completed steps using only the transport
 * controls; returns the fingerprint there. (Reset would drop the recorded changes, so a run
 * that must replay a link is opened with ?autoplay=0 and only ever moved forward.)
 */
export async function stepTo(page: Page, target: number, dtMs = 0.1): Promise<string> {
  let step = await pauseNow(page);
  if (step > target) throw new Error(`the run is already at step ${step}, past ${target}`);
  const per100 = Math.round(100 / dtMs), per1 = Math.max(1, Math.round(1 / dtMs));
  while (target - step >= per100) await clickAndWait(page, { testId: 'step-100' }, (step += per100));
  while (target - step >= per1) await clickAndWait(page, { testId: 'step-once' }, (step += per1));
  // Single integration steps from the keyboard (→); focus the page, not a slider.
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  while (step < target) await clickAndWait(page, { key: 'ArrowRight' }, (step += 1));
  return (await page.getByTestId('fingerprint').textContent()) ?? '';
}

/**
 * Opens `link` (path or URL with a #c= fragment) paused at exactly `step` with the link's ?at=
 * (the worker replays it there as fast as it can); returns the fingerprint there.
 */
export async function openAt(page: Page, link: string, step: number): Promise<string> {
  const url = new URL(link, 'http://localhost/');
  url.searchParams.delete('autoplay');
  url.searchParams.set('at', String(step));
  await page.goto(/^https?:/.test(link) ? url.href : url.pathname + url.search + url.hash);
  await expect(page.getByTestId('step')).toHaveText(String(step));
  await expect(page.getByTestId('play')).toHaveText(/Play/);
  await expect(page.getByTestId('fingerprint')).toHaveText(/^[0-9a-f]{16}$/);
  return (await page.getByTestId('fingerprint').textContent()) ?? '';
}
