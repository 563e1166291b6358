import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './support/api.js';
import { expectNoAxeFindings } from './support/axe-guard.js';
import { launchBrowser, newSession } from './support/browser.js';

// The harness that audits every page state of the suite (support/axe-harness.ts) catches a
// violation on a page load, after a client-side route change and in a popup that is gone again by
// the end of the test, and the guard's failure names the rule, the element, the URL and the state.

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('the axe harness', () => {
  it('fails a test whose page loads with a violation, naming the rule, element, URL and state', async () => {
    const { context, page } = await newSession(browser);
    await page.route('**/axe-harness/broken', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><html lang="en"><title>Broken</title><main><h1>Broken</h1><img id="no-alt" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></html>',
      }),
    );
    await page.goto('/axe-harness/broken');
    await page.getByRole('heading', { name: 'Broken' }).waitFor();
    await expect(expectNoAxeFindings()).rejects.toThrow(
      /critical image-alt at http:\/\/[^ ]+\/axe-harness\/broken \(after page load\): .* — #no-alt/,
    );
    // The explicit check sees it too; once taken, the guard has nothing left to fail this test on.
    await expect(expectAccessible(page, 'the broken page')).rejects.toThrow(/axe on the broken page/);
    await context.close();
  });

  it('audits the page after a client-side route change', async () => {
    const { context, page } = await newSession(browser);
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Crossroads' }).waitFor();
    await expectNoAxeFindings(); // the home page itself is clean
    // A control without a name, outside the app's root, so it stays across routes.
    await page.evaluate(() => {
      const b = document.createElement('button');
      b.id = 'nameless';
      document.body.append(b);
    });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Mentors' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mentors' }).waitFor();
    await expect(expectNoAxeFindings()).rejects.toThrow(
      /critical button-name at http:\/\/[^ ]+\/mentors \(after route change to \/mentors\): .* — #nameless/,
    );
    await context.close();
  });

  it('audits a popup while it is open, though it is closed by the end of the test', async () => {
    const { context, page } = await newSession(browser);
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Crossroads' }).waitFor();
    await page.evaluate(() => {
      const open = document.createElement('button');
      open.textContent = 'Open the broken dialog';
      open.addEventListener('click', () => {
        const dialog = document.createElement('div');
        dialog.setAttribute('role', 'dialog');
        dialog.setAttribute('aria-label', 'Broken dialog');
        dialog.innerHTML = '<input id="unlabelled" type="text"><button type="button">Close</button>';
        dialog.querySelector('button')?.addEventListener('click', () => dialog.remove());
        document.body.append(dialog);
      });
      document.body.append(open);
    });
    await page.getByRole('button', { name: 'Open the broken dialog' }).click();
    const dialog = page.getByRole('dialog', { name: 'Broken dialog' });
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect(expectNoAxeFindings()).rejects.toThrow(
      /critical label at http:\/\/[^ ]+\/ \(after dialog "Broken dialog" opened\): .* — #unlabelled/,
    );
    await context.close();
  });
});
