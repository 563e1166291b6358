import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  // Resolves @crossroads/* (LIMITS from shared-domain) through the paths in tsconfig.base.json, as the app does.
  resolve: { tsconfigPaths: true },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.spec.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
    // A budget for failure (Vitest's default is 5 s): react-aria's keyboard flows take 3–5 s each in
    // jsdom on a loaded 2-core machine, and a timed-out test left rendering broke the next one.
    testTimeout: 20_000,
  },
});
