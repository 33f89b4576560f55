import { defineConfig } from '@playwright/test';

// Playwright drives Debian's Chromium (it cannot download its own browser here); the app is
// served from a production build by `vite preview`, exactly as users get it.
// PW_PORT lets several checkouts/agents run the suite side by side.
const PORT = Number(process.env.PW_PORT ?? 4173);
const OUT_DIR = PORT === 4173 ? 'dist' : `dist-${PORT}`;

export default defineConfig({
  testDir: 'e2e',
  // Two files share two cores: generous limits, since nothing here measures speed.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  // Spec files run two at a time (the machine has two cores; most tests wait on the app, not the
  // CPU). The timing-sensitive checks (app.spec, lpl.spec) run first, each alone.
  fullyParallel: false,
  workers: 2,
  retries: 0,
  projects: [
    { name: 'solo', testMatch: /app\.spec\.ts/ },
    // lpl.spec counts simulated time between a change and its visible effect: also alone.
    { name: 'solo-lpl', testMatch: /lpl\.spec\.ts/, dependencies: ['solo'] },
    // Every test opens its own browser context, so tests of one file may also run side by side.
    { name: 'main', testIgnore: /(app|lpl)\.spec\.ts/, dependencies: ['solo-lpl'], fullyParallel: true },
  ],
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
