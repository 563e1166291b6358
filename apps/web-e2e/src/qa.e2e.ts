import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, DESKTOP, launchBrowser, newSession, screenshot } from './support/browser.js';
import {
  askQuestion,
  expectAccessible,
  expectNoHorizontalScroll,
  postAnswer,
  registerInBrowser,
  registerUser,
  type Account,
} from './support/api.js';

let browser: Browser;
let asker: Account;
let mentor: Account;
// One signed-in browser session each for the asker and the mentor, kept across the tests.
let askerSession: { context: BrowserContext; page: Page; problems: string[] };
let mentorSession: { context: BrowserContext; page: Page; problems: string[] };
let seeded: { id: string; title: string };
const run = Date.now().toString(36);
const askedTitle = `How do I move from customer service into project management ${run}?`;
let askedId = '';

beforeAll(async () => {
  browser = await launchBrowser();
  askerSession = await newSession(browser);
  mentorSession = await newSession(browser);
  asker = await registerInBrowser(askerSession.page, 'asker', 'Ada Asker');
  mentor = await registerInBrowser(mentorSession.page, 'mentor', 'Mia Mentor');
  const author = await registerUser('seed', 'Sam Seeder');
  const title = `Is a PMO analyst role a good step after project coordination ${run}?`;
  const id = await askQuestion(
    author.token,
    title,
    'I coordinate projects in a construction firm and a PMO analyst role opened. Is it a good next step, and what should I learn first?',
    ['pmo', 'career-change'],
  );
  await postAnswer(
    mentor.token,
    id,
    'Yes: a PMO analyst sees every project at once. Learn **portfolio reporting** first, then governance.',
  );
  seeded = { id, title };
  // Questions like the one asked below, so the ask form's "Similar questions" panel is showing and
  // changes while tags are typed, whatever other files ran before (a panel that moved the page used
  // to close the tag suggestions: react-aria closes its popup on any scroll).
  for (let i = 1; i <= 5; i++) {
    const similarAuthor = await registerUser(`similar${i}`, `Sol Similar ${i}`);
    await askQuestion(
      similarAuthor.token,
      `How do I move from customer service into project management, part ${i} ${run}?`,
      'I lead a customer service team and want to move into project management. What should I learn first?',
      ['career-change'],
    );
  }
});

afterAll(async () => {
  await browser?.close();
});

