/**
 * Your own images: pictures given to the page are decoded locally, validated, and become the
 * sequences lpl-sequences trains on; a link records that they were used and, opened elsewhere,
 * falls back to the built-in input with a message.
 */
import { expect, test, type Page } from './fixtures';
import LZString from 'lz-string';

/** PNG bytes of a w×h picture drawn in the page: a dark shape on a light background. */
async function png(page: Page, w: number, h: number, k: number): Promise<Buffer> {
  const url = await page.evaluate(
    ([w, h, k]) => {
      const c = document.createElement('canvas');
      c.width = w;
      c.height = h;
      const g = c.getContext('2d')!;
      g.fillStyle = '#f4f1e8';
      g.fillRect(0, 0, w, h);
      g.fillStyle = '#202020';
      g.beginPath();
      g.arc(w * (0.3 + 0.15 * k), h / 2, Math.min(w, h) / 5, 0, 2 * Math.PI);
      g.fill();
      return c.toDataURL('image/png');
    },
    [w, h, k],
  );
  return Buffer.from(url.split(',')[1], 'base64');
}

const wireOf = (link: string) => JSON.parse(LZString.decompressFromEncodedURIComponent(link.split('#c=')[1])!);

test('own images are decoded locally, validated, trained on, and a link says so', async ({ browser }) => {
  const page = await browser.newPage();
  await page.goto('/');
  await page.getByTestId('experiment').selectOption('lpl-sequences');
  await expect(page.getByTestId('image-drop')).toBeVisible();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.method() + ' ' + r.url()));
  const files = [
    { name: 'one.png', mimeType: 'image/png', buffer: await png(page, 120, 90, 0) },
    { name: 'two.png', mimeType: 'image/png', buffer: await png(page, 64, 64, 1) },
    { name: 'three.png', mimeType: 'image/png', buffer: await png(page, 300, 200, 2) },
    { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not an image') },
    { name: 'tiny.png', mimeType: 'image/png', buffer: await png(page, 4, 4, 0) },
  ];
  await page.getByTestId('image-files').setInputFiles(files);
  await expect(page.getByTestId('image-status')).toHaveText('Training on 3 of your images.');
  await expect(page.getByTestId('messages')).toContainText('notes.txt: not a PNG');
  await expect(page.getByTestId('messages')).toContainText('tiny.png: too small');
  await expect(page.getByTestId('param-input')).toHaveValue('4');
  // The input frames come from the images: the frame chart draws something bright.
  const frame = page.getByTestId('plot-canvas-frame');
  await expect.poll(async () => Number(await frame.getAttribute('data-peak')), { timeout: 60_000 }).toBeGreaterThan(0.2);
  // Nothing was sent anywhere.
  expect(requests.filter((r) => r.startsWith('POST') || r.startsWith('PUT'))).toEqual([]);
  const link = page.url();
  expect(wireOf(link).u.li).toBe(3);
  // Done with the author's page: closed, so its training does not compete with the page below.
  await page.close();

  // Elsewhere the images are missing: the run falls back to the default input and says why.
  const other = await (await browser.newContext()).newPage();
  await other.goto(link);
  await expect(other.getByTestId('messages')).toContainText("from its author's computer, which a link cannot carry");
  await expect(other.getByTestId('experiment')).toHaveValue('lpl-sequences');
  await expect(other.getByTestId('param-input')).toHaveValue('0');
  await expect.poll(async () => Number(await other.getByTestId('plot-canvas-frame').getAttribute('data-peak')), { timeout: 60_000 }).toBeGreaterThan(0.2);
});
