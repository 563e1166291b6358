import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { watchedPage } from './axe-harness.js';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const baseUrl = (() => {
  const url = process.env['E2E_BASE_URL'];
  if (!url) throw new Error('E2E_BASE_URL is not set: run the suite with `npx nx run web-e2e:e2e`.');
  return url;
})();

const screenshotDir = process.env['E2E_SCREENSHOT_DIR'] ?? join(process.cwd(), 'screenshots');

export const DESKTOP = { width: 1280, height: 800 };

/** How long one step (a locator, an email, a socket frame) may wait before the test fails. */
export const STEP_TIMEOUT = 20_000;
export const PHONE = { width: 375, height: 740 };

/**
 * Debian's Chromium (no browser download). Playwright gives every launch a fresh temporary
 * profile (user-data dir) and removes it on close.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The pages still open, for the failure report (support/failure-report.ts). */
export const openPages = new Set<Page>();

/** A new, isolated browser session (own cookies and storage) that records page errors. */
export async function newSession(
  browser: Browser,
  viewport = DESKTOP,
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport });
  // How long one step may wait for its element or event (see testTimeout in vitest.config.ts).
  context.setDefaultTimeout(STEP_TIMEOUT);
  // axe-core audits every state the page reaches (support/axe-harness.ts; support/axe-guard.ts fails the test).
  const page = await watchedPage(context);
  openPages.add(page);
  page.once('close', () => openPages.delete(page));
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  return { context, page, problems };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/** The text of the error shown for an input (the element its aria-describedby names). */
export async function fieldError(input: Locator): Promise<string | null> {
  return input.evaluate((el) => {
    const ids = (el.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
    const error = ids.map((id) => document.getElementById(id)).find((e) => e?.hasAttribute('data-field-error'));
    return error?.textContent ?? null;
  });
}

export function uniqueHandle(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`.slice(0, 24);
}
