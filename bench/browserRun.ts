/**
 * npm run bench -- --browser: the benchmark networks in the app's own simulation worker, in
 * headless Chromium (Debian's /usr/bin/chromium, or $CHROMIUM_PATH) driven by Playwright, next
 * to the same networks in Node, in one run.
 *
 * The app is built (vite build) and served by vite preview with its COOP/COEP headers. For each
 * network the page opens the network's link with ?autoplay=0&bench=1 (the worker builds it, paused);
 * the bench then calls the worker's step(n) through the app's Comlink handle and times it in the
 * page (the message round trip is included; building is not, as reset() rebuilds before each
 * timed run). Node runs the same Session in this process. Per round: one Node run, one browser
 * run, the page frozen (Chrome's page lifecycle) while Node runs; medians; the fingerprints of
 * both must agree (same link, same spikes).
 *
 * fp-10k's helper thread is left to the app's tuner (workers/helperTuner.ts), as for a user: the
 * timed runs report the threads they ended on.
 *
 * UI frame rate: for cuba-4k, cuba-10k and fp-10k the app plays the network as fast as the worker
 * can (speed ∞) while the page counts requestAnimationFrame callbacks for 5 s; the real-time
 * factor reached and the threads the tuner chose while the page drew are printed beside it.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { decodeConfigFile, encodeLink } from '../src-engine/config/link';
import type { RunConfig } from '../src-engine/config/runConfig';
import { engineOnce, medianBy, round } from './engineRun';
import { writeBetweenMarkers } from './docsTable';
import { NETWORKS, type BenchNet } from './networks';

interface BrowserRow {
  name: string;
  sim_ms: number;
  node_ms: number;
  browser_ms: number;
  browser_vs_node: number;
  same_fingerprint: boolean;
  /** Worker threads fp-10k's timed runs ended on (the helper tuner's choice; 1 for the others). */
  threads: number;
  fps?: number;
  /** While the app played flat out and drew: real-time factor reached and threads. */
  play_rt?: number;
  play_threads?: number;
}

interface SimBench {
  reset(): Promise<unknown>;
  step(n: number): Promise<void>;
  play(): Promise<void>;
  pause(): Promise<void>;
  setSpeed(s: number): Promise<void>;
  pullFrame(): Promise<{ fingerprint: string; step: number; threads: 1 | 2; realtimeFactor: number }>;
  configFile(): Promise<string>;
}

const FPS_NETWORKS = new Set(['cuba-4k', 'cuba-10k', 'fp-10k']);

export async function browserMain(args: string[]): Promise<void> {
  const port = Number(process.env.PW_PORT ?? 4180);
  const runs = Math.max(1, Number(args.includes('--runs') ? args[args.indexOf('--runs') + 1] : 3));
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
  const nets = NETWORKS.filter((n) => !only || n.name === only);
  const outDir = `dist-${port}`;
  console.error(`building the app into ${outDir}…`);
  execFileSync('node_modules/.bin/vite', ['build', '--logLevel', 'warn', '--outDir', outDir], { stdio: 'inherit' });
  const server = spawn('node_modules/.bin/vite', ['preview', '--outDir', outDir, '--port', String(port), '--strictPort'], { stdio: 'ignore' });
  try {
    await waitForServer(`http://localhost:${port}/`);
    const { chromium } = await import('@playwright/test');
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
    const version = browser.version();
    const rows: BrowserRow[] = [];
    for (const net of nets) {
      // A fresh page per network: a link that differs only in its fragment would not reload the app.
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      const row = await compare(page, port, net, runs);
      await page.close();
      rows.push(row);
      console.log(JSON.stringify(row));
    }
    await browser.close();
    const table = renderTable(rows, runs, version);
    console.log('\n' + table);
    if (args.includes('--write')) writeBetweenMarkers('browser', table);
  } finally {
    stop(server);
  }
}

type Page = import('@playwright/test').Page;

