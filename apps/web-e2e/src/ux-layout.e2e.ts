// Issue 18 items 5–7 (layout): the compact header, the question page's order and the help centre,
// at 375 and 1280 px, driven by role and accessible name; screenshots of the main pages.
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, launchBrowser, newSession, screenshot } from './support/browser.js';
import {
  askQuestion,
  expectAccessible,
  expectNoHorizontalScroll,
  gql,
  postAnswer,
  registerUser,
} from './support/api.js';
import { sharedAdminToken, staffInBrowser } from './support/staff.js';

let browser: Browser;
const run = Date.now().toString(36);
let questionId: string;
let questionTitle: string;
let articleSlug: string;
let articleTitle: string;

beforeAll(async () => {
  browser = await launchBrowser();
  const asker = await registerUser('uxlq', 'Lena Asker');
  const answerer = await registerUser('uxla', 'Omar Answerer');
  questionTitle = `How do I move from QA testing into business analysis ${run}?`;
  questionId = await askQuestion(
    asker.token,
    questionTitle,
    'I have tested software for five years. Which skills carry over to business analysis, and what should I learn?',
    ['career-change'],
  );
  await postAnswer(
    answerer.token,
    questionId,
    'Requirements reviews and test cases are analysis already: write them up as examples of elicitation and acceptance criteria.',
  );

  const admin = await sharedAdminToken();
  const topic = await gql<{ createTopic: { slug: string } }>(
    `mutation($i: CreateTopicInput!) { createTopic(input: $i) { slug } }`,
    { i: { name: `UX layout ${run}` } },
    admin,
  );
  articleTitle = `Planning your first month in a new role ${run}`;
  const created = await gql<{ createArticle: { id: string; slug: string } }>(
    `mutation($i: CreateArticleInput!) { createArticle(input: $i) { id slug } }`,
    {
      i: {
        title: articleTitle,
        summary: 'Listen, map the people, pick one early win.',
        topicSlug: topic.createTopic.slug,
        body: '## Listen first\n\nMeet everyone you will work with.\n\n## Map the people\n\nWho decides, who helps.\n\n## One early win\n\nPick something small and visible.',
      },
    },
    admin,
  );
  articleSlug = created.createArticle.slug;
  await gql(`mutation($id: ID!) { publishArticle(id: $id) { id } }`, { id: created.createArticle.id }, admin);
});

afterAll(async () => {
  await browser?.close();
});

async function box(el: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = await el.boundingBox();
  if (!b) throw new Error('element has no box (hidden?)');
  return b;
}

/** Whether a comes before b in the document. */
async function precedes(a: Locator, b: Locator): Promise<boolean> {
  const second = await b.elementHandle();
  return a.evaluate((x, y) => Boolean(y && x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING), second);
}

