import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openPages } from './browser.js';

const dir = join(process.env['E2E_SCREENSHOT_DIR'] ?? join(process.cwd(), 'screenshots'), 'failures');

// After a failed test, what each open page showed: a full-page screenshot and the start of its text
// (a failure under load is otherwise hard to tell from a wrong page).
afterEach(async ({ task }) => {
  if (task.result?.state !== 'fail') return;
  mkdirSync(dir, { recursive: true });
  const name = `${task.file?.name.replace(/\W+/g, '-') ?? 'test'}-${task.name.replace(/\W+/g, '-')}`.slice(0, 120);
  let i = 0;
  for (const page of openPages) {
    i += 1;
    const path = join(dir, `${name}-${i}.png`);
    const text = await page
      .locator('main')
      .innerText({ timeout: 2_000 })
      .catch(() => '(no main element)');
    await page.screenshot({ path, fullPage: true, timeout: 5_000 }).catch(() => undefined);
    console.log(`[failure] page ${i} at ${page.url()} (${path}):\n${text.slice(0, 1_500)}`);
  }
});
