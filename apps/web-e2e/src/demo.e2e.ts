import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './support/api.js';
import { watchedPage } from './support/axe-harness.js';
import { DESKTOP, launchBrowser, screenshot } from './support/browser.js';

// The second API started by scripts/run-e2e.mjs: a fresh database seeded with the demo community,
// as a new user's first `npm start` gives them.
const demoUrl = (() => {
  const url = process.env['E2E_DEMO_BASE_URL'];
  if (!url) throw new Error('E2E_DEMO_BASE_URL is not set: run the suite with `npx nx run web-e2e:e2e`.');
  return url;
})();

async function demoGql<T>(query: string): Promise<T> {
  const res = await fetch(`${demoUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { data: T; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body.data;
}

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('the demo community on a first start', () => {
  it(
    'shows a living community to a guest: questions with accepted answers, mentors and guides',
    { timeout: 90_000 },
    async () => {
      // The home page shows the newest questions first, as the API's default sort does.
      const { questions } = await demoGql<{
        questions: {
          totalCount: number;
          edges: { node: { id: string; title: string; acceptedAnswer: { id: string } | null } }[];
        };
      }>('{ questions(first: 50) { totalCount edges { node { id title acceptedAnswer { id } } } } }');
      expect(questions.totalCount).toBeGreaterThanOrEqual(40);
      const answered = questions.edges.find((e) => e.node.acceptedAnswer)?.node;
      if (!answered) throw new Error('the demo has no question with an accepted answer');

      const context = await browser.newContext({ baseURL: demoUrl, viewport: DESKTOP });
      const page = await watchedPage(context);
      await page.goto('/');
      await page.getByRole('link', { name: questions.edges[0].node.title }).first().waitFor();
      await expectAccessible(page, 'the demo home feed');
      await screenshot(page, 'demo-home-1280');

      await page.goto(`/q/${answered.id}`);
      await page.getByRole('heading', { level: 1, name: answered.title }).waitFor();
      await screenshot(page, 'demo-question-1280');

      await page.goto('/mentors');
      await page.getByRole('heading', { level: 1, name: 'Mentors' }).waitFor();
      await page.getByText('Priya Raman').first().waitFor();
      await screenshot(page, 'demo-mentors-1280');

      await page.goto('/help');
      await page.getByRole('heading', { level: 1, name: 'How can we help?' }).waitFor();
      await page.getByRole('link', { name: /PMO/ }).first().waitFor();
      await context.close();
    },
  );

  it('lets the demo moderator sign in and find the held comments in the queue', { timeout: 90_000 }, async () => {
    const context = await browser.newContext({ baseURL: demoUrl, viewport: DESKTOP });
    const page = await watchedPage(context);
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill('sam.whitfield@demo.crossroads.local');
    await page.getByLabel('Password').fill('crossroads-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('current-user').waitFor();

    await page.goto('/moderation');
    await page.getByTestId('queue-item').first().waitFor();
    expect(await page.getByTestId('queue-item').count()).toBe(4);
    await screenshot(page, 'demo-moderation-queue-1280');
    await context.close();
  });
});
