/**
 * Makes the gallery thumbnails (public/thumbnails/<preset>.png) from real runs: serves the built
 * app (`npm run build` first), opens each preset's link in Debian's Chromium, runs it for the
 * preset's `thumbnail.steps` steps as fast as the machine allows, and saves the named chart
 * scaled to 400 × 200 px (THUMB_DIST: another build folder).  Usage: `npm run build && npx tsx scripts/build-thumbnails.ts [preset-id…]`
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import LZString from 'lz-string';
import { PRESETS } from '../app/lessons/presets';

const PORT = Number(process.env.THUMB_PORT ?? 4199);
const BASE = `http://localhost:${PORT}/`;
const OUT = new URL('../public/thumbnails/', import.meta.url);

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(BASE)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`vite preview did not come up on ${BASE}`);
}

const readStep = async (page: Page) => Number(((await page.getByTestId('step').textContent()) ?? '0').replace(/\D/g, ''));

async function capture(page: Page, preset: (typeof PRESETS)[number]): Promise<Buffer> {
  const link = '#c=' + LZString.compressToEncodedURIComponent(JSON.stringify({ v: 2, e: preset.experiment, s: preset.seed, p: preset.params }));
  await page.goto(BASE + link);
  // Page-side code is passed as text: this script is type-checked without the DOM library.
  await page.waitForFunction(`document.querySelector('[data-testid="experiment"]')?.value === ${JSON.stringify(preset.experiment)}`);
  if (preset.thumbnail.steps > 0) {
    await page.getByTestId('speed').selectOption({ label: 'as fast as possible' });
    const deadline = Date.now() + 240_000;
    while ((await readStep(page)) < preset.thumbnail.steps) {
      if (Date.now() > deadline) throw new Error(`${preset.id}: run too slow`);
      await page.waitForTimeout(250);
    }
    await page.getByTestId('play').click();
  }
  const sel = preset.thumbnail.plot === 'raster' ? '[data-testid="raster"]' : `[data-testid="plot-canvas-${preset.thumbnail.plot}"]`;
  await page.waitForFunction(`(() => {
    const c = document.querySelector(${JSON.stringify(sel)});
    return !!c && (Number(c.getAttribute('data-peak')) > 0 || Number(c.getAttribute('data-drawn-spikes')) > 0);
  })()`);
  await page.waitForTimeout(800); // the last frame is drawn on the next animation frame
  const dataUrl: string = await page.evaluate(`(() => {
    const src = document.querySelector(${JSON.stringify(sel)});
    const out = document.createElement('canvas');
    out.width = 400;
    out.height = 200;
    const ctx = out.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, 400, 200);
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(src, 0, 0, src.width, src.height, 0, 0, 400, 200);
    return out.toDataURL('image/png');
  })()`);
  return Buffer.from(dataUrl.split(',')[1], 'base64');
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const server = spawn('node_modules/.bin/vite', ['preview', '--port', String(PORT), '--strictPort', '--outDir', process.env.THUMB_DIST ?? 'dist'], { stdio: 'ignore' });
  try {
    await waitForServer();
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
    mkdirSync(OUT, { recursive: true });
    for (const preset of PRESETS.filter((p) => only.length === 0 || only.includes(p.id))) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } }); // a fresh page: a hash change alone does not reload the app
      writeFileSync(new URL(`${preset.id}.png`, OUT), await capture(page, preset));
      await page.close();
      console.log(`thumbnails/${preset.id}.png  (${preset.experiment}, ${preset.thumbnail.plot}, ${preset.thumbnail.steps} steps)`);
    }
    await browser.close();
  } finally {
    server.kill();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