async function compare(page: Page, port: number, net: BenchNet, runs: number): Promise<BrowserRow> {
  const config = net.config();
  const url = encodeLink(config, `http://localhost:${port}/?autoplay=0&bench=1`);
  await page.goto(url);
  await page.waitForFunction(() => (globalThis as { __simBench?: unknown }).__simBench !== undefined);
  await waitForRun(page, config);
  const steps = Math.round(net.sim_ms / 0.1);
  const browserOnce = () => page.evaluate(async (n) => {
    const s = (globalThis as unknown as { __simBench: SimBench }).__simBench;
    await s.pause();
    await s.reset();
    const t0 = performance.now();
    await s.step(n);
    const ms = performance.now() - t0;
    const f = await s.pullFrame();
    return { ms, fingerprint: f.fingerprint, step: f.step, threads: f.threads };
  }, steps);
  // While Node runs, the page is frozen (no frames, no worker), so the two never compete for the CPU.
  const cdp = await page.context().newCDPSession(page);
  const lifecycle = (state: 'frozen' | 'active') => cdp.send('Page.setWebLifecycleState', { state });
  const nodeOnce = async () => {
    await lifecycle('frozen');
    const e = engineOnce(net);
    await lifecycle('active');
    return e;
  };
  await browserOnce(); // warm-up of the page's worker
  await nodeOnce(); // and of Node
  const node: number[] = [], browser: number[] = [];
  let same = true;
  let threads = 1;
  for (let r = 0; r < runs; r++) {
    const e = await nodeOnce();
    const b = await browserOnce();
    threads = b.threads;
    if (b.step !== steps || b.fingerprint !== e.fingerprint) same = false;
    node.push(e.wall_ms);
    browser.push(b.ms);
  }
  const nodeMs = medianBy(node, (x) => x), browserMs = medianBy(browser, (x) => x);
  const row: BrowserRow = {
    name: net.name, sim_ms: net.sim_ms, node_ms: round(nodeMs, 1), browser_ms: round(browserMs, 1),
    browser_vs_node: round(browserMs / nodeMs, 2), same_fingerprint: same, threads,
  };
  if (FPS_NETWORKS.has(net.name)) {
    const ui = await uiFrameRate(page);
    row.fps = ui.fps;
    row.play_rt = ui.rt;
    row.play_threads = ui.threads;
  }
  return row;
}

/** Waits until the worker holds the run of `config` (the app configures it after loading the page). */
async function waitForRun(page: Page, config: RunConfig): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const text = await page.evaluate(() => (globalThis as unknown as { __simBench: SimBench }).__simBench.configFile().catch(() => ''));
    const got = decodeConfigFile(text).config;
    const same = got.experiment === config.experiment && got.seed === config.seed
      && Object.keys(config.params).every((k) => got.params[k] === config.params[k]);
    if (same) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the app's worker did not open ${config.experiment} as configured`);
}

/**
 * Plays the open network at full speed and counts animation frames in the page for 5 s. (Page code
 * as text: tsx would wrap named inner functions in a helper the page does not have.)
 */
async function uiFrameRate(page: Page): Promise<{ fps: number; rt: number; threads: number }> {
  return page.evaluate(`(async () => {
    const s = globalThis.__simBench;
    await s.reset();
    await s.setSpeed(Infinity);
    await s.play();
    await new Promise((r) => setTimeout(r, 1000)); // let the frame loop settle
    const fps = await new Promise((resolve) => {
      let frames = 0;
      const t0 = performance.now();
      const tick = (t) => {
        frames++;
        if (t - t0 < 5000) requestAnimationFrame(tick);
        else resolve((frames * 1000) / (t - t0));
      };
      requestAnimationFrame(tick);
    });
    const f = await s.pullFrame();
    await s.pause();
    return { fps: Math.round(fps * 10) / 10, rt: Math.round(f.realtimeFactor * 100) / 100, threads: f.threads };
  })()`);
}

function renderTable(rows: BrowserRow[], runs: number, version: string): string {
  const head = '| network | simulated | Node wall (median) | Chromium worker wall (median) | browser ÷ Node | same fingerprint | worker threads (timed) | playing flat out, drawing: UI frame rate, real time reached, threads |';
  const sep = '|---|---:|---:|---:|---:|:---:|---:|---:|';
  const play = (r: BrowserRow) => (r.fps !== undefined ? `${r.fps} fps, ${r.play_rt}×, ${r.play_threads}` : '—');
  const lines = rows.map((r) => `| ${r.name} | ${r.sim_ms / 1000} s | ${(r.node_ms / 1000).toFixed(3)} s | ${(r.browser_ms / 1000).toFixed(3)} s | ${r.browser_vs_node.toFixed(2)} | ${r.same_fingerprint ? 'yes' : 'NO'} | ${r.threads} | ${play(r)} |`);
  const date = new Date().toISOString().slice(0, 10);
  return [`Node ${process.version} and headless Chromium ${version} (the app's worker, production build); one warm-up each, then ${runs} rounds of one Node run and one browser run; medians; ${date}.`, '', head, sep, ...lines].join('\n');
}

async function waitForServer(url: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the preview server at ${url} did not start`);
}

function stop(p: ChildProcess): void {
  if (p.exitCode === null) p.kill('SIGTERM');
}