describe('UX layout', () => {
  it('at 375 the header is one compact row; "Menu" opens and closes by keyboard, Escape returns focus', async () => {
    const { context, page, problems } = await newSession(browser, PHONE);
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Crossroads' }).waitFor();
    const header = page.getByRole('banner');
    expect((await box(header)).height).toBeLessThanOrEqual(72);
    const nav = page.getByRole('navigation', { name: 'Main' });
    const menu = nav.getByRole('button', { name: 'Menu' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.getByRole('link', { name: 'Mentors' }).isVisible()).toBe(false);
    // Brand, Menu, Sign in and Sign up side by side, none over another.
    const row = [
      header.getByRole('link', { name: 'Crossroads home' }),
      menu,
      header.getByRole('link', { name: 'Sign in' }),
      header.getByRole('link', { name: 'Sign up' }),
    ];
    const boxes = await Promise.all(row.map(box));
    boxes.slice(1).forEach((b, i) => {
      const before = boxes[i];
      expect(before).toBeDefined();
      if (before) expect(b.x).toBeGreaterThanOrEqual(before.x + before.width);
    });
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'layout-header-375');

    await menu.focus();
    await page.keyboard.press('Enter');
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await nav.getByRole('link', { name: 'Mentors' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await nav.getByRole('link', { name: 'Questions' }).evaluate((e) => e === document.activeElement)).toBe(true);
    await expectAccessible(page, 'header menu open at 375');
    await screenshot(page, 'layout-header-menu-375');
    await page.keyboard.press('Escape');
    await nav.getByRole('link', { name: 'Mentors' }).waitFor({ state: 'hidden' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await menu.evaluate((e) => e === document.activeElement)).toBe(true);

    // A link in the menu navigates and closes it.
    await page.keyboard.press('Space');
    await nav.getByRole('link', { name: 'Help' }).click();
    await page.getByRole('heading', { level: 1, name: 'How can we help?' }).waitFor();
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('signed in as staff, the header is one row at 1280 and compact at 375 with the account menu', async () => {
    const { context, page, problems } = await newSession(browser, DESKTOP);
    await staffInBrowser(page, await sharedAdminToken(), 'uxlmod', 'Lena Layoutson', 'MODERATOR');
    const header = page.getByRole('banner');
    const brand = header.getByRole('link', { name: 'Crossroads home' });
    const account = header.getByRole('navigation', { name: 'Account' });
    const moderation = header.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Moderation' });
    expect(await header.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
    // One row: the brand, the last link and the account menu share a line.
    const [b, m, a] = [await box(brand), await box(moderation), await box(account)];
    for (const other of [m, a]) expect(Math.abs(other.y + other.height / 2 - (b.y + b.height / 2))).toBeLessThan(12);
    expect((await box(header)).height).toBeLessThanOrEqual(80);
    await screenshot(page, 'layout-header-staff-1280');

    await page.setViewportSize(PHONE);
    expect((await box(header)).height).toBeLessThanOrEqual(72);
    await account.getByRole('button', { name: /Lena Layoutson/ }).click();
    await account.getByRole('link', { name: 'Settings' }).waitFor();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'signed-in header at 375 with the account menu open');
    await screenshot(page, 'layout-header-staff-375');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the question page: answers right after the question, mentors beside (1280) or after (375), inline votes, no needless Edit history', async () => {
    const { context, page, problems } = await newSession(browser, DESKTOP);
    await page.goto(`/q/${encodeURIComponent(questionId)}`);
    await page.getByRole('heading', { level: 1, name: questionTitle }).waitFor();
    const answers = page.getByRole('heading', { level: 2, name: '1 answer' });
    const mentors = page.getByRole('heading', { level: 2, name: 'Mentors who could help' });
    await answers.waitFor();
    expect(await precedes(answers, mentors)).toBe(true);
    // Wide: the mentors sit beside the answers, level with them.
    const [aw, mw] = [await box(answers), await box(mentors)];
    expect(mw.x).toBeGreaterThan(aw.x + aw.width);
    expect(Math.abs(mw.y - aw.y)).toBeLessThan(40);
    // Never edited: no Edit history on the question or the answer.
    expect(await page.getByRole('button', { name: 'Edit history' }).count()).toBe(0);
    await expectAccessible(page, 'question page at 1280');
    await screenshot(page, 'layout-question-1280');

    await page.setViewportSize(PHONE);
    const [an, mn] = [await box(answers), await box(mentors)];
    expect(mn.y).toBeGreaterThan(an.y);
    const answer = page.getByRole('listitem', { name: 'Answer by Omar Answerer' });
    const votes = answer.getByRole('group', { name: 'Votes on this answer' });
    const [up, down] = [
      await box(votes.getByRole('button', { name: 'Upvote this answer' })),
      await box(votes.getByRole('button', { name: 'Downvote this answer' })),
    ];
    expect(Math.abs(up.y - down.y)).toBeLessThan(4); // side by side, not stacked
    const text = await box(answer.getByText('Requirements reviews and test cases'));
    expect(text.width).toBeGreaterThan(280);
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'question page at 375');
    await screenshot(page, 'layout-question-375');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('an edited answer offers its Edit history; the unedited question still does not', async () => {
    const asker = await registerUser('uxle', 'Eve Editor');
    const id = await askQuestion(
      asker.token,
      `Is a PMP worth it for a first PMO role ${run}?`,
      'I have two years as a coordinator. Would the PMP help me get a PMO analyst job, or is CAPM enough?',
      ['pmo'],
    );
    const answerId = await postAnswer(
      asker.token,
      id,
      'Answering my own question: CAPM first, then PMP once you have the hours.',
    );
    await gql(
      `mutation($i: EditAnswerInput!) { editAnswer(input: $i) { id } }`,
      { i: { id: answerId, body: 'Answering my own question: CAPM first, then the PMP once you have the 36 months.' } },
      asker.token,
    );
    const { context, page, problems } = await newSession(browser, DESKTOP);
    await page.goto(`/q/${encodeURIComponent(id)}`);
    const answer = page.getByRole('listitem', { name: 'Answer by Eve Editor' });
    await answer.getByRole('button', { name: 'Edit history' }).click();
    await answer.getByText('CAPM first, then PMP once you have the hours.').waitFor();
    expect(await page.getByRole('button', { name: 'Edit history' }).count()).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a help article at 375 starts with its title; the share box is a Copy link button', async () => {
    const { context, page, problems } = await newSession(browser, PHONE);
    await page.goto(`/help/articles/${encodeURIComponent(articleSlug)}`);
    const h1 = page.getByRole('heading', { level: 1, name: articleTitle });
    await h1.waitFor();
    const toc = page.getByRole('navigation', { name: 'On this page' });
    const share = page.getByRole('region', { name: 'Share this article' });
    expect((await box(h1)).y).toBeLessThan((await box(toc)).y);
    expect((await box(h1)).y).toBeLessThan((await box(share)).y);
    expect((await box(h1)).y).toBeLessThan(250);
    await share.getByRole('button', { name: 'Copy link' }).waitFor();
    expect(await share.getByRole('textbox').count()).toBe(0);
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'help article at 375');
    await screenshot(page, 'layout-help-article-375');
    await page.setViewportSize(DESKTOP);
    // Wide: the contents sit beside the text.
    expect((await box(toc)).x).toBeGreaterThan((await box(h1)).x + 300);
    await screenshot(page, 'layout-help-article-1280');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the help home has a search hero, popular articles and a way to ask the community', async () => {
    const { context, page, problems } = await newSession(browser, PHONE);
    await page.goto('/help');
    const hero = page.getByRole('region', { name: 'How can we help?' });
    await hero.getByRole('searchbox', { name: 'Search articles and questions' }).waitFor();
    const popular = page.getByRole('region', { name: 'Popular articles' });
    await popular.getByRole('link', { name: articleTitle }).waitFor();
    const contact = page.getByRole('region', { name: 'Still need help?' });
    expect(await contact.getByRole('link', { name: 'Ask the community' }).getAttribute('href')).toBe('/ask');
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'help home at 375');
    await screenshot(page, 'layout-help-home-375');
    await page.setViewportSize(DESKTOP);
    await screenshot(page, 'layout-help-home-1280');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('screenshots at 375 and 1280: home, question, ask, mentors, help article', async () => {
    const { context, page, problems } = await newSession(browser, DESKTOP);
    const pages: [string, string, RegExp | string][] = [
      ['home', '/', 'Crossroads'],
      ['question', `/q/${encodeURIComponent(questionId)}`, questionTitle],
      ['ask', '/ask', /./],
      ['mentors', '/mentors', /./],
      ['help-article', `/help/articles/${encodeURIComponent(articleSlug)}`, articleTitle],
    ];
    for (const [name, path, h1] of pages) {
      for (const [size, viewport] of [
        ['1280', DESKTOP],
        ['375', PHONE],
      ] as const) {
        await page.setViewportSize(viewport);
        await page.goto(path);
        await page.getByRole('heading', { level: 1, name: h1 }).first().waitFor();
        await screenshot(page, `screen-${name}-${size}`);
      }
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});
