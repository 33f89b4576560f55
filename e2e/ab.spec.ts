/**
 * A and B side by side (issue 17): one transport moves both runs; at every pause they are at the
 * same step, A's fingerprint is the CLI's on A's link and B's the CLI's on B's configuration as a
 * separate run (same seed, the one parameter changed); the one link reopens both.
 */
import { expect, test, type Page } from './fixtures';
import { decodeLink, encodeFragment } from '../src-engine/config/link';
import { readNumber, simCli, waitForStep } from './helpers';
import { openAt, pauseNow } from './runControl';

function bLink(aLink: string): string {
  const { config } = decodeLink(aLink);
  const b = { ...config, params: { ...config.params, v_th_mV: -51 }, events: config.events.filter((e) => e.key !== 'v_th_mV') };
  return `http://localhost/#${encodeFragment(b)}`;
}

async function both(page: Page) {
  return {
    a: await readNumber(page, 'ab-a-step'),
    b: await readNumber(page, 'ab-b-step'),
    fa: (await page.getByTestId('ab-a-fingerprint').textContent()) ?? '',
    fb: (await page.getByTestId('ab-b-fingerprint').textContent()) ?? '',
  };
}

test('A and B advance together and equal two separate runs', async ({ page, browser }) => {
  await page.goto('/?autoplay=0');
  await expect(page.getByTestId('fingerprint')).toHaveText(/^[0-9a-f]{16}$/);
  await expect(page.getByTestId('experiment')).toHaveValue('balanced-ei');
  await page.getByTestId('ab-key').selectOption('v_th_mV');
  await page.getByTestId('ab-value').fill('-51');
  // The box shows B's state as the worker reports it, so it turns checked once B is built.
  await page.getByTestId('ab-toggle').click();
  await expect(page.getByTestId('ab-toggle')).toBeChecked();
  await expect(page.getByTestId('ab-b-fingerprint')).toHaveText(/^[0-9a-f]{16}$/);
  for (let k = 1; k <= 2; k++) {
    await page.getByTestId('step-100').click();
    await expect(page.getByTestId('ab-b-step')).toHaveText(String(k * 1000));
    await expect(page.getByTestId('ab-a-step')).toHaveText(String(k * 1000));
  }
  // A change of another parameter acts on both.
  await page.getByTestId('param-w_inh_mV').fill('-12');
  await expect(page.getByTestId('param-w_inh_mV')).toHaveValue('-12');
  await page.getByTestId('play').click();
  await waitForStep(page, 9000);
  const end = await pauseNow(page);
  await expect(page.getByTestId('ab-b-step')).toHaveText(String(end));
  const r = await both(page);
  expect(r.a).toBe(end);
  const link = page.url();
  expect(decodeLink(link).view.ab).toEqual({ key: 'v_th_mV', value: -51 });
  expect(decodeLink(link).config.events).toEqual([{ step: 2000, key: 'w_inh_mV', value: -12 }]);
  expect(r.fa).toBe(simCli(link, end).fingerprint);
  expect(r.fb).toBe(simCli(bLink(link), end).fingerprint);
  expect(r.fb).not.toBe(r.fa);

  // The one link reopens both runs (here at step 3000: ?at= advances both).
  const fresh = await (await browser.newContext()).newPage();
  await openAt(fresh, link, 3000);
  await expect(fresh.getByTestId('ab-toggle')).toBeChecked();
  await expect(fresh.getByTestId('ab-b-fingerprint')).toHaveText(/^[0-9a-f]{16}$/);
  await expect(fresh.getByTestId('ab-b-step')).toHaveText('3000');
  const f = await both(fresh);
  expect(f.fa).toBe(simCli(link, 3000).fingerprint);
  expect(f.fb).toBe(simCli(bLink(link), 3000).fingerprint);
});
