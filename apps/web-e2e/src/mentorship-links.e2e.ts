import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, launchBrowser, newSession } from './support/browser.js';
import { gql, registerUser, type Account } from './support/api.js';

// Notifications about a mentorship request link to /mentorships#mentorship-<id>: the page opens the
// tab that holds the request, scrolls to it once it has loaded, focuses it and marks it current.

let browser: Browser;
const run = Date.now().toString(36);
const tag = `links-${run}`;

async function mentor(prefix: string, name: string): Promise<Account> {
  const account = await registerUser(prefix, name);
  await gql(
    `mutation($i: MentorProfileInput!) { upsertMentorProfile(input: $i) { headline } }`,
    { i: { headline: `Delivery lead, ${name} ${run}`, yearsExperience: 12, expertise: [tag], maxOpenRequests: 10 } },
    account.token,
  );
  return account;
}

async function requestMentorship(from: Account, to: Account): Promise<string> {
  const { requestMentorship } = await gql<{ requestMentorship: { id: string } }>(
    `mutation($i: RequestMentorshipInput!) { requestMentorship(input: $i) { id } }`,
    { i: { mentorHandle: to.handle, message: `Hello ${to.displayName}, could you help me plan my next step?` } },
    from.token,
  );
  return requestMentorship.id;
}

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('links to a mentorship request', () => {
  it('open the right tab, scrolled to the request, focused and marked current (375 px)', async () => {
    const lena = await mentor('linkm', 'Lena Linkmentor');
    // Four pending requests, each with its reply form: the oldest is far below the fold on a phone.
    const names = ['Ada Oldest', 'Ben Second', 'Cy Third', 'Di Newest'];
    const ids: string[] = [];
    for (const name of names) ids.push(await requestMentorship(await registerUser('linke', name), lena));

    const { context, page, problems } = await newSession(browser, PHONE);
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(lena.email);
    await page.getByLabel('Password').fill(lena.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('current-user').waitFor();

    await page.goto('/notifications');
    await page.getByRole('link', { name: 'Ada Oldest asked you for mentorship' }).click();
    await page.waitForURL((url) => url.pathname === '/mentorships' && url.hash === `#mentorship-${ids[0]}`);
    await page.getByRole('tab', { name: 'As mentor', selected: true }).waitFor();
    const oldest = page.getByRole('listitem', { name: 'Request from Ada Oldest' });
    await expect.poll(() => oldest.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await oldest.getAttribute('aria-current')).toBe('true');
    // Scrolled to: the page moved, and the request's top is on screen.
    expect(
      await oldest.evaluate((el) => {
        const top = el.getBoundingClientRect().top;
        return window.scrollY > 0 && top >= 0 && top < window.innerHeight;
      }),
    ).toBe(true);
    expect(await page.getByRole('listitem', { name: 'Request from Di Newest' }).getAttribute('aria-current')).toBe(
      null,
    );

    // Lena asks another mentor herself; his acceptance links to her request as a mentee, though a
    // mentor's page opens on the mentor tab.
    const otto = await mentor('linko', 'Otto Othermentor');
    const mine = await requestMentorship(lena, otto);
    await gql(
      `mutation($i: RespondToMentorshipInput!) { respondToMentorship(input: $i) { id } }`,
      { i: { requestId: mine, accept: true } },
      otto.token,
    );
    await page.goto('/notifications');
    await page.getByRole('link', { name: 'Otto Othermentor accepted your mentorship request' }).click();
    await page.waitForURL((url) => url.hash === `#mentorship-${mine}`);
    await page.getByRole('tab', { name: 'As mentee', selected: true }).waitFor();
    const request = page.getByRole('listitem', { name: 'Request to Otto Othermentor' });
    await expect.poll(() => request.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await request.getAttribute('aria-current')).toBe('true');

    expect(problems).toEqual([]);
    await context.close();
  });
});
