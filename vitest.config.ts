import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // nodejieba costs ~300 MB per worker process: two forks are plenty on CI's 2 cores.
    pool: 'forks',
    maxWorkers: 2,
  },
});
