import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, launchBrowser, newSession, screenshot } from './support/browser.js';
import { askQuestion, expectAccessible, expectNoHorizontalScroll, gql, registerUser } from './support/api.js';
import { sharedAdminToken, staffInBrowser } from './support/staff.js';

type Session = { context: BrowserContext; page: Page; problems: string[] };

let browser: Browser;
let admin: string;
let mod: Session;
const run = Date.now().toString(36);
const topicName = `PMO careers ${run}`;
const first = {
  title: `Moving from project manager to PMO ${run}`,
  summary: 'What changes when you leave delivery for governance.',
};
const second = {
  title: `Soft skills for PMO practitioners ${run}`,
  summary: 'Influence without authority, and reporting that people read.',
};
const firstBody = [
  'A PMO sees every project at once. This guide walks you through the move step by step.',
  '',
  '## Why move to a PMO',
  'You trade one project for the portfolio view.',
  '',
  '## What to learn first',
  'Portfolio reporting, then governance.',
  '',
  ...Array.from(
    { length: 30 },
    (_, i) => `Filler paragraph ${i + 1} so the page scrolls far enough to test anchors.\n`,
  ),
  '## Next steps',
  'Talk to the PMO lead in your company this week.',
].join('\n');
const secondBody =
  '## Influence without authority\n\nA PMO rarely owns the people it needs: build trust with clear, useful reports.\n\n## Reporting people read\n\nOne page, the decisions needed first.';

// ../shared/docs/quality-bars.md
const VECTORS = [
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

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await sharedAdminToken();
  mod = await newSession(browser);
  await staffInBrowser(mod.page, admin, 'kbmod', 'Kim Editor', 'MODERATOR');
});

afterAll(async () => {
  await browser?.close();
});

async function writeArticle(page: Page, a: { title: string; summary: string }, body: string) {
  await page.goto('/help/editor');
  await page.getByRole('heading', { level: 1, name: 'New article' }).waitFor();
  await page.getByLabel('Title').fill(a.title);
  await page.getByLabel('Summary').fill(a.summary);
  await page.getByLabel('Topic').selectOption({ label: topicName });
  await page.getByRole('textbox', { name: 'Body' }).fill(body);
  await page.getByRole('button', { name: 'Save and publish' }).click();
  await page.getByRole('heading', { level: 1, name: a.title }).waitFor();
}

