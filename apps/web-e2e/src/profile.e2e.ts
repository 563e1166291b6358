import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectNoHorizontalScroll, postAnswer, registerUser, type Account } from './support/api.js';
import { DESKTOP, PHONE, launchBrowser, newSession, screenshot } from './support/browser.js';
import { gqlRaw } from './support/staff.js';

let browser: Browser;
let member: Account;
const suffix = Date.now().toString(36);
const firstTitle = `Which PMO certificate should I take first? ${suffix}`;
const secondTitle = `How do I report portfolio status to executives? ${suffix}`;
const answeredTitle = `Is a PMO analyst role a step up from coordinator? ${suffix}`;

/**
 * Asks as a new account. New accounts wait 60 seconds between questions (quality-bars.md): a
 * RATE_LIMITED answer is waited out once, as long as it says.
 */
async function askAsNewAccount(token: string, title: string, body: string, tags: string[]): Promise<string> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const res = await gqlRaw(`mutation($i: AskQuestionInput!) { askQuestion(input: $i) { id } }`, { i: { title, body, tags } }, token);
    const asked = res.data?.['askQuestion'] as { id: string } | undefined;
    if (asked) return asked.id;
    const limited = res.errors?.find((e) => e.extensions?.['code'] === 'RATE_LIMITED');
    if (!limited || attempt > 0) throw new Error(`askQuestion failed: ${JSON.stringify(res.errors)}`);
    const wait = Number(limited.extensions?.['retryAfterSeconds'] ?? 60);
    await new Promise((r) => setTimeout(r, (Math.min(Math.max(wait, 1), 61) + 1) * 1000));
  }
  throw new Error('unreachable');
}

beforeAll(async () => {
  browser = await launchBrowser();
  const other = await registerUser('profileother', 'Olive Other');
  member = await registerUser('profilemember', 'Paula Profile');
  const answeredId = await askAsNewAccount(other.token, answeredTitle, 'I coordinate projects in a construction firm. Would a PMO analyst role be a step up, and what would I learn?', ['pmo']);
  await postAnswer(member.token, answeredId, 'Yes: an analyst sees every project at once. Learn **portfolio reporting** first.');
  await askAsNewAccount(member.token, firstTitle, 'I am choosing between CAPM and a PMO-specific certificate. Which one helps more for a first PMO role?', ['pmo']);
  await askAsNewAccount(member.token, secondTitle, 'Our executives want a one-page view of twenty projects. What should a portfolio status report contain?', ['pmo']);
}, 150_000);

afterAll(async () => {
  await browser?.close();
});

describe('a profile page', () => {
  it("lists the member's questions (newest first) and answers, and passes axe", async () => {
    const { context, page, problems } = await newSession(browser, DESKTOP);
    await page.goto(`/u/${member.handle}`);
    await page.getByRole('heading', { level: 1, name: 'Paula Profile' }).waitFor();

    const questions = page.getByRole('region', { name: /^Questions/ });
    await questions.getByRole('link', { name: secondTitle }).waitFor();
    expect(await questions.getByRole('listitem').allTextContents()).toEqual([
      expect.stringContaining(secondTitle),
      expect.stringContaining(firstTitle),
    ]);
    expect(await questions.getByRole('heading', { level: 2 }).textContent()).toBe('Questions (2)');

    const answers = page.getByRole('region', { name: /^Answers/ });
    await answers.getByRole('link', { name: answeredTitle }).waitFor();
    expect(await answers.getByRole('listitem').count()).toBe(1);
    expect(await answers.getByRole('heading', { level: 2 }).textContent()).toBe('Answers (1)');
    expect(await page.getByRole('button', { name: /Load more/ }).count()).toBe(0);

    await expectAccessible(page, 'profile page');
    await screenshot(page, 'profile-1280');
    await page.setViewportSize(PHONE);
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'profile-375');

    // The answer links to its question.
    await answers.getByRole('link', { name: answeredTitle }).click();
    await page.getByRole('heading', { level: 1, name: answeredTitle }).waitFor();

    expect(problems).toEqual([]);
    await context.close();
  });
});
