/**
 * Keyboard shortcuts and downloads: every chart as PNG, SVG and CSV (checked for validity and
 * content), and the configuration as JSON that imports again to the same fingerprint.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Download, type Page } from './fixtures';
import LZString from 'lz-string';
import { openMoreParams, waitForStep } from './helpers';
import { openAt, pauseNow, stepTo } from './runControl';

const bodyKey = async (page: Page, key: string) => {
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press(key);
};

test('keyboard: space, →, ., r, l and ? do what the help says', async ({ browser }) => {
  const ctx = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await ctx.newPage();
  await page.goto('/');
  await waitForStep(page, 200);
  await bodyKey(page, ' ');
  await expect(page.getByTestId('play')).toHaveText(/Play/);
  const s0 = await pauseNow(page);
  await bodyKey(page, 'ArrowRight');
  await expect(page.getByTestId('step')).toHaveText(String(s0 + 1));
  await page.keyboard.press('.');
  await expect(page.getByTestId('step')).toHaveText(String(s0 + 11));
  await page.keyboard.press('r');
  await expect(page.getByTestId('step')).toHaveText('0');
  await page.keyboard.press(' ');
  await expect(page.getByTestId('play')).toHaveText(/Pause/);
  await waitForStep(page, 100);
  await page.keyboard.press('l');
  await expect(page.getByRole('status')).toHaveText('Link copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
  await page.keyboard.press('?');
  const help = page.getByTestId('shortcuts-help');
  await expect(help).toBeVisible();
  for (const k of ['Space', '→', '.', 'r', 'l', '?']) await expect(help.getByText(k, { exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  // Typing in a number box is not a shortcut: 'r' goes into the box and the run is not reset.
  const s1 = await pauseNow(page);
  const box = page.getByTestId('param-v_th_mV-value');
  await box.fill('-5');
  await box.press('r');
  await expect(box).toHaveValue('-5r');
  // A reset, had 'r' triggered one, would reach the worker before this step: the run must go on from s1.
  await page.getByTestId('step-once').click();
  await expect(page.getByTestId('step')).toHaveText(String(s1 + 10));
  await ctx.close();
});

async function saved(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: (dl as Download).suggestedFilename(), bytes: readFileSync((await dl.path())!) };
}

test('each chart downloads as a valid PNG, SVG and CSV', async ({ page }) => {
  await page.goto('/');
  await waitForStep(page, 3000);
  const step = await pauseNow(page);
  // Nine downloads from this page, each file checked once. Chromium drops the eleventh of a quick
  // run of downloads from one page (measured: ten in a row arrive, the eleventh never starts), so
  // the CSVs checked in detail below are the ones this loop saved, not second downloads.
  const csvs: Record<string, string[]> = {};
  for (const id of ['raster', 'rate-trace', 'rate-histogram']) {
    const png = await saved(page, `export-png-${id}`);
    expect(png.name).toBe(`balanced-ei_${id}_step${step}.png`);
    expect(png.bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(png.bytes.length).toBeGreaterThan(2000);

    const svg = await saved(page, `export-svg-${id}`);
    const text = svg.bytes.toString('utf8');
    // Well-formed XML, an <svg> root, and real vector marks (not an embedded bitmap).
    const check = await page.evaluate((t) => {
      const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
      // Data marks: rectangles (spikes, bars) plus line segments of paths (traces).
      let marks = doc.querySelectorAll('rect, circle').length;
      for (const p of doc.querySelectorAll('path')) marks += (p.getAttribute('d') ?? '').split(/[LHV]/).length - 1;
      return { error: doc.getElementsByTagName('parsererror').length, root: doc.documentElement.nodeName, marks, images: doc.querySelectorAll('image').length };
    }, text);
    expect(check).toMatchObject({ error: 0, root: 'svg', images: 0 });
    expect(check.marks, id).toBeGreaterThan(20);

    const csv = (await saved(page, `export-csv-${id}`)).bytes.toString('utf8').trim().split('\n');
    csvs[id] = csv;
    expect(csv.length).toBeGreaterThan(10);
    const width = csv[0].split(',').length;
    for (const row of csv.slice(1, 50)) expect(row.split(',').length).toBe(width);
  }
  const raster = csvs['raster'];
  expect(raster[0]).toBe('step,t_ms,neuron,layer');
  const rows = raster.slice(1).map((r) => r.split(','));
  expect(rows.every((r) => Number(r[0]) <= step && Number(r[2]) >= 0 && Number(r[2]) < 1000)).toBe(true);
  // One second of spikes at the shown rate: the CSV holds what the raster draws.
  expect(rows.length).toBe(Number(await page.getByTestId('raster').getAttribute('data-drawn-spikes')));
  const hist = csvs['rate-histogram'];
  expect(hist[0]).toBe('neuron,layer,rate_hz');
  expect(hist.length - 1).toBe(1000);
});

test('an experiment chart exports its series; the configuration JSON imports to the same fingerprint', async ({ browser }) => {
  const page = await browser.newPage();
  // stdp-bimodal opened at step 2000 (?at=2000), so the run is at known steps and the fresh page below reaches it in a few clicks.
  await openAt(page, '/#c=' + LZString.compressToEncodedURIComponent(JSON.stringify({ v: 2, e: 'stdp-bimodal', s: 1, p: {} })), 2000);
  await expect(page.getByTestId('experiment')).toHaveValue('stdp-bimodal');
  await expect(page.locator('[data-testid=primary-charts] figure').first()).toBeVisible();
  const first = page.locator('[data-testid=primary-charts] figure').first();
  const id = ((await first.getAttribute('data-testid')) ?? '').replace(/^plot-/, '');
  const csv = (await saved(page, `export-csv-${id}`)).bytes.toString('utf8').trim().split('\n');
  expect(csv[0].startsWith('series,')).toBe(true);
  expect(csv.length).toBeGreaterThan(5);
  const svg = (await saved(page, `export-svg-${id}`)).bytes.toString('utf8');
  expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svg).not.toContain('<image');

  // A live change, so the file must carry a recorded event too.
  await openMoreParams(page);
  await page.getByTestId('param-a_plus_ratio').fill('0.005');
  await expect(page.getByTestId('param-a_plus_ratio-value')).toHaveValue('0.0050');
  await page.getByTestId('step-100').click();
  const step = 3000;
  await expect(page.getByTestId('step')).toHaveText(String(step));
  const fingerprint = (await page.getByTestId('fingerprint').textContent()) ?? '';
  await page.getByTestId('share').click();
  const json = await saved(page, 'action-download-config');
  expect(json.name).toMatch(/^stdp-bimodal_config_step\d+\.json$/);
  const wire = JSON.parse(json.bytes.toString('utf8'));
  expect(wire).toMatchObject({ v: 4, e: 'stdp-bimodal', ev: [[2000, 'a_plus_ratio', 0.005]] });

  const fresh = await browser.newPage();
  await fresh.goto('/?autoplay=0');
  await expect(fresh.getByTestId('experiment')).toHaveValue('balanced-ei');
  await fresh.getByTestId('share').click();
  await fresh.getByTestId('import-file').setInputFiles({ name: 'run.json', mimeType: 'application/json', buffer: json.bytes });
  await expect(fresh.getByTestId('experiment')).toHaveValue('stdp-bimodal');
  await expect(fresh.getByTestId('step')).toHaveText('0');
  expect(await stepTo(fresh, step, 0.1)).toBe(fingerprint);

  // A broken file is refused with a message and changes nothing.
  await fresh.getByTestId('share').click();
  await fresh.getByTestId('import-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"v":2,"e":"stdp-bimodal","s":-4}') });
  await expect(fresh.getByTestId('messages')).toContainText(/malformed/);
  await expect(fresh.getByTestId('experiment')).toHaveValue('stdp-bimodal');
});
