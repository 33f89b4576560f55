/**
 * Hear the spikes (issue 17): with sound on and one neuron chosen, the clicks handed to the
 * audio graph (the page's tap, window.__spikeAudio) are exactly that neuron's spikes, step for
 * step, over the run so far: single steps while paused and a stretch of playing. The reference
 * is the engine run in Node on the same link; nothing depends on wall-clock speed.
 */
import { expect, test } from './fixtures';
import { decodeLink } from '../src-engine/config/link';
import { SpikeMonitor } from '../src-engine/monitors/spikeMonitor';
import { Session } from '../src-engine/run/session';
import { waitForStep } from './helpers';
import { pauseNow } from './runControl';

const NEURON = 7;

test('sound clicks match the chosen neuron\'s spikes', async ({ page }) => {
  await page.goto('/?autoplay=0');
  await expect(page.getByTestId('fingerprint')).toHaveText(/^[0-9a-f]{16}$/);
  await expect(page.getByTestId('experiment')).toHaveValue('balanced-ei');
  await expect(page.getByTestId('sound-toggle')).not.toBeChecked();
  await page.getByTestId('sound-toggle').check();
  await page.getByTestId('sound-neuron').fill(String(NEURON));
  await expect(page.getByTestId('sound-status')).toContainText('Every spike clicks');
  for (let k = 1; k <= 3; k++) {
    await page.getByTestId('step-100').click();
    await expect(page.getByTestId('step')).toHaveText(String(k * 1000));
  }
  await page.getByTestId('play').click();
  await waitForStep(page, 8000);
  const end = await pauseNow(page);
  const clicks = await page.evaluate(() => (window as unknown as { __spikeAudio: { steps: number[] } }).__spikeAudio.steps.slice());

  const { config, messages } = decodeLink(page.url());
  expect(messages).toEqual([]);
  const s = new Session(config);
  const mon = s.run.network.add(new SpikeMonitor(s.run.network, 1 << 20));
  s.advance(end);
  const b = mon.read(0);
  const expected: number[] = [];
  for (let i = 0; i < b.ids.length; i++) if (b.ids[i] === NEURON) expected.push(b.steps[i]);
  expect(expected.length).toBeGreaterThan(5);
  expect(clicks).toEqual(expected);
  // Another neuron's clicks are different: the tap is not echoing every spike.
  await page.getByTestId('sound-neuron').fill(String(NEURON + 1));
  await page.getByTestId('step-100').click();
  await expect(page.getByTestId('step')).toHaveText(String(end + 1000));
  const after = await page.evaluate(() => (window as unknown as { __spikeAudio: { steps: number[] } }).__spikeAudio.steps.slice());
  s.advance(1000);
  const b2 = mon.read(b.ids.length);
  const expected2: number[] = [];
  for (let i = 0; i < b2.ids.length; i++) if (b2.ids[i] === NEURON + 1) expected2.push(b2.steps[i]);
  expect(after).toEqual(expected2);

  // A rate-coded experiment has no spikes: the sound follows a chart series as a pitch.
  await page.getByTestId('experiment').selectOption('hebb-compensation');
  await expect(page.getByTestId('sound-source')).toHaveValue(/^series:/);
  await expect(page.getByTestId('sound-status')).toContainText(/Pitch \d+ Hz/, { timeout: 60_000 });
  const hz = Number(/Pitch (\d+) Hz/.exec((await page.getByTestId('sound-status').textContent()) ?? '')![1]);
  expect(hz).toBeGreaterThanOrEqual(220);
  expect(hz).toBeLessThanOrEqual(880);
});
