import { defineConfig } from '@playwright/test';

// Playwright drives Debian's Chromium (it cannot download its own browser here); the app is
// served from a production build by `vite preview`, exactly as users get it.
// PW_PORT lets several checkouts/agents run the suite side by side.
const PORT = Number(process.env.PW_PORT ?? 4173);
const OUT_DIR = PORT === 4173 ? 'dist' : `dist-${PORT}`;

export default defineConfig({
  testDir: 'e2e',
  // Two files share two cores: generous limits, since nothing here measures speed.
  // Timeouts only catch a hang or a state that never comes; every wait is on a state the app
  // reports (steps, metrics, drawn charts), so a busy machine makes a test slower, never red.
  timeout: 600_000,
  expect: { timeout: 60_000 },
  // Two tests at a time (the machine has two cores; most tests wait on the app, not the CPU).
  // No test measures speed, so none needs to run alone; every test opens its own browser context.
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env.PW_JSON_OUTPUT ? [['list'], ['json', { outputFile: process.env.PW_JSON_OUTPUT }]] : [['list']],
  use: {
    baseURL: `http://localhost:${PORT}/`,
    viewport: { width: 1400, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
    screenshot: 'only-on-failure',
  },
  webServer: {
    // A side-by-side suite (PW_PORT) builds into its own folder so it never serves another's half-written build.
    command: `node_modules/.bin/vite build --logLevel warn --outDir ${OUT_DIR} && node_modules/.bin/vite preview --outDir ${OUT_DIR} --port ${PORT} --strictPort`,
    url: `http://localhost:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
});
