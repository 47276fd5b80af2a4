import { defineConfig } from 'vitest/config';

// Browser (end-to-end) tests: run against the production build in dist/ with a
// system Chromium driven by playwright-core. Use `npm test`, which builds first
// and sets CHROMIUM_PATH.
export default defineConfig({
  test: {
    environment: 'node',
    globals: false,
    include: ['tests/e2e/**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
