import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newSession } from './support/browser.js';

// quality-bars.md, web: initial JavaScript ≤ 200 KB gzip, served compressed. "Initial" is what
// index.html loads before anything renders: its entry script and the modules it preloads. A
// barrel import that drags a lazy page's libraries (react-aria, Markdown) into the entry fails here.
const BUDGET_GZIP_BYTES = 200_000;
const dist = resolve(import.meta.dirname, '../../../dist/apps/web');

const initialScripts = (html: string) =>
  [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/([^"]+\.js)"/g)].map((m) => m[1]);

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('initial JavaScript budget', () => {
  it('the entry and its preloaded modules weigh at most 200 KB gzip, and the browser receives them compressed', async () => {
    const files = initialScripts(readFileSync(join(dist, 'index.html'), 'utf8'));
    expect(files.length).toBeGreaterThan(0);
    const gzip = files.reduce(
      (sum, f) =>
        sum + (existsSync(join(dist, `${f}.gz`)) ? statSync(join(dist, `${f}.gz`)).size : statSync(join(dist, f)).size),
      0,
    );
    expect(gzip).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);

    const { context, page } = await newSession(browser);
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Crossroads' }).waitFor();
    const received = await page.evaluate(
      (names) =>
        (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
          .filter((e) => names.some((n) => e.name.endsWith(`/${n}`)))
          .map((e) => ({ name: e.name, encoded: e.encodedBodySize, decoded: e.decodedBodySize })),
      files,
    );
    expect(received.map((r) => r.name.replace(/^.*?\/assets\//, 'assets/')).sort()).toEqual([...files].sort());
    // Sent compressed (brotli or gzip): what crossed the wire is less than what the browser ran.
    for (const r of received.filter((x) => x.decoded > 1024)) expect(r.encoded).toBeLessThan(r.decoded);
    expect(received.reduce((sum, r) => sum + r.encoded, 0)).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
    await context.close();
  });
});
