/** The folded autoencoder's 3D energy landscape: it renders in software WebGL and follows λ. */
import { expect, test, type Locator, type Page } from './fixtures';
import LZString from 'lz-string';
import { pauseAndRead, readNumber, waitForStep } from './helpers';

const link = (p: Record<string, number> = {}) => '/#c=' + LZString.compressToEncodedURIComponent(JSON.stringify({ v: 2, e: 'folded-autoencoder', s: 1, p }));

/** Screenshot of the element, decoded and kept in the page under `name`: luminance variance and share of coloured pixels. */
async function shot(page: Page, el: Locator, name: string): Promise<{ variance: number; coloured: number }> {
  const png = (await el.screenshot()).toString('base64');
  return page.evaluate(async ([b64, key]) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const c = new OffscreenCanvas(bmp.width, bmp.height);
    const ctx = c.getContext('2d')!;
    ctx.drawImage(bmp, 0, 0);
    const d = ctx.getImageData(0, 0, bmp.width, bmp.height).data;
    ((window as unknown as { shots: Record<string, Uint8ClampedArray> }).shots ??= {})[key] = d;
    let s = 0, s2 = 0, coloured = 0;
    const n = d.length / 4;
    for (let i = 0; i < d.length; i += 4) {
      const y = 0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2];
      s += y;
      s2 += y * y;
      if (Math.max(d[i], d[i + 1], d[i + 2]) - Math.min(d[i], d[i + 1], d[i + 2]) > 60) coloured++;
    }
    return { variance: s2 / n - (s / n) ** 2, coloured: coloured / n };
  }, [png, name] as const);
}

/**
 * A shot taken once the view has stopped changing (two consecutive screenshots within 0.2% of
 * pixels): waits on what is drawn, not on a fixed time, however slowly the machine renders.
 */
async function settled(page: Page, el: Locator, name: string): Promise<{ variance: number; coloured: number }> {
  let last = await shot(page, el, `${name}:0`);
  for (let k = 1; k < 60; k++) {
    const cur = await shot(page, el, `${name}:${k}`);
    if ((await changed(page, `${name}:${k - 1}`, `${name}:${k}`)) < 0.002) {
      await page.evaluate(([from, to]) => { const w = window as unknown as { shots: Record<string, Uint8ClampedArray> }; w.shots[to] = w.shots[from]; }, [`${name}:${k}`, name] as const);
      return cur;
    }
    last = cur;
  }
  throw new Error(`the view "${name}" never stopped changing (last variance ${last.variance.toFixed(0)})`);
}

/** Share of pixels whose colour differs by more than 24 (any channel) between two kept shots. */
async function changed(page: Page, a: string, b: string): Promise<number> {
  return page.evaluate(([ka, kb]) => {
    const shots = (window as unknown as { shots: Record<string, Uint8ClampedArray> }).shots;
    const x = shots[ka], y = shots[kb];
    if (x.length !== y.length) return 1;
    let n = 0;
    for (let i = 0; i < x.length; i += 4) if (Math.abs(x[i] - y[i]) > 24 || Math.abs(x[i + 1] - y[i + 1]) > 24 || Math.abs(x[i + 2] - y[i + 2]) > 24) n++;
    return n / (x.length / 4);
  }, [a, b] as const);
}

/** Waits until the frame on screen shows the latest data the view received. */
async function drawn(view: Locator): Promise<void> {
  await expect.poll(async () => (await view.getAttribute('data-drawn')) === (await view.getAttribute('data-range'))).toBe(true);
}

test('the 3D landscape draws a coloured surface; dragging λ changes it, and nothing else does', async ({ page }) => {
  await page.goto(link());
  await expect(page.getByTestId('experiment')).toHaveValue('folded-autoencoder');
  const view = page.getByTestId('plot-canvas-landscape');
  await expect.poll(async () => Number(await view.getAttribute('data-peak')), { timeout: 20_000 }).toBeGreaterThan(0);
  await expect(view.locator('canvas')).toBeVisible();
  await waitForStep(page, 25);
  await pauseAndRead(page);
  // The same state on every machine, however far the run got before the pause: back to t = 0
  // (paused), then exactly 100 ms of simulated time.
  await page.getByTestId('reset').click();
  await expect(page.getByTestId('step')).toHaveText('0');
  await page.getByTestId('step-100').click();
  await expect.poll(() => readNumber(page, 'step')).toBeGreaterThan(0);
  await drawn(view);

  const before = await settled(page, view, 'before');
  console.log(`landscape screenshot: luminance variance ${before.variance.toFixed(0)}, coloured share ${before.coloured.toFixed(3)}`);
  expect(before.variance).toBeGreaterThan(800);
  expect(before.coloured).toBeGreaterThan(0.05); // the legend alone is ~2%
  // Control: while paused and untouched, the view stays the same.
  await shot(page, view, 'still');
  expect(await changed(page, 'before', 'still')).toBeLessThan(0.002);

  // Drag the λ slider from its default (0.1) to about 0.9 with the mouse.
  const rangeAttr = await view.getAttribute('data-range');
  const slider = page.getByTestId('param-lambda');
  const box = (await slider.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.1, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2, { steps: 5 });
  await page.mouse.move(box.x + box.width * 0.9, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => Number(await page.getByTestId('metric-lambda').textContent())).toBeGreaterThan(0.7);
  await expect.poll(() => view.getAttribute('data-range')).not.toBe(rangeAttr);
  // The drag sent several values; wait for the view of the last one (its title names λ), drawn.
  const lambda = Number(Number(await page.getByTestId('param-lambda-value').inputValue()).toPrecision(3));
  await expect(view).toHaveAttribute('data-title', new RegExp(`λ = ${lambda} `));
  await drawn(view);
  const after = await settled(page, view, 'after');
  const share = await changed(page, 'before', 'after');
  console.log(`pixels changed by the λ drag: ${(100 * share).toFixed(1)}%`);
  expect(share).toBeGreaterThan(0.05);
  expect(after.variance).toBeGreaterThan(800);
});

test('the landscape stays interactive: dragging on it orbits the camera', async ({ page }) => {
  await page.goto(link());
  const view = page.getByTestId('plot-canvas-landscape');
  await expect.poll(async () => Number(await view.getAttribute('data-peak')), { timeout: 20_000 }).toBeGreaterThan(0);
  await waitForStep(page, 10);
  await pauseAndRead(page);
  await settled(page, view, 'a');
  const box = (await view.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.4, { steps: 8 });
  await page.mouse.up();
  await settled(page, view, 'b');
  expect(await changed(page, 'a', 'b')).toBeGreaterThan(0.05);
});
