import { defineConfig } from 'vitest/config';

// Unit tests sit beside the code; the Playwright suite in e2e/ is not vitest's business.
export default defineConfig({
  test: {
    include: ['src-engine/**/*.test.ts', 'workers/**/*.test.ts', 'app/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
    environment: 'node',
    // A timeout only catches a hang: no test may fail because a busy machine ran it slowly
    // (the CI run itself is bounded at 90 minutes).
    testTimeout: 1_200_000,
    hookTimeout: 1_200_000,
    setupFiles: ['scripts/vitestSetup.ts'],
    // Both cores: Vitest's default leaves one free, which on a 2-core CI machine runs the files one by one.
    maxWorkers: 2,
    // Each worker process runs its files one after another in one module graph instead of
    // re-importing the engine for every file: ≈ 40 s less of the ≈ 225-s unit run on 2 cores.
    // Tests must not rely on fresh module state; the suite passed like this in file order and in
    // a shuffled order (--sequence.shuffle.files --sequence.seed=7).
    isolate: false,
  },
});
