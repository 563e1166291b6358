import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newSession, screenshot } from './support/browser.js';
import { expectInert, VECTORS } from './support/xss.js';
import {
  addComment,
  adminToken,
  approveComment,
  askQuestion,
  postAnswer,
  registerUser,
  type Account,
} from './support/api.js';

const DISPLAY_NAME_MAX = 60;

let browser: Browser;
let questionId: string;
const named: Account[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  const admin = await adminToken();
  const author = await registerUser('xssq', 'Xavier Question');
  const body = `Every stored XSS vector, one per line:\n\n${VECTORS.map((v, i) => `${i + 1}. ${v}`).join('\n')}\n\nAnd each as its own paragraph:\n\n${VECTORS.join('\n\n')}`;
  questionId = await askQuestion(author.token, `Stored XSS vectors render inert ${Date.now().toString(36)}`, body, [
    'security',
  ]);

  // Each vector that fits a display name becomes one; that user answers and comments.
  for (const vector of VECTORS.filter((v) => v.length <= DISPLAY_NAME_MAX))
    named.push(await registerUser('xssn', vector));
  const answerer = named[0] ?? (await registerUser('xssa'));
  const answerId = await postAnswer(
    answerer.token,
    questionId,
    `An answer with every vector:\n\n${VECTORS.join('\n\n')}`,
  );
  for (const [i, vector] of VECTORS.entries()) {
    const commenter = named[i % Math.max(named.length, 1)] ?? answerer;
    const onQuestion = await addComment(commenter.token, questionId, 'QUESTION', `comment ${vector}`);
    const onAnswer = await addComment(commenter.token, answerId, 'ANSWER', `comment ${vector}`);
    for (const c of [onQuestion, onAnswer]) if (c.status === 'PENDING') await approveComment(admin, c.id);
  }
});

afterAll(async () => {
  await browser?.close();
});

describe('stored XSS renders inert', () => {
  it('in a question, an answer, comments and display names on the question page', async () => {
    const { context, page, problems } = await newSession(browser);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`/q/${questionId}`);
    await page.getByRole('heading', { level: 1, name: /Stored XSS vectors/ }).waitFor();
    await page
      .locator('.comment')
      .nth(VECTORS.length + 3)
      .waitFor();
    expect(await page.locator('.comment').count()).toBe(VECTORS.length + 4);
    // The comments show the vectors as text.
    for (const vector of VECTORS)
      expect(await page.locator('.comment__body', { hasText: `comment ${vector}` }).count()).toBeGreaterThan(0);
    // Display names show as text too.
    for (const account of named.slice(0, 3))
      expect(await page.getByText(account.displayName, { exact: true }).count()).toBeGreaterThan(0);
    await expectInert(page, dialogs);
    await screenshot(page, 'xss-question');
    expect(problems.filter((p) => !/Failed to load resource/.test(p))).toEqual([]);
    await context.close();
  });

  it('in the feed and on each profile page', async () => {
    const { context, page } = await newSession(browser);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto('/?tag=security');
    await page.getByRole('link', { name: /Stored XSS vectors/ }).waitFor();
    await expectInert(page, dialogs);
    for (const account of named) {
      await page.goto(`/u/${account.handle}`);
      await page.getByRole('heading', { level: 1, name: account.displayName }).waitFor();
      await expectInert(page, dialogs);
    }
    await context.close();
  });
});
