// Issue 18 (UX pass), the last items: guests make no refresh call that can only fail, and a guest
// still sees their held comment (with its notice) after a reload, while nobody else does.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newSession } from './support/browser.js';
import { askQuestion, expectAccessible, registerInBrowser, registerUser } from './support/api.js';

let browser: Browser;
const run = Date.now().toString(36);

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Counts the page's refreshSession calls from now on. */
function countRefreshes(page: Page): { count: () => number } {
  let n = 0;
  page.on('request', (r) => {
    if (r.url().includes('/graphql') && (r.postData() ?? '').includes('refreshSession')) n++;
  });
  return { count: () => n };
}

describe('UX session details', () => {
  it('a guest visit makes no refresh call; a signed-in reload restores the session; signing out ends the calls again', async () => {
    const { context, page, problems } = await newSession(browser);
    const refreshes = countRefreshes(page);
    const header = page.getByRole('banner');
    // Three page loads as a guest, each waiting until the page's data has arrived (the app's
    // requests wait for the start-up refresh, so a refresh would have been made by then).
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Crossroads' }).waitFor();
    await page.getByRole('navigation', { name: 'Sort questions' }).waitFor();
    await header.getByRole('link', { name: 'Sign in' }).waitFor();
    await page.goto('/mentors');
    await page.getByRole('heading', { level: 1, name: 'Mentors' }).waitFor();
    await header.getByRole('link', { name: 'Sign in' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Mentors' }).waitFor();
    await header.getByRole('link', { name: 'Sign in' }).waitFor();
    expect(refreshes.count()).toBe(0);
    expect((await context.cookies()).map((c) => c.name)).not.toContain('cr_session');

    // Signed in: the readable hint holds no token, and a reload restores the session with one call.
    const account = await registerInBrowser(page, 'uxsess', 'Sol Session');
    const hint = (await context.cookies()).find((c) => c.name === 'cr_session');
    expect(hint).toMatchObject({ value: '1', httpOnly: false, path: '/' });
    const before = refreshes.count();
    await page.reload();
    await page.getByTestId('current-user').waitFor();
    expect(refreshes.count()).toBe(before + 1);

    // Signed out: the hint goes with the refresh cookie, and reloads make no call again.
    await header.getByRole('button', { name: `${account.displayName} @${account.handle}` }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await header.getByRole('link', { name: 'Sign in' }).waitFor();
    expect((await context.cookies()).map((c) => c.name)).not.toContain('cr_session');
    const afterSignOut = refreshes.count();
    await page.reload();
    await header.getByRole('link', { name: 'Sign in' }).waitFor();
    await page.getByRole('navigation', { name: 'Sort questions' }).waitFor();
    expect(refreshes.count()).toBe(afterSignOut);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a guest still sees their held comment after a reload; another visitor does not', async () => {
    const asker = await registerUser('uxsq', 'Quin Asker');
    const title = `Is a PMO analyst role a good step after support ${run}?`;
    const id = await askQuestion(
      asker.token,
      title,
      'I lead a support team and a PMO analyst role opened. Is it a good next step?',
      ['pmo'],
    );
    const body = `It was for me: I learned planning fast ${run}.`;

    const guest = await newSession(browser);
    const { page } = guest;
    await page.goto(`/q/${encodeURIComponent(id)}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const comments = page.getByRole('region', { name: 'Comments on this question' });
    await comments.getByRole('button', { name: 'Add a comment' }).click();
    await comments.getByRole('textbox', { name: 'Comment *' }).fill(body);
    await comments.getByRole('textbox', { name: 'Name *' }).fill('Gale Guest');
    await comments.getByRole('textbox', { name: 'Email *' }).fill(`gale-${run}@example.com`);
    await comments.getByRole('button', { name: 'Post comment' }).click();
    const mine = comments.getByRole('listitem').filter({ hasText: body });
    await mine.getByText('Your comment is awaiting moderation.', { exact: false }).waitFor();

    for (let i = 0; i < 2; i++) {
      await page.reload();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await mine.getByText('Your comment is awaiting moderation.', { exact: false }).waitFor();
    }
    await expectAccessible(page, 'question page with the guest’s held comment after a reload');
    expect(guest.problems).toEqual([]);

    // Another browser sees the question without it.
    const other = await newSession(browser);
    await other.page.goto(`/q/${encodeURIComponent(id)}`);
    await other.page.getByRole('heading', { level: 1, name: title }).waitFor();
    await other.page
      .getByRole('region', { name: 'Comments on this question' })
      .getByRole('button', { name: 'Add a comment' })
      .waitFor();
    expect(await other.page.getByText(body).count()).toBe(0);
    await other.context.close();
    await guest.context.close();
  });
});
