import { defineConfig } from 'vitest/config';

// Unit tests sit beside the code; the Playwright suite in e2e/ is not vitest's business.
export default defineConfig({
  test: {
    include: ['src-engine/**/*.test.ts', 'workers/**/*.test.ts', 'app/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
    environment: 'node',
    testTimeout: 60_000,
    setupFiles: ['scripts/vitestSetup.ts'],
  },
});
