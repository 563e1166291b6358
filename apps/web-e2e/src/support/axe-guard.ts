import { basename } from 'node:path';
import { afterAll, afterEach } from 'vitest';
import { QUIET_CAP_MS, axeStats, takeAxeFindings } from './axe-harness.js';

// Every test fails when a page state its sessions visited had a serious or critical axe violation
// (support/axe-harness.ts collects them). Sessions opened in beforeAll count toward the first test.
let file = 'suite';
afterEach(async ({ task }) => {
  file = basename(task.file.name);
  await expectNoAxeFindings();
});

afterAll(async () => {
  await expectNoAxeFindings();
  // What the harness cost this file: audits run and the time the tests waited for them.
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(
    `[axe] ${file}: ${axeStats.audits} audits, ${s(axeStats.ms)} (settling ${s(axeStats.settleMs)}, axe ${s(axeStats.axeMs)})` +
      (axeStats.unsettled.length
        ? `; audited unsettled after ${QUIET_CAP_MS / 1000} s: ${axeStats.unsettled.join(', ')}`
        : ''),
  );
});

/** Throws with every finding collected since the last call (rule, elements, URL and how the page got there). */
export async function expectNoAxeFindings(): Promise<void> {
  const found = await takeAxeFindings();
  if (found.length === 0) return;
  throw new Error(
    `axe found ${found.length} serious or critical violation(s) on page states this test visited:\n- ${found.join('\n- ')}`,
  );
}