describe('Q&A in the browser', () => {
  it('a guest reads a question and leaves a comment that is held for moderation', async () => {
    const { context, page, problems } = await newSession(browser);
    await page.goto('/');
    await page.getByRole('link', { name: seeded.title }).click();
    await page.getByRole('heading', { level: 1, name: seeded.title }).waitFor();
    await page.getByText('portfolio reporting').waitFor();
    expect(await page.locator('.answer strong').first().textContent()).toBe('portfolio reporting');
    await expectAccessible(page, 'question page (guest)');

    const thread = page.getByRole('region', { name: 'Comments on this question' });
    await thread.getByRole('button', { name: 'Add a comment' }).click();
    await thread.getByText('Your email address will not be published. Required fields are marked *').waitFor();
    await thread.getByRole('button', { name: 'Post comment' }).click();
    await thread.getByText('Comment is required.').waitFor();
    await thread.getByRole('textbox', { name: 'Comment *' }).fill('Thanks, this helps me a lot with my own plans.');
    await thread.getByLabel('Name').fill('Gwen Guest');
    await thread.getByLabel('Email').fill('gwen@example.com');
    await thread.getByRole('checkbox', { name: 'Notify me of follow-up comments' }).check();
    await thread.getByRole('button', { name: 'Post comment' }).click();
    await thread.getByText('Your comment is awaiting moderation.').waitFor();
    await thread.getByText('Check your inbox: we sent a link to confirm follow-up comments.').waitFor();
    expect(await page.getByText('gwen@example.com').count()).toBe(0);
    await expectAccessible(page, 'question page with a held comment');
    await screenshot(page, 'question-guest-comment-held-1280');

    await page.setViewportSize(PHONE);
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'question-guest-375');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a member asks a question: similar questions while typing, limits checked, tags with autocomplete', async () => {
    const { page, problems } = askerSession;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Ask' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ask a question' }).waitFor();

    // Limits are checked before anything is sent.
    await page.getByLabel('Title').fill('Too short');
    await page.getByRole('button', { name: 'Post your question' }).click();
    await page.getByText('Title must be at least 15 characters (now 9).').waitFor();
    await page.getByText('Add at least 1 tag.').waitFor();

    await page.getByLabel('Title').fill('PMO analyst role after project coordination');
    await page.getByRole('heading', { name: /Similar questions/ }).waitFor();
    await page.getByRole('link', { name: seeded.title }).waitFor();

    await page.getByLabel('Title').fill(askedTitle);
    await page
      .getByRole('textbox', { name: 'Details' })
      .fill(
        'I have led a **customer service** team for six years. Which certification should I start with, and how do I show project experience?',
      );
    await page.getByRole('tab', { name: 'Preview' }).click();
    expect(await page.locator('.md-editor__preview strong').textContent()).toBe('customer service');
    await page.getByRole('tab', { name: 'Write' }).click();

    const tags = page.getByRole('combobox', { name: 'Tags' });
    // Typed key by key as a person would; the suggestion arrives after a pause, so wait for it.
    await tags.pressSequentially('pmo');
    await page.getByRole('option', { name: /^pmo, \d+ questions?$/ }).click();
    const chosen = page.locator('.tag-input__chosen .tag-chip');
    await chosen.filter({ hasText: 'pmo' }).waitFor();
    await tags.fill('Career Change');
    await tags.press('Enter');
    await chosen.filter({ hasText: 'career-change' }).waitFor();
    await tags.press('Escape');
    await expectAccessible(page, 'ask page');
    await screenshot(page, 'ask-filled-1280');
    await page.setViewportSize(PHONE);
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'ask-filled-375');
    await page.setViewportSize(DESKTOP);

    await page.getByRole('button', { name: 'Post your question' }).click();
    await page.getByRole('heading', { level: 1, name: askedTitle }).waitFor();
    askedId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    expect(askedId).toMatch(/.+/);
    expect(await page.locator('.question-page .tag-chip').allTextContents()).toEqual(['pmo', 'career-change']);
    expect(problems).toEqual([]);
  });

  it('another member answers with a preview and votes; the asker accepts and withdraws', async () => {
    const m = mentorSession;
    await m.page.goto(`/q/${askedId}`);
    await m.page.getByRole('heading', { level: 1, name: askedTitle }).waitFor();

    const score = m.page.locator('.question-page > .post [data-testid="score"]');
    expect(await score.textContent()).toBe('0');
    await m.page.getByRole('button', { name: 'Upvote this question' }).click();
    expect(await score.textContent()).toBe('1');
    await m.page.getByRole('button', { name: 'Upvote this question', pressed: true }).waitFor();

    await m.page.getByRole('button', { name: 'Post your answer' }).click();
    await m.page.getByText('Your answer is required.').waitFor();
    await m.page
      .getByRole('textbox', { name: 'Answer' })
      .fill('Start with the **CAPM** or PRINCE2 Foundation, and lead one internal project end to end.');
    await m.page.getByRole('tab', { name: 'Preview' }).click();
    expect(await m.page.locator('.md-editor__preview strong').textContent()).toBe('CAPM');
    await m.page.getByRole('button', { name: 'Post your answer' }).click();
    await m.page.getByRole('heading', { name: '1 answer' }).waitFor();
    await m.page.locator('.answer').getByText('CAPM').waitFor();

    const a = askerSession;
    expect(await a.page.getByTestId('current-user').innerText()).toContain(asker.displayName);
    await a.page.goto(`/q/${askedId}`);
    await a.page.getByRole('button', { name: 'Accept this answer' }).click();
    await a.page.getByRole('button', { name: 'Withdraw acceptance' }).waitFor();
    await a.page.locator('.answer--accepted').getByText('Accepted').waitFor();
    expect(await a.page.getByRole('button', { name: 'Upvote this question' }).isDisabled()).toBe(true);
    await expectAccessible(a.page, 'question page (asker, accepted answer)');
    await screenshot(a.page, 'question-accepted-1280');

    await a.page.getByRole('button', { name: 'Withdraw acceptance' }).click();
    await a.page.getByRole('button', { name: 'Accept this answer' }).waitFor();
    await a.page.getByRole('button', { name: 'Accept this answer' }).click();
    await a.page.getByRole('button', { name: 'Withdraw acceptance' }).waitFor();

    // The feed shows the accepted mark.
    await a.page.goto('/');
    const item = a.page.locator('.question-item', { hasText: askedTitle });
    await item.getByLabel('has an accepted answer').waitFor();
    expect(a.problems).toEqual([]);
  });

  it('search finds the question, a typo gets "Did you mean", and sorts, tag filter and load more work', async () => {
    const { context, page, problems } = await newSession(browser);
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Crossroads' }).waitFor();
    await expectAccessible(page, 'home');
    await screenshot(page, 'home-feed-1280');
    await page.setViewportSize(PHONE);
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'home-feed-375');
    await page.setViewportSize(DESKTOP);

    await page.getByRole('searchbox', { name: 'Search questions' }).fill('certification customer service');
    await page.getByRole('searchbox', { name: 'Search questions' }).press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Results for “certification customer service”' }).waitFor();
    await page.getByRole('link', { name: askedTitle }).waitFor();

    await page.getByRole('searchbox', { name: 'Search questions' }).fill('certificaton');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const suggestion = page.locator('.did-you-mean a');
    await suggestion.waitFor();
    expect((await suggestion.textContent())?.length).toBeGreaterThan(0);
    await page.getByText('Did you mean').waitFor();
    await expectAccessible(page, 'search results');
    await screenshot(page, 'search-did-you-mean');
    await suggestion.click();
    await page.getByRole('link', { name: askedTitle }).waitFor();

    await page.goto('/?sort=VOTES');
    const sorts = page.getByRole('navigation', { name: 'Sort questions' });
    expect(await sorts.getByRole('link', { name: 'Top voted' }).getAttribute('aria-current')).toBe('page');
    expect(await page.locator('.question-item__title').first().textContent()).toContain(askedTitle);
    await sorts.getByRole('link', { name: 'Unanswered' }).click();
    await page.waitForURL(/sort=UNANSWERED/);

    await page.goto('/');
    await page
      .locator('.question-item', { hasText: seeded.title })
      .getByRole('link', { name: 'career-change' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Questions tagged career-change' }).waitFor();
    await page.getByRole('link', { name: askedTitle }).waitFor();
    await page.getByRole('link', { name: seeded.title }).waitFor();
    await expectAccessible(page, 'tag filter');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('tags page, profile page, forbidden and not-found pages pass axe and fit 375 px', async () => {
    const { context, page, problems } = await newSession(browser);
    await page.goto('/tags');
    await page.getByRole('heading', { level: 1, name: 'Tags' }).waitFor();
    await page
      .locator('.tag-card', { hasText: 'career-change' })
      .getByText(/\d+ questions/)
      .waitFor();
    await page.getByLabel('Filter tags by name').fill('pm');
    await page.waitForFunction(() => document.querySelectorAll('.tag-card').length === 1);
    await expectAccessible(page, 'tags page');
    await screenshot(page, 'tags-1280');

    await page.goto(`/u/${mentor.handle}`);
    await page.getByRole('heading', { level: 1, name: mentor.displayName }).waitFor();
    expect(Number(await page.getByTestId('reputation').textContent())).toBeGreaterThanOrEqual(15);
    await expectAccessible(page, 'profile page');
    await screenshot(page, 'profile-1280');
    await page.setViewportSize(PHONE);
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'profile-375');
    await page.setViewportSize(DESKTOP);

    await page.goto('/u/nobody-here');
    await page.getByRole('heading', { level: 1, name: 'User not found' }).waitFor();
    await page.goto('/q/00000000-0000-0000-0000-000000000000');
    await page.getByRole('heading', { level: 1, name: 'Question not found' }).waitFor();
    await expectAccessible(page, 'question not found');
    await screenshot(page, 'question-not-found');
    await page.goto('/forbidden');
    await page.getByRole('heading', { level: 1, name: 'You don’t have access to this page' }).waitFor();
    await expectAccessible(page, 'forbidden');
    await screenshot(page, 'forbidden');
    await page.goto('/ask');
    await page.getByRole('heading', { level: 1, name: 'Sign in to ask a question' }).waitFor();
    await page.goto('/no/such/page');
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await expectAccessible(page, 'not found');
    expect(problems.filter((p) => !p.includes('status of 404'))).toEqual([]);
    await context.close();
  });

  it('a keyboard-only member can reach the answer form and vote', async () => {
    const { page } = askerSession;
    await page.goto(`/q/${seeded.id}`);
    await page.getByRole('heading', { level: 1, name: seeded.title }).waitFor();
    await page.getByRole('button', { name: 'Upvote this question' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Upvote this question', pressed: true }).waitFor();
    await page.getByRole('textbox', { name: 'Answer' }).focus();
    await page.keyboard.type('Typed with the keyboard only: try a stretch assignment with your PMO first.');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Post your answer');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '2 answers' }).waitFor();
  });
});
