import { chromium } from '@playwright/test';
import LZString from 'lz-string';
const ids = process.argv[2].split(',');
const modes = (process.argv[3] ?? '1024,proj,390').split(',');
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--enable-unsafe-webgpu'] });
for (const mode of modes) {
  const vp = mode === '390' ? { width: 390, height: 844 } : mode === '1920' ? { width: 1920, height: 1080 } : mode === '1400' ? { width: 1400, height: 900 } : { width: 1024, height: 768 };
  const ctx = await b.newContext({ viewport: vp, isMobile: mode === '390', hasTouch: mode === '390' });
  const p = await ctx.newPage();
  for (const id of ids) {
    const link = `http://localhost:4181/${mode === 'proj' ? '?projector=1' : ''}#c=` + LZString.compressToEncodedURIComponent(JSON.stringify({ v: 2, e: id, s: 1, p: {} }));
    await p.goto(link);
    await p.waitForTimeout(8000);
    const info = await p.evaluate(() => ({ step: document.querySelector('[data-testid=step]')?.textContent, w: document.documentElement.scrollWidth }));
    await p.screenshot({ path: `/tmp/shots/${id}-${mode}.png`, fullPage: false });
    console.log(id, mode, JSON.stringify(info));
  }
  await ctx.close();
}
await b.close();