describe('knowledge base', () => {
  it('a moderator creates a topic and two articles with the editor and publishes them', async () => {
    const { page, problems } = mod;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Help' }).click();
    await page.getByRole('heading', { level: 1, name: 'How can we help?' }).waitFor();
    await page.getByLabel('Topic name').fill(topicName);
    await page.getByLabel('Description (optional)').fill('Guides for moving into and growing in a PMO.');
    await page.getByRole('button', { name: 'Create topic' }).click();
    await page.getByText(`Topic “${topicName}” created.`).waitFor();
    await page.getByRole('link', { name: topicName }).waitFor();

    // The editor checks limits before sending, and previews Markdown.
    await page.goto('/help/editor');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText(/Title must be 5–150 characters/).waitFor();
    await page
      .getByRole('textbox', { name: 'Body' })
      .fill('## Preview heading\n\nSome **bold** text that is long enough to preview.');
    await page.getByRole('tab', { name: 'Preview' }).click();
    expect(await page.locator('.md-editor__preview strong').textContent()).toBe('bold');
    await page.getByRole('tab', { name: 'Write' }).click();
    await expectAccessible(page, 'article editor');
    await screenshot(page, 'help-editor-1280');
    await page.setViewportSize(PHONE);
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'help-editor-375');
    await page.setViewportSize(DESKTOP);

    await writeArticle(page, first, firstBody);
    await writeArticle(page, second, secondBody);
    await page.getByRole('button', { name: 'Unpublish' }).waitFor();

    await page.goto('/help');
    await page.locator('.topic-card', { hasText: topicName }).getByText('2 articles').waitFor();
    await page.getByRole('link', { name: topicName }).click();
    await page.getByRole('heading', { level: 1, name: topicName }).waitFor();
    expect(await page.locator('.article-item__title a').allTextContents()).toEqual([first.title, second.title]);
    expect(problems).toEqual([]);
  });

  it('a guest browses, rates (the distribution updates), sends feedback, follows a TOC anchor and navigates previous/next', async () => {
    const { context, page, problems } = await newSession(browser);
    await page.goto('/help');
    await page.getByRole('heading', { level: 1, name: 'How can we help?' }).waitFor();
    await page.getByRole('link', { name: topicName }).waitFor();
    await expectAccessible(page, 'help home');
    await screenshot(page, 'help-home-1280');
    await page.setViewportSize(PHONE);
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'help-home-375');
    await page.setViewportSize(DESKTOP);

    await page.getByRole('link', { name: topicName }).click();
    await page.getByText(first.summary).waitFor();
    await expectAccessible(page, 'topic page');
    await screenshot(page, 'help-topic-1280');
    await page.setViewportSize(PHONE);
    await expectNoHorizontalScroll(page);
    await page.setViewportSize(DESKTOP);

    await page.getByRole('link', { name: first.title }).click();
    await page.getByRole('heading', { level: 1, name: first.title }).waitFor();
    await page.getByText('No ratings yet').waitFor();

    // Table of contents: the anchor matches the rendered heading.
    const toc = page.getByRole('navigation', { name: 'On this page' });
    expect(await toc.getByRole('link').allTextContents()).toEqual([
      'Why move to a PMO',
      'What to learn first',
      'Next steps',
    ]);
    await toc.getByRole('link', { name: 'Next steps' }).click();
    await page.waitForURL(/#next-steps$/);
    const heading = page.locator('#next-steps');
    expect(await heading.evaluate((el) => el.tagName)).toBe('H2');
    expect(await heading.textContent()).toBe('Next steps');
    await page.waitForFunction(() => {
      const r = document.getElementById('next-steps')?.getBoundingClientRect();
      return !!r && r.top >= 0 && r.top < window.innerHeight;
    });

    // Rate with the keyboard-accessible radio group.
    // The radio input is visually hidden inside its star label: click the star as a person would.
    await page.locator('.star-rating__star', { has: page.getByRole('radio', { name: '4 stars' }) }).click();
    await page.getByText('Thanks! You rated this article 4 stars.').waitFor();
    await page.getByTestId('rating-summary').getByText('4.0 out of 5 · 1 rating').waitFor();
    expect(await page.getByTestId('rating-4').textContent()).toContain('100 %');

    // Feedback: too short first, then sent.
    const feedback = page.getByLabel('Your feedback');
    await feedback.fill('Too short');
    await page.getByRole('button', { name: 'Send feedback' }).click();
    await page.getByText('Feedback must be at least 10 characters (now 9).').waitFor();
    await feedback.fill(`Please add an example PMO status report ${run}.`);
    await page.getByRole('button', { name: 'Send feedback' }).click();
    await page.getByText(/Thank you! Your feedback was sent/).waitFor();

    await page.getByRole('button', { name: 'Copy link' }).waitFor();
    await expectAccessible(page, 'article page');
    await screenshot(page, 'help-article-1280');
    await page.setViewportSize(PHONE);
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'help-article-375');
    await page.setViewportSize(DESKTOP);

    const nav = page.getByRole('navigation', { name: 'More in this topic' });
    await nav.getByRole('link', { name: new RegExp(second.title) }).click();
    await page.getByRole('heading', { level: 1, name: second.title }).waitFor();
    await page.getByText('No ratings yet').waitFor();
    await page
      .getByRole('navigation', { name: 'More in this topic' })
      .getByRole('link', { name: new RegExp(first.title) })
      .click();
    await page.getByRole('heading', { level: 1, name: first.title }).waitFor();
    // This browser's rating is remembered (guest cookie).
    expect(await page.getByRole('radio', { name: '4 stars' }).isChecked()).toBe(true);
    expect(problems).toEqual([]);
    await context.close();

    // Another guest on the same address (no cookie): one guest rating per article per address, so
    // theirs replaces it rather than stuffing a second one.
    const other = await newSession(browser, PHONE);
    await other.page.goto('/help');
    await other.page.getByRole('link', { name: topicName }).click();
    await other.page.getByRole('link', { name: first.title }).click();
    await other.page.getByRole('radio', { name: '2 stars' }).focus();
    await other.page.keyboard.press('Space');
    await other.page.getByTestId('rating-summary').getByText('2.0 out of 5 · 1 rating').waitFor();
    await other.context.close();

    // A signed-in member rates 4: two ratings, the distribution split.
    await mod.page.goto('/help');
    await mod.page.getByRole('link', { name: topicName }).click();
    await mod.page.getByRole('link', { name: first.title }).click();
    await mod.page.getByRole('radio', { name: '4 stars' }).focus();
    await mod.page.keyboard.press('Space');
    await mod.page.getByTestId('rating-summary').getByText('3.0 out of 5 · 2 ratings').waitFor();
    expect(await mod.page.getByTestId('rating-4').textContent()).toContain('50 %');
    expect(await mod.page.getByTestId('rating-2').textContent()).toContain('50 %');
  });

  it('moderators see the feedback and mark it done', async () => {
    const { page, problems } = mod;
    await page.goto('/help');
    await page.getByRole('link', { name: 'Reader feedback' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reader feedback' }).waitFor();
    const item = page.locator('.feedback-item', { hasText: `Please add an example PMO status report ${run}.` });
    await item.waitFor();
    await expectAccessible(page, 'feedback list');
    await screenshot(page, 'help-feedback-1280');
    await item.getByRole('button', { name: /Mark done/ }).click();
    await page.getByText('Marked done.').waitFor();
    await page.getByRole('link', { name: 'Done', exact: true }).click();
    await page.locator('.feedback-item', { hasText: `Please add an example PMO status report ${run}.` }).waitFor();
    expect(problems).toEqual([]);
  });

  it('one search box finds articles and questions, articles first when they match well', async () => {
    const word = `stakeholdermap${run}`;
    const asker = await registerUser('kbq', 'Kit Asker');
    await askQuestion(
      asker.token,
      `Do I need a ${word} before a PMO interview?`,
      `Someone told me to bring a ${word} to the interview. Is that a real thing people expect?`,
      ['pmo'],
    );
    const topics = await gql<{ topics: { slug: string; name: string }[] }>(`{ topics { slug name } }`);
    const topicSlug = topics.topics.find((t) => t.name === topicName)?.slug;
    const created = await gql<{ createArticle: { id: string } }>(
      `mutation($i: CreateArticleInput!) { createArticle(input: $i) { id } }`,
      {
        i: {
          title: `How to draw a ${word}`,
          summary: `Drawing a ${word} step by step.`,
          topicSlug,
          body: `A ${word} shows who cares about a project and how much. Draw one in ten minutes.`,
        },
      },
      admin,
    );
    await gql(`mutation($id: ID!) { publishArticle(id: $id) { id } }`, { id: created.createArticle.id }, admin);

    const { context, page, problems } = await newSession(browser);
    await page.goto('/help');
    await page.getByRole('searchbox', { name: 'Search articles and questions' }).fill(word);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: `Results for “${word}”` }).waitFor();
    await page.getByRole('link', { name: `How to draw a ${word}` }).waitFor();
    await page.getByRole('link', { name: `Do I need a ${word} before a PMO interview?` }).waitFor();
    const order = await page
      .locator('.help-results__group')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(order).toEqual(['article-results', 'question-results']);
    await expectAccessible(page, 'help search results');
    await screenshot(page, 'help-search-1280');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the XSS vectors in an article body render inert', async () => {
    const topics = await gql<{ topics: { slug: string; name: string }[] }>(`{ topics { slug name } }`);
    const topicSlug = topics.topics.find((t) => t.name === topicName)?.slug;
    const body = `## Vectors\n\nEvery stored XSS vector, one per line:\n\n${VECTORS.map((v, i) => `${i + 1}. ${v}`).join('\n')}\n\n## Each as a paragraph\n\n${VECTORS.join('\n\n')}`;
    const created = await gql<{ createArticle: { slug: string; id: string } }>(
      `mutation($i: CreateArticleInput!) { createArticle(input: $i) { id slug } }`,
      { i: { title: `Stored XSS in articles ${run}`, summary: VECTORS[5], topicSlug, body } },
      admin,
    );
    await gql(`mutation($id: ID!) { publishArticle(id: $id) { id } }`, { id: created.createArticle.id }, admin);

    const { context, page } = await newSession(browser);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`/help/articles/${created.createArticle.slug}`);
    await page.getByRole('heading', { level: 1, name: /Stored XSS in articles/ }).waitFor();
    // Broken images' error events (where an injected handler would run) fire when their loads settle.
    await page.waitForLoadState('networkidle');
    expect(dialogs).toEqual([]);
    const bad = await page.evaluate(() => {
      const found: string[] = [];
      const root = document.getElementById('root');
      for (const el of root?.querySelectorAll('script, iframe, object, embed, svg, style') ?? [])
        found.push(`<${el.tagName.toLowerCase()}>`);
      for (const el of document.querySelectorAll('*')) {
        for (const name of el.getAttributeNames()) {
          const value = (el.getAttribute(name) ?? '').replace(/\s/g, '').toLowerCase();
          if (name.startsWith('on')) found.push(`${el.tagName} ${name}`);
          if (
            ['href', 'src', 'action', 'xlink:href'].includes(name) &&
            (value.startsWith('javascript:') || value.startsWith('data:'))
          )
            found.push(`${el.tagName} ${name}=${value}`);
        }
      }
      return found;
    });
    expect(bad).toEqual([]);
    await screenshot(page, 'help-article-xss');
    await context.close();
  });
});
