import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The CLI tests run bin/nianbao.js, which runs the bundle: rebuilt from the sources before every run.
    globalSetup: ['test/support/buildCliBundle.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Crash, PDF and end-to-end tests start processes and browsers; two cores on CI.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
