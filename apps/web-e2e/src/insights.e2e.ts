import { readFile } from 'node:fs/promises';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, launchBrowser, newSession, screenshot } from './support/browser.js';
import {
  addComment,
  approveComment,
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
let questionId = '';
let answerId = '';
let helperHandle = '';
let helperToken = '';
let mentorAccount: { email: string; password: string; handle: string } | null = null;
const run = Date.now().toString(36);
const tag = `insights-${run}`;
const lostWord = `qzv${run}`;
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  browser = await launchBrowser();
  const asker = await registerAgedUser('insa', 'Ines Asker');
  const helper = await registerAgedUser('insh', 'Hugo Helper');
  const answered = await askQuestion(
    asker.token,
    `How do I show PMO impact in a quarterly review ${run}?`,
    'My director wants numbers, but a PMO mostly prevents problems. What do you report?',
    [tag],
  );
  await askQuestion(
    asker.token,
    `Which PMO maturity model should a small company start with ${run}?`,
    'We are 80 people with six projects at a time. Is P3M3 overkill for us?',
    [tag],
  );
  answerId = await postAnswer(
    helper.token,
    answered,
    'Report avoided slippage and decisions made on time, next to delivery dates.',
  );
  questionId = answered;
  helperHandle = helper.handle;
  helperToken = helper.token;
  // A mentorship request the mentor accepts: it counts in "Mentorship requests".
  const mentor = await registerAgedUser('insme', 'Mona Mentor');
  await gql(
    `mutation($i: MentorProfileInput!) { upsertMentorProfile(input: $i) { headline } }`,
    {
      i: {
        headline: 'PMO lead helping people move into project management',
        bio: 'Ten years running PMOs.',
        yearsExperience: 12,
        industries: ['Telecoms'],
        certifications: [],
        expertise: ['pmo'],
        links: [],
      },
    },
    mentor.token,
  );
  const req = await gql<{ requestMentorship: { id: string } }>(
    `mutation($i: RequestMentorshipInput!) { requestMentorship(input: $i) { id } }`,
    { i: { mentorHandle: mentor.handle, message: 'Could you help me plan a move into a PMO role this year?' } },
    asker.token,
  );
  await gql(
    `mutation($i: RespondToMentorshipInput!) { respondToMentorship(input: $i) { id } }`,
    { i: { requestId: req.requestMentorship.id, accept: true } },
    mentor.token,
  );
  mentorAccount = mentor;
  // A search that finds nothing, from a guest: it shows in "Searches that found nothing".
  await gql(`query($s: String!) { search(query: $s) { articlesFirst } }`, { s: lostWord });
});

afterAll(async () => {
  await browser?.close();
});

async function downloaded(download: Download): Promise<string> {
  const path = await download.path();
  if (!path) throw new Error('the download has no file');
  return readFile(path, 'utf8');
}

/** Reloads until the dashboard shows `text`: the rollups and the search log fill in after the writes. */
async function reloadUntil(page: Page, text: string | RegExp) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    await page
      .getByRole('heading', { level: 3, name: 'Posts per day' })
      .or(page.getByText(/Nobody posted/))
      .first()
      .waitFor();
    if ((await page.getByText(text).count()) > 0) return;
    if (Date.now() > deadline) throw new Error(`the insights never showed ${String(text)}`);
    await page.reload();
  }
}

