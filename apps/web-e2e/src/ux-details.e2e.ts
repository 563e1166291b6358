// Issue 18 (UX details): the moderation queue's count and button names, the audit log's targets and
// narrow layout, and the smaller items, each driven by role and accessible name.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, launchBrowser, newSession, screenshot } from './support/browser.js';
import {
  addComment,
  askQuestion,
  expectAccessible,
  expectNoHorizontalScroll,
  gql,
  postAnswer,
  registerAgedUser,
  registerInBrowser,
  registerUser,
} from './support/api.js';
import { sharedAdminToken, staffInBrowser } from './support/staff.js';

let browser: Browser;
let admin: string;
let mod: { context: BrowserContext; page: Page; problems: string[] };
const run = Date.now().toString(36);
const title = `Should I take a PMO course before applying ${run}?`;
let questionId: string;
const held: { id: string; body: string; name: string }[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await sharedAdminToken();
  // Earlier suites leave held comments: empty the queue so its count is ours to check.
  for (;;) {
    const q = await gql<{ moderationQueue: { edges: { node: { id: string } }[] } }>(
      `{ moderationQueue(first: 50) { edges { node { id } } } }`,
      {},
      admin,
    );
    if (q.moderationQueue.edges.length === 0) break;
    for (const { node } of q.moderationQueue.edges) {
      await gql(
        `mutation($i: ModerateCommentInput!) { moderateComment(input: $i) { id } }`,
        { i: { commentId: node.id, decision: 'REJECT', reason: null } },
        admin,
      );
    }
  }
  const asker = await registerUser('uxdq', 'Dee Asker');
  questionId = await askQuestion(
    asker.token,
    title,
    'I lead a support team and want a PMO analyst role. Is a course worth it before I apply?',
    ['pmo'],
  );
  // Members' first comments are held (guest comments would spend the suites' hourly guest limit).
  for (const [prefix, name, body] of [
    ['uxdgw', 'Gwen Commenter', `A course helped me get interviews ${run}.`],
    ['uxdhu', 'Hugo Commenter', `Experience counted more than courses for me ${run}.`],
  ] as const) {
    const member = await registerAgedUser(prefix, name);
    const c = await addComment(member.token, questionId, 'QUESTION', body);
    expect(c.status).toBe('PENDING');
    held.push({ id: c.id, body, name });
  }
  mod = await newSession(browser);
  await staffInBrowser(mod.page, admin, 'uxdmod', 'Dora Moderator', 'MODERATOR');
});

afterAll(async () => {
  await browser?.close();
});

