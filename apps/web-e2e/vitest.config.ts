import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * The same order on every machine, by file name: the flows share one API and database, and an order
 * that changed with Vitest's timing cache made failures depend on the machine's history.
 */
class NameOrder extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => a.moduleId.localeCompare(b.moduleId));
  }
}

// Run by scripts/run-e2e.mjs, which starts the API (serving the built web app) and sets E2E_BASE_URL.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.e2e.ts'],
    setupFiles: ['src/support/failure-report.ts', 'src/support/axe-guard.ts'],
    // One browser at a time: the flows share an API and the machines are small.
    fileParallelism: false,
    sequence: { sequencer: NameOrder },
    // Budgets for failure, not waits: a passing test ends as soon as its events arrive. They hold on a
    // machine shared with other test runs (load averages of 20–30 on 2 cores measured), where a flow
    // that takes 10 s alone takes 30–40 s.
    testTimeout: 90_000,
    hookTimeout: 120_000,
    // expect.poll waits for a condition in the page (an image decoded, focus moved): the same step budget as a locator.
    expect: { poll: { timeout: 20_000 } },
  },
});
