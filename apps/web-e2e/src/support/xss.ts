import type { Page } from 'playwright-core';
import { expect } from 'vitest';

// ../shared/docs/quality-bars.md: each must render inert as question, answer, comment and display name.
export const VECTORS = [
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '[x](&#106;avascript:alert(1))',
  '<javascript:alert(1)>',
  '![x](x"onerror="alert(1))',
  '<img src=x onerror=alert(1)>',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '</noscript><img src=x onerror=alert(1)>',
  '<svg><style><img src=x onerror=alert(1)>',
];

/**
 * No dialog opened, no script element came from content, no javascript:/data: URL, no inline handler.
 * `within`: where content is (default the whole app); a signed-in page's own header has an svg icon.
 */
export async function expectInert(page: Page, dialogs: string[], within = '#root') {
  // Any injected handler (onerror of a broken image) fires when its load settles: wait for the network.
  await page.waitForLoadState('networkidle');
  expect(dialogs).toEqual([]);
  const found = await page.evaluate((selector) => {
    const root = document.querySelector(selector);
    const bad: string[] = [];
    if (!root) return [`no ${selector}`];
    // Our charts are svg marked data-chart; content cannot carry it (Markdown renders no raw HTML).
    for (const el of root.querySelectorAll('script, iframe, object, embed, svg, style'))
      if (!el.closest('svg[data-chart]')) bad.push(`element <${el.tagName.toLowerCase()}>`);
    for (const el of document.querySelectorAll('*')) {
      for (const name of el.getAttributeNames()) {
        const value = (el.getAttribute(name) ?? '').replace(/\s/g, '').toLowerCase();
        if (name.startsWith('on')) bad.push(`${el.tagName} ${name}`);
        if (
          (name === 'href' || name === 'src' || name === 'action' || name === 'xlink:href') &&
          (value.startsWith('javascript:') || value.startsWith('data:'))
        ) {
          bad.push(`${el.tagName} ${name}=${value}`);
        }
      }
    }
    return bad;
  }, within);
  expect(found).toEqual([]);
}
