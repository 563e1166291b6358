import { defineConfig } from 'vitest/config';

// Run by scripts/run-e2e.mjs, which starts the API (serving the built web app) and sets E2E_BASE_URL.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.e2e.ts'],
    // One browser at a time: the flows share an API and the machines are small.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
