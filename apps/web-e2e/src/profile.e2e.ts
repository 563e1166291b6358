import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  askQuestion,
  expectAccessible,
  expectNoHorizontalScroll,
  gql,
  postAnswer,
  registerAgedUser,
  type Account,
} from './support/api.js';
import { DESKTOP, PHONE, launchBrowser, newSession, screenshot } from './support/browser.js';

let browser: Browser;
let member: Account;
const suffix = Date.now().toString(36);
const firstTitle = `Which PMO certificate should I take first? ${suffix}`;
const secondTitle = `How do I report portfolio status to executives? ${suffix}`;
const answeredTitle = `Is a PMO analyst role a step up from coordinator? ${suffix}`;

beforeAll(async () => {
  browser = await launchBrowser();
  // Aged accounts: a new account waits 60 seconds between questions (quality-bars.md).
  const other = await registerAgedUser('profileother', 'Olive Other');
  member = await registerAgedUser('profilemember', 'Paula Profile');
  const answeredId = await askQuestion(
    other.token,
    answeredTitle,
    'I coordinate projects in a construction firm. Would a PMO analyst role be a step up, and what would I learn?',
    ['pmo'],
  );
  const answerId = await postAnswer(
    member.token,
    answeredId,
    'Yes: an analyst sees every project at once. Learn **portfolio reporting** first.',
  );
  // Accepted today: +15 on the member's reputation chart.
  await gql(`mutation($id: ID!) { acceptAnswer(answerId: $id) { id } }`, { id: answerId }, other.token);
  await askQuestion(
    member.token,
    firstTitle,
    'I am choosing between CAPM and a PMO-specific certificate. Which one helps more for a first PMO role?',
    ['pmo'],
  );
  await askQuestion(
    member.token,
    secondTitle,
    'Our executives want a one-page view of twenty projects. What should a portfolio status report contain?',
    ['pmo'],
  );
});

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

    const answers = page.getByRole('region', { name: /^Answers \(/ });
    await answers.getByRole('link', { name: answeredTitle }).waitFor();
    expect(await answers.getByRole('listitem').count()).toBe(1);
    expect(await answers.getByRole('heading', { level: 2 }).textContent()).toBe('Answers (1)');
    expect(await page.getByRole('button', { name: /Load more/ }).count()).toBe(0);

    // Reputation over 90 days, loaded after the profile: a line, and the same as a table.
    const reputation = page.getByRole('region', { name: 'Reputation, last 90 days' });
    await reputation.getByRole('img', { name: /reputation went from 0 to 15/ }).waitFor();
    await reputation.getByRole('button', { name: 'Table view' }).click();
    const today = new Date().toISOString().slice(0, 10);
    const todayRow = reputation.getByRole('row').filter({ hasText: today });
    await todayRow.waitFor();
    expect(await todayRow.getByRole('cell').allTextContents()).toEqual([today, '+15', '15']);
    await expectAccessible(page, 'profile page with the reputation table');
    await reputation.getByRole('button', { name: 'Table view' }).click();

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
