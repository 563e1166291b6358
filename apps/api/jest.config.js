import { apiJestPreset } from '../../jest.preset.mjs';

/** API integration suites (apps/api/test) against real PostgreSQL; the libs' unit specs run in each lib's own `test` target. */
export default {
  ...apiJestPreset,
  rootDir: '../..',
  roots: ['<rootDir>/apps/api'],
  testMatch: ['**/*.spec.ts', '**/*.int-spec.ts'],
  // Closes apps a timed-out beforeAll left starting (support/test-environment.cjs).
  testEnvironment: '<rootDir>/apps/api/test/support/test-environment.cjs',
  maxWorkers: 2,
  testTimeout: 30_000,
};