describe('UX details', () => {
  it('held comments: buttons are named by author and question, and the heading count follows the decisions', async () => {
    const { page, problems } = mod;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Moderation' }).click();
    await page.getByRole('heading', { level: 2, name: 'Held comments (2)' }).waitFor();
    for (const c of held) {
      for (const verb of ['Approve', 'Reject', 'Spam']) {
        expect(
          await page.getByRole('button', { name: `${verb} comment by ${c.name} on ${title}:`, exact: false }).count(),
        ).toBe(1);
      }
    }
    await expectAccessible(page, 'moderation queue with two held comments');
    await screenshot(page, 'ux-moderation-queue-1280');
    await page.setViewportSize(PHONE);
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'ux-moderation-queue-375');
    await page.setViewportSize(DESKTOP);

    await page.getByRole('button', { name: `Approve comment by Gwen Commenter on ${title}:`, exact: false }).click();
    await page.getByRole('heading', { level: 2, name: 'Held comments (1)' }).waitFor();
    await page.getByRole('button', { name: `Reject comment by Hugo Commenter on ${title}:`, exact: false }).click();
    await page.getByText('The queue is empty. Nothing is waiting for a decision.').waitFor();
    // No count over an empty queue.
    await page.getByRole('heading', { level: 2, name: 'Held comments', exact: true }).waitFor();
    await expectAccessible(page, 'empty moderation queue');
    expect(problems).toEqual([]);
  });

  it('audit log: targets link to what they name, and at 375 the entries stack with nothing to scroll sideways', async () => {
    const { page, problems } = mod;
    const [first] = held;
    if (!first) throw new Error('no held comment');
    await page.goto(`/moderation/log?target=${encodeURIComponent(first.id)}`);
    await page.getByRole('heading', { level: 2, name: 'Audit log' }).waitFor();
    const row = page.getByTestId('log-row').filter({ hasText: 'Approve comment' });
    // Named by the question's title (the API's targetLabel), not a generic "Comment on a question".
    const link = row.getByRole('link', { name: `Comment on “${title}”` });
    expect(await link.getAttribute('href')).toBe(`/q/${questionId}`);
    expect(await row.textContent()).not.toContain(first.id.slice(0, 8));

    // A role change names the member by handle, linking to their profile.
    await page.goto('/moderation/log?action=SET_ROLE');
    const roleRow = page.getByTestId('log-row').first();
    const member = roleRow.getByRole('link', { name: /^@/ }).last();
    expect(await member.getAttribute('href')).toMatch(/^\/u\//);
    await expectAccessible(page, 'audit log');
    await screenshot(page, 'ux-audit-log-1280');

    await page.setViewportSize(PHONE);
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'audit log at 375');
    await screenshot(page, 'ux-audit-log-375');
    await page.setViewportSize(DESKTOP);
    expect(problems).toEqual([]);
  });

  it('the feed: titles without underline until hover, sorts on one row at 375, empty search worded as a search, tags without filler', async () => {
    const { context, page, problems } = await newSession(browser);
    await page.goto('/');
    const titleLink = page.getByRole('link', { name: title });
    const decoration = () => titleLink.evaluate((a) => getComputedStyle(a).textDecorationLine);
    expect(await decoration()).toBe('none');
    await titleLink.hover();
    expect(await decoration()).toBe('underline');

    await page.setViewportSize(PHONE);
    const sorts = page.getByRole('navigation', { name: 'Sort questions' }).getByRole('link');
    const tops = await sorts.evaluateAll((links) => links.map((l) => l.getBoundingClientRect().top));
    expect(tops).toHaveLength(4);
    expect(new Set(tops).size).toBe(1);
    await screenshot(page, 'ux-feed-375');
    await page.setViewportSize(DESKTOP);

    await page.getByRole('searchbox', { name: 'Search questions' }).fill('zzyzx quokka');
    await page.getByRole('searchbox', { name: 'Search questions' }).press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Results for “zzyzx quokka”' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'No questions match “zzyzx quokka”' }).waitFor();
    await expectAccessible(page, 'empty search');

    await page.goto('/tags');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.getByText('pmo', { exact: true }).first().waitFor();
    expect(await page.getByText('No description yet').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('similar-question links that open a new tab say so', async () => {
    const { context, page, problems } = await newSession(browser);
    await registerInBrowser(page, 'uxdsim', 'Sia Similar');
    await page.goto('/ask');
    await page.getByRole('textbox', { name: 'Title' }).fill(`Should I take a PMO course before applying`);
    const link = page
      .getByRole('complementary', { name: /Similar questions/ })
      .getByRole('link', { name: `${title} (opens in a new tab)` });
    await link.waitFor();
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('accepting an answer is announced to the asker', async () => {
    const { context, page, problems } = await newSession(browser);
    const asker = await registerInBrowser(page, 'uxdacc', 'Ada Asker');
    const helper = await registerUser('uxdans', 'Abe Answerer');
    const id = await askQuestion(
      asker.token,
      `How do I list PMO tools on a CV ${run}?`,
      'I used Jira and Smartsheet as a support lead. How should I show them on a CV for a PMO role?',
      ['pmo'],
    );
    await postAnswer(
      helper.token,
      id,
      'Name each tool with what you delivered with it, such as a weekly portfolio report.',
    );
    await page.goto(`/q/${encodeURIComponent(id)}`);
    await page.getByRole('button', { name: 'Accept this answer' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Abe Answerer’s answer is now marked as the one that solved your question.' })
      .waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a mentor lands on "As mentor" and hears that a request was accepted', async () => {
    const mentorS = await newSession(browser);
    const mentor = await registerInBrowser(mentorS.page, 'uxdmen', 'Max Mentor');
    await gql(
      `mutation($i: MentorProfileInput!) { upsertMentorProfile(input: $i) { headline } }`,
      {
        i: {
          headline: `PMO lead in banking ${run}`,
          bio: 'I help support leads move into PMO roles.',
          yearsExperience: 9,
          industries: ['Banking'],
          certifications: [],
          expertise: ['pmo'],
          links: [],
          acceptingRequests: true,
          maxOpenRequests: 5,
        },
      },
      mentor.token,
    );
    const mentee = await registerAgedUser('uxdmee', 'Mae Mentee');
    await gql(
      `mutation($i: RequestMentorshipInput!) { requestMentorship(input: $i) { id } }`,
      {
        i: {
          mentorHandle: mentor.handle,
          message: 'Could you help me plan a move from support into a PMO?',
          questionId: null,
        },
      },
      mentee.token,
    );

    const { page, problems } = mentorS;
    await page.reload();
    await page.getByTestId('current-user').waitFor();
    await page.goto('/mentorships');
    const tab = page.getByRole('tab', { name: 'As mentor' });
    await tab.waitFor();
    expect(await tab.getAttribute('aria-selected')).toBe('true');
    const incoming = page.getByRole('listitem', { name: 'Request from Mae Mentee' });
    await incoming.getByRole('button', { name: 'Accept' }).click();
    await page.getByRole('status').filter({ hasText: 'You accepted the request from Mae Mentee.' }).waitFor();
    await expectAccessible(page, 'my mentorships after accepting');
    expect(problems).toEqual([]);
    await mentorS.context.close();
  });
});