describe('community insights', () => {
  it('a moderator opens the dashboard, switches period and tag, reads a table, downloads CSV, and finds the searches that found nothing', async () => {
    const { context, page, problems } = await newSession(browser);
    const admin = await sharedAdminToken();
    const moderator = await staffInBrowser(page, admin, 'insm', 'Ida Insights', 'MODERATOR');
    // A new member's first comment (on the tag's question: it counts there) is held; this moderator approves it: a decision in the dashboard.
    const held = await addComment(
      (await registerUser('insc', 'Cora Commenter')).token,
      questionId,
      'QUESTION',
      'Which numbers does your director care about most?',
    );
    expect(held.status).toBe('PENDING');
    await approveComment(moderator.token, held.id);
    // A flag on the answer, which this moderator dismisses: it counts under "Flags by reason".
    await gql(
      `mutation($i: FlagInput!) { flag(input: $i) }`,
      { i: { targetId: answerId, targetType: 'ANSWER', reason: 'OFF_TOPIC' } },
      (await registerAgedUser('insf', 'Fay Flagger')).token,
    );
    await gql(
      `mutation($i: ResolveFlagsInput!) { resolveFlags(input: $i) { openFlagCount } }`,
      { i: { postId: answerId, decision: 'DISMISS' } },
      moderator.token,
    );
    await page.goto('/moderation');
    await page.getByRole('navigation', { name: 'Moderation' }).getByRole('link', { name: 'Insights' }).click();
    await page.getByRole('heading', { level: 2, name: 'Insights' }).waitFor();
    await page.getByRole('radio', { name: 'Last 30 days' }).waitFor();
    expect(await page.getByRole('radio', { name: 'Last 30 days' }).isChecked()).toBe(true);

    // Searches that found nothing, with one-click follow-ups.
    await reloadUntil(page, lostWord);
    const row = page.getByRole('row').filter({ hasText: lostWord });
    await row.getByRole('link', { name: `Ask this: “${lostWord}”` }).waitFor();
    expect(await row.getByRole('link', { name: `Draft an article about “${lostWord}”` }).getAttribute('href')).toBe(
      `/help/editor?title=${lostWord}`,
    );

    // Mentorship and moderation figures (neither depends on the tag).
    await reloadUntil(page, `@${moderator.handle}`);
    await page.getByRole('heading', { level: 3, name: 'Mentorship requests' }).waitFor();
    expect(
      Number(
        await page
          .locator('dt', { hasText: /^Requests$/ })
          .locator('xpath=following-sibling::dd')
          .textContent(),
      ),
    ).toBeGreaterThanOrEqual(1);
    await page.locator('dt', { hasText: 'Comments held now' }).waitFor();
    const decisions = page.getByRole('region', { name: 'Decision time by moderator' });
    await decisions.getByRole('button', { name: 'Table view' }).click();
    const mine = page
      .getByRole('region', { name: 'Decision time by moderator (table)' })
      .getByRole('row')
      .filter({ hasText: `@${moderator.handle}` });
    await mine.waitFor();
    expect((await mine.getByRole('cell').allTextContents()).slice(1, 2)).toEqual(['1']);
    const [decisionsCsv] = await Promise.all([
      page.waitForEvent('download'),
      decisions.getByRole('button', { name: 'Download CSV: Decision time by moderator' }).click(),
    ]);
    expect((await downloaded(decisionsCsv)).split('\r\n')[0]).toBe('Moderator,Decisions,Median hours');
    await expectAccessible(page, 'insights moderation and mentorship');
    await decisions.getByRole('button', { name: 'Table view' }).click();

    // Flags by reason, new members (this test's sign-ups) and article helpfulness: the tag does not apply to them.
    await reloadUntil(page, 'Off topic');
    const flags = page.getByRole('region', { name: 'Flags by reason' });
    await flags.getByRole('button', { name: 'Table view' }).click();
    const offTopic = page
      .getByRole('region', { name: 'Flags by reason (table)' })
      .getByRole('row')
      .filter({ hasText: 'Off topic' });
    await offTopic.waitFor();
    expect(Number((await offTopic.getByRole('cell').allTextContents())[2])).toBeGreaterThanOrEqual(1);
    const [flagsCsv] = await Promise.all([
      page.waitForEvent('download'),
      flags.getByRole('button', { name: 'Download CSV: Flags by reason' }).click(),
    ]);
    expect((await downloaded(flagsCsv)).split('\r\n')[0]).toBe('Reason,Flags,Resolved,Median hours to resolve');
    const members = page.getByRole('region', { name: 'New members and their first week' });
    await members.getByRole('button', { name: 'Table view' }).click();
    const joinedToday = page
      .getByRole('region', { name: 'New members and their first week (table)' })
      .getByRole('row')
      .filter({ hasText: today });
    await joinedToday.waitFor();
    expect(Number((await joinedToday.getByRole('cell').allTextContents())[1])).toBeGreaterThanOrEqual(2);
    const [membersCsv] = await Promise.all([
      page.waitForEvent('download'),
      members.getByRole('button', { name: 'Download CSV: New members and their first week' }).click(),
    ]);
    expect((await downloaded(membersCsv)).split('\r\n')[0]).toBe('Day joined,New members,Came back');
    await page.getByRole('heading', { level: 3, name: 'Article helpfulness and feedback' }).waitFor();
    await expectAccessible(page, 'insights flags, new members and articles');
    await flags.getByRole('button', { name: 'Table view' }).click();
    await members.getByRole('button', { name: 'Table view' }).click();

    // Switch to 7 days and the test's own tag, by keyboard.
    await page.getByRole('radio', { name: 'Last 7 days' }).check();
    await page.getByRole('textbox', { name: 'Tag (optional)' }).fill(tag);
    await page.getByRole('textbox', { name: 'Tag (optional)' }).press('Enter');
    await page.waitForURL((url) => url.searchParams.get('days') === '7' && url.searchParams.get('tag') === tag);
    await reloadUntil(page, /Posts per day/);
    await page.getByText(`in #${tag}`).waitFor();
    const asked = page.locator('dt', { hasText: 'Questions asked' }).locator('xpath=following-sibling::dd');
    await reloadUntil(page, /50%/);
    expect(await asked.textContent()).toBe('2');
    await expectAccessible(page, 'insights dashboard');
    await screenshot(page, 'insights-1280');

    // The same figures as a table, then as CSV.
    const activity = page.getByRole('region', { name: 'Posts per day' });
    const tableView = activity.getByRole('button', { name: 'Table view' });
    expect(await tableView.getAttribute('aria-pressed')).toBe('false');
    await tableView.click();
    expect(await tableView.getAttribute('aria-pressed')).toBe('true');
    const todayRow = page
      .getByRole('region', { name: 'Posts per day (table)' })
      .getByRole('row')
      .filter({ hasText: today });
    await todayRow.waitFor();
    expect((await todayRow.getByRole('cell').allTextContents()).slice(1)).toEqual(['2', '1', '1']);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      activity.getByRole('button', { name: 'Download CSV: Posts per day' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(
      `crossroads-activity-${(await page.getByRole('row').nth(1).getByRole('cell').first().textContent()) ?? ''}-${today}-${tag}.csv`,
    );
    const csv = await downloaded(download);
    expect(csv.split('\r\n')[0]).toBe('Day,Questions,Answers,Comments');
    expect(csv).toContain(`${today},2,1,1\r\n`);
    await expectAccessible(page, 'insights table view');

    // An empty period says so instead of drawing an empty chart.
    await page.getByRole('radio', { name: 'Custom range' }).check();
    await page.getByRole('textbox', { name: 'From', exact: true }).fill('2020-01-01');
    await page.getByRole('textbox', { name: 'To', exact: true }).fill('2020-01-31');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByText(`Nobody posted in #${tag} from 2020-01-01 to 2020-01-31.`).waitFor();
    expect(await page.getByRole('button', { name: /Download CSV: Posts per day/ }).count()).toBe(0);

    // A reversed range: the API's message, naming the field.
    await page.getByRole('textbox', { name: 'From', exact: true }).fill('2020-02-01');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page
      .getByRole('alert')
      .getByText(/to must not be before from/)
      .waitFor();

    await page.goto(`/moderation/insights?days=7&tag=${tag}`);
    await reloadUntil(page, /Posts per day/);
    await page.setViewportSize(PHONE);
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'insights dashboard at 375');
    await screenshot(page, 'insights-375');
    await page.setViewportSize(DESKTOP);
    expect(problems.filter((p) => !p.includes('BAD_USER_INPUT') && !p.includes('400'))).toEqual([]);
    await context.close();
  });

  it('a mentor opens their own insights from their mentorships; a member without a mentor profile is told what they are for', async () => {
    const { context, page, problems } = await newSession(browser);
    const mentor = mentorAccount;
    if (!mentor) throw new Error('beforeAll made no mentor');
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(mentor.email);
    await page.getByLabel('Password').fill(mentor.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByTestId('current-user').waitFor();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await page.goto('/mentorships?tab=mentor');
    await page.getByRole('link', { name: 'Your mentoring insights' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your mentoring insights' }).waitFor();
    const figure = (label: string) => page.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd');
    // The accepted request of beforeAll, answered by the mentor (rollups fill in after the writes).
    const deadline = Date.now() + 20_000;
    while (
      (await figure('Acceptance rate').count()) === 0 ||
      (await figure('Acceptance rate').textContent()) !== '100%'
    ) {
      if (Date.now() > deadline) throw new Error('the mentor insights never showed the accepted request');
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Your mentoring insights' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Requests' }).waitFor();
    }
    expect(await figure('Requests').textContent()).toBe('1');
    await page.getByText('You received no reviews').waitFor();
    await expectAccessible(page, 'mentor insights');
    await page.setViewportSize(PHONE);
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'mentor-insights-375');
    await page.setViewportSize(DESKTOP);
    expect(problems).toEqual([]);
    await context.close();

    const other = await newSession(browser);
    await registerInBrowser(other.page, 'insnm', 'Nora Nomentor');
    await other.page.goto('/mentoring/insights');
    await other.page.getByRole('heading', { level: 2, name: 'Mentoring insights are for mentors' }).waitFor();
    await other.context.close();
  });

  it("a profile shows the member's answers by tag next to the reputation chart", async () => {
    // The tag rollup is filled by a job after the answer's event: wait for it before the first visit.
    await expect
      .poll(
        async () => {
          const data = await gql<{ user: { answersByTag: { tag: string }[] } }>(
            `query($h: String!) { user(handle: $h) { answersByTag { tag } } }`,
            { h: helperHandle },
            helperToken,
          );
          return data.user.answersByTag.map((t) => t.tag);
        },
        { timeout: 20_000 },
      )
      .toContain(tag);
    const { context, page, problems } = await newSession(browser);
    await page.goto(`/u/${helperHandle}`);
    const panel = page.getByRole('region', { name: 'Answers by tag' });
    await panel.getByRole('button', { name: 'Table view' }).click();
    const row = page.getByRole('region', { name: 'Answers by tag (table)' }).getByRole('row').filter({ hasText: tag });
    await row.waitFor();
    expect(await row.getByRole('cell').allTextContents()).toEqual([tag, '1', '0']);
    await expectAccessible(page, 'profile answers by tag');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('members are refused the dashboard', async () => {
    const { context, page } = await newSession(browser);
    await registerInBrowser(page, 'insx', 'Max Member');
    await page.goto('/moderation/insights');
    await page.getByRole('heading', { level: 1, name: 'You don’t have access to this page' }).waitFor();
    await context.close();
  });
});
