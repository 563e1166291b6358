// Issue 18 (UX pass): the tag combobox, keyboard star rating, lists after writes and route changes,
// each driven by role and accessible name as a keyboard or screen-reader user would.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newSession, screenshot } from './support/browser.js';
import { askQuestion, expectAccessible, gql, postAnswer, registerInBrowser, registerUser } from './support/api.js';
import { sharedAdminToken, staffInBrowser } from './support/staff.js';

let browser: Browser;
const run = Date.now().toString(36);

beforeAll(async () => {
  browser = await launchBrowser();
  const author = await registerUser('uxseed', 'Uma Seeder');
  await askQuestion(
    author.token,
    `Moving into a PMO role from support ${run}?`,
    'I lead a support team and want to move into a PMO. What should I learn first, and how?',
    ['career-change', 'pmo'],
  );
});

afterAll(async () => {
  await browser?.close();
});

/** The text of every element the control's aria-describedby names. */
function description(el: Locator): Promise<string> {
  return el.evaluate((e) =>
    (e.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

function focusedIs(_page: Page, el: Locator): Promise<boolean> {
  return el.evaluate((e) => e === document.activeElement);
}

/** Waits until the element has focus (it never gets it when focus fell to <body>). */
async function expectFocused(page: Page, el: Locator): Promise<void> {
  await page.waitForFunction((e) => e === document.activeElement, await el.elementHandle());
}

describe('UX pass', () => {
  it('the expertise combobox closes after a pick and on Escape, keeps focus and hides nothing else', async () => {
    const { context, page, problems } = await newSession(browser);
    await page.goto('/mentors');
    const box = page.getByRole('combobox', { name: 'Expertise' });
    await box.fill('career');
    await page.getByRole('option', { name: /^career-change, \d+ questions?$/ }).click();
    const chip = page.getByRole('row', { name: 'career-change' });
    await chip.waitFor();
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    // One expertise at most: the box is now disabled, says why, and focus is on the chosen chip.
    expect(await box.isDisabled()).toBe(true);
    expect(await description(box)).toContain('You have chosen a tag, the most allowed: remove it to choose another.');
    await expectFocused(page, chip);
    await expectAccessible(page, 'mentors after a pick');

    await page.keyboard.press('Delete');
    await chip.waitFor({ state: 'detached' });
    await expectFocused(page, box);
    await box.pressSequentially('pm');
    await page.getByRole('listbox').waitFor();
    await expectAccessible(page, 'mentors with the expertise popup open');
    await box.press('Escape');
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    expect(await focusedIs(page, box)).toBe(true);
    expect(await box.inputValue()).toBe('pm');
    await expectAccessible(page, 'mentors after Escape');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the ask form says why the tags input is disabled at 5 tags', async () => {
    const { context, page, problems } = await newSession(browser);
    await registerInBrowser(page, 'uxtags', 'Tia Tagger');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Ask' }).click();
    const tags = page.getByRole('combobox', { name: 'Tags' });
    // Picking a suggestion that arrives asynchronously (the last flake of the suite): wait for it.
    await tags.pressSequentially('career');
    await page.getByRole('option', { name: /^career-change, \d+ questions?$/ }).click();
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    for (const t of ['pmo', 'agile', 'scrum', 'kanban']) {
      await tags.pressSequentially(t);
      await tags.press('Enter');
      await page
        .getByRole('row', { name: t })
        .or(page.getByRole('gridcell', { name: t }))
        .first()
        .waitFor();
    }
    expect(await tags.isDisabled()).toBe(true);
    expect(await description(tags)).toContain('You have chosen 5 tags, the most allowed: remove one to add another.');
    await page.getByText('You have chosen 5 tags, the most allowed: remove one to add another.').waitFor();
    // The form's error summary is not rendered while there is nothing to say.
    expect(await page.getByRole('alert').count()).toBe(0);
    await expectAccessible(page, 'ask with 5 tags');
    await screenshot(page, 'ux-ask-5-tags-1280');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a keyboard user rates an article 3 stars: arrows choose, Enter sends, focus stays on the star', async () => {
    const admin = await sharedAdminToken();
    const topic = await gql<{ createTopic: { slug: string } }>(
      `mutation($i: CreateTopicInput!) { createTopic(input: $i) { slug } }`,
      { i: { name: `UX ratings ${Date.now().toString(36)}` } },
      admin,
    );
    const created = await gql<{ createArticle: { id: string; slug: string } }>(
      `mutation($i: CreateArticleInput!) { createArticle(input: $i) { id slug } }`,
      {
        i: {
          title: `Writing a status report ${run}`,
          summary: 'A weekly status report in five lines.',
          topicSlug: topic.createTopic.slug,
          body: 'Say what moved, what is blocked and what you need. Keep it to five lines.',
        },
      },
      admin,
    );
    await gql(`mutation($id: ID!) { publishArticle(id: $id) { id } }`, { id: created.createArticle.id }, admin);

    const { context, page, problems } = await newSession(browser);
    await page.goto(`/help/articles/${created.createArticle.slug}`);
    const group = page.getByRole('radiogroup', { name: 'Was this article helpful?' });
    await group.waitFor();
    await group.getByRole('radio', { name: '1 star: not helpful' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const three = group.getByRole('radio', { name: '3 stars' });
    expect(await three.isChecked()).toBe(true);
    expect(await focusedIs(page, three)).toBe(true);
    // Nothing was sent yet.
    await page.getByText('No ratings yet').waitFor();
    await page.keyboard.press('Enter');
    await page.getByText('Thanks! You rated this article 3 stars.').waitFor();
    await page.getByTestId('rating-summary').getByText('3.0 out of 5 · 1 rating').waitFor();
    expect(await focusedIs(page, three)).toBe(true);

    // 5 stars with arrows and Space, then the button for a change of mind.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    await page.getByText('Thanks! You rated this article 5 stars.').waitFor();
    expect(await focusedIs(page, group.getByRole('radio', { name: '5 stars: very helpful' }))).toBe(true);
    await page.keyboard.press('ArrowLeft');
    const submit = page.getByRole('button', { name: 'Submit rating' });
    await submit.focus();
    await page.keyboard.press('Enter');
    await page.getByText('Thanks! You rated this article 4 stars.').waitFor();
    expect(await focusedIs(page, submit)).toBe(true);
    await expectAccessible(page, 'article after rating by keyboard');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('after asking, the Questions feed and its count show the new question without a reload', async () => {
    const { context, page, problems } = await newSession(browser);
    await registerInBrowser(page, 'uxask', 'Abe Asker'); // lands on the feed: it is now cached
    const count = page.locator('.feed__count');
    await count.waitFor();
    const before = Number((await count.textContent())?.replace(/\D/g, ''));
    const title = `Which certification first after six years in support ${run}?`;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Ask' }).click();
    await page.getByLabel('Title').fill(title);
    await page
      .getByRole('textbox', { name: 'Details' })
      .fill('I have led a support team for six years. Which project certification should I start with, and why?');
    const tags = page.getByRole('combobox', { name: 'Tags' });
    await tags.fill('pmo');
    await tags.press('Enter');
    await page
      .getByRole('row', { name: 'pmo' })
      .or(page.getByRole('gridcell', { name: 'pmo' }))
      .first()
      .waitFor();
    await page.getByLabel('Title').click(); // away from the tags box, as a person would
    await page.getByRole('button', { name: 'Post your question' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Questions' }).click();
    await page.getByRole('link', { name: title }).waitFor();
    await page.getByText(`${before + 1} questions`).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('on every navigation focus moves to the main heading and the new page title is announced', async () => {
    const { context, page, problems } = await newSession(browser);
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Crossroads' }).waitFor();
    const announcer = page.getByTestId('route-announcer');
    for (const [link, heading, title] of [
      ['Tags', 'Tags', 'Tags · Crossroads'],
      ['Mentors', 'Mentors', 'Mentors · Crossroads'],
      ['Help', 'How can we help?', 'Help centre · Crossroads'],
      ['Questions', 'Crossroads', 'Crossroads'],
    ] as const) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link, exact: true }).click();
      const h1 = page.getByRole('heading', { level: 1, name: heading, exact: true });
      await h1.waitFor();
      await page.waitForFunction((t) => document.title === t, title);
      await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
      expect(await focusedIs(page, h1)).toBe(true);
      expect(await announcer.getAttribute('aria-live')).toBe('polite');
      await announcer.getByText(title, { exact: true }).waitFor();
    }
    await expectAccessible(page, 'feed after navigating');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the question page: headings in order, one name per comments region, the accepted marker as text', async () => {
    const asker = await registerUser('uxq', 'Quinn Asker');
    const first = await registerUser('uxa', 'Ari Answerer');
    const second = await registerUser('uxb', 'Bea Answerer');
    const title = `How do I show project experience from a support role ${run}?`;
    const id = await askQuestion(
      asker.token,
      title,
      'I ran several process projects as a support lead. How do I show them on a CV for a PMO role?',
      ['pmo'],
    );
    const accepted = await postAnswer(
      first.token,
      id,
      'List each project with its goal, your role and one measurable result.',
    );
    await postAnswer(second.token, id, 'Ask your manager for a short reference that names the projects you led.');
    await gql(`mutation($id: ID!) { acceptAnswer(answerId: $id) { id } }`, { id: accepted }, asker.token);
    // Edited, so the question offers its "Edit history" (only edited posts do).
    await gql(
      `mutation($i: EditQuestionInput!) { editQuestion(input: $i) { id } }`,
      {
        i: {
          id,
          body: 'I ran several process projects as a support lead. How do I show them on a CV for a PMO role, and which results count?',
        },
      },
      asker.token,
    );

    const { context, page, problems } = await newSession(browser);
    await page.goto(`/q/${encodeURIComponent(id)}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    // No jump from the h1 to an h3: the question's "Edit history" is an h2.
    await page.getByRole('heading', { level: 2, name: 'Edit history' }).waitFor();
    const levels = await page
      .locator('main h1, main h2, main h3, main h4')
      .evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
    levels.forEach((l, i) => expect(l - (levels[i - 1] ?? 0)).toBeLessThanOrEqual(1));
    await page.getByRole('region', { name: 'Comments on this question' }).waitFor();
    await page.getByRole('region', { name: 'Comments on the answer by Ari Answerer' }).waitFor();
    await page.getByRole('region', { name: 'Comments on the answer by Bea Answerer' }).waitFor();
    const answer = page.getByRole('listitem', { name: 'Accepted answer by Ari Answerer' });
    await answer.getByText('✓ Accepted', { exact: true }).waitFor();
    await expectAccessible(page, 'question page with an accepted answer');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('held comments: each decision button is named with the comment it acts on', async () => {
    const asker = await registerUser('uxh', 'Hal Asker');
    const id = await askQuestion(
      asker.token,
      `Is a PMO a good first step after support ${run}?`,
      'I lead a support team and a PMO analyst role opened. Is it a good first step for me?',
      ['pmo'],
    );
    for (const body of [`First held note ${run} about PMO roles`, `Second held note ${run} about PMO roles`]) {
      await gql(`mutation($i: AddCommentInput!) { addComment(input: $i) { id } }`, {
        i: { targetId: id, targetType: 'QUESTION', body, guestName: 'Gil Guest', guestEmail: 'gil@example.com' },
      });
    }
    const { context, page, problems } = await newSession(browser);
    await staffInBrowser(page, await sharedAdminToken(), 'uxmod', 'Mo Moderator', 'MODERATOR');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Moderation' }).click();
    await page
      .getByRole('button', {
        name: `Approve comment by Gil Guest (guest) on Is a PMO a good first step after support ${run}?: “First held note ${run} about PMO roles”`,
      })
      .waitFor();
    await page
      .getByRole('button', {
        name: `Reject comment by Gil Guest (guest) on Is a PMO a good first step after support ${run}?: “First held note ${run} about PMO roles”`,
      })
      .waitFor();
    await page
      .getByRole('button', {
        name: `Spam comment by Gil Guest (guest) on Is a PMO a good first step after support ${run}?: “First held note ${run} about PMO roles”`,
      })
      .waitFor();
    await expectAccessible(page, 'moderation queue');
    expect(problems).toEqual([]);
    await context.close();
  });
});
