import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, baseUrl, launchBrowser, newSession, screenshot } from './support/browser.js';
import {
  expectAccessible,
  expectNoHorizontalScroll,
  gql,
  registerInBrowser,
  registerUser,
  type Account,
} from './support/api.js';
import { gqlRaw, sharedAdminToken, staffInBrowser } from './support/staff.js';

/**
 * Issue 19 in moderators' hands: a participant reports the other one's message (a dialog, by
 * keyboard), a moderator reads it with the messages around it and hides it, and the pair sees
 * "Removed by a moderator"; a paused mentor's appeal is read and decided on its moderation page.
 */
type Session = { context: BrowserContext; page: Page; problems: string[] };

let browser: Browser;
let moderator: Session;
const run = Date.now().toString(36);

/** A mentor (free all day, every day, UTC) and an accepted mentorship with `mentee`. */
async function mentorship(mentor: Account, mentee: Account): Promise<string> {
  await gql(
    `mutation($i: MentorProfileInput!) { upsertMentorProfile(input: $i) { headline } }`,
    { i: { headline: `Delivery lead mentoring career changers ${run}`, yearsExperience: 12, expertise: ['pmo'] } },
    mentor.token,
  );
  await gql(
    `mutation($i: [AvailabilityWindowInput!]!) { setAvailability(input: $i) { headline } }`,
    { i: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00', timeZone: 'UTC' })) },
    mentor.token,
  );
  const { requestMentorship } = await gql<{ requestMentorship: { id: string } }>(
    `mutation($i: RequestMentorshipInput!) { requestMentorship(input: $i) { id } }`,
    { i: { mentorHandle: mentor.handle, message: 'Could you help me move from support into project delivery?' } },
    mentee.token,
  );
  await gql(
    `mutation($i: RespondToMentorshipInput!) { respondToMentorship(input: $i) { id } }`,
    { i: { requestId: requestMentorship.id, accept: true } },
    mentor.token,
  );
  return requestMentorship.id;
}

beforeAll(async () => {
  browser = await launchBrowser();
  moderator = await newSession(browser);
  await staffInBrowser(moderator.page, await sharedAdminToken(), 'mmmod', 'Quinn Reviewer', 'MODERATOR');
});

afterAll(async () => {
  await browser?.close();
});

describe('mentorship moderation', () => {
  it('a mentee reports a message by keyboard; a moderator reads it in context and hides it; the pair sees it removed', async () => {
    const mentee = await newSession(browser, PHONE);
    const menteeAccount = await registerInBrowser(mentee.page, 'mmmentee', 'Tomas Mentee');
    const mentor = await registerUser('mmmentor', 'Rhea Mentor');
    const id = await mentorship(mentor, menteeAccount);
    const send = (token: string, body: string) =>
      gql(
        `mutation($i: SendMentorshipMessageInput!) { sendMentorshipMessage(input: $i) { id } }`,
        { i: { mentorshipId: id, body } },
        token,
      );
    await send(mentor.token, 'Welcome! What would you like to work on first?');
    await send(menteeAccount.token, 'Getting my first project coordinator role.');
    await send(mentor.token, `Honestly, people from support never make it in delivery ${run}.`);

    const { page } = mentee;
    await page.goto(`/mentorships/${id}`);
    const rude = page.getByTestId('thread-message').filter({ hasText: 'never make it in delivery' });
    await rude.waitFor();
    // Only the other person's messages can be reported.
    const own = page.getByTestId('thread-message').filter({ hasText: 'Getting my first project' });
    expect(await own.getByRole('button', { name: /Report/ }).count()).toBe(0);
    const report = rude.getByRole('button', { name: 'Report this message from Rhea Mentor' });
    await report.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Report this message' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Send report' }).click();
    await dialog.getByText(/Say why in 3 to 500 characters/).waitFor();
    await expectAccessible(page, 'report dialog with an error');
    await dialog.getByLabel('Why are you reporting it?').focus();
    await page.keyboard.type('Discouraging and dismissive of my background.');
    await dialog.getByRole('button', { name: 'Send report' }).focus();
    await page.keyboard.press('Enter');
    await dialog.getByText('Thank you. A moderator will read this message').waitFor();
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'mentorship-report-375');
    await page.keyboard.press('Enter'); // "Close" has the focus
    await dialog.waitFor({ state: 'detached' });
    // The message now says it was reported, and keeps saying so after a reload (no second "Report").
    const note = rude.getByText('You reported this message.');
    await expect.poll(() => note.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.reload();
    await note.waitFor();
    expect(await rude.getByRole('button', { name: /Report/ }).count()).toBe(0);

    // The report reaches moderation's queue through a background job: wait for it through the API (a
    // page reload per check cost most of this test's budget on a loaded machine), then open the page once.
    const admin = await sharedAdminToken();
    await expect
      .poll(async () => {
        const body = await gqlRaw(`{ mentorshipMessageReports(first: 50) { edges { node { reason } } } }`, {}, admin);
        const queue = body.data?.['mentorshipMessageReports'] as { edges: { node: { reason: string } }[] } | undefined;
        return queue?.edges.some((e) => e.node.reason.startsWith('Discouraging and dismissive')) ?? false;
      })
      .toBe(true);
    const mod = moderator.page;
    await mod.goto('/moderation');
    await mod.getByRole('navigation', { name: 'Moderation' }).getByRole('link', { name: 'Reported messages' }).click();
    await mod.getByRole('heading', { level: 2, name: 'Reported mentorship messages' }).waitFor();
    const item = mod.getByTestId('message-report').filter({ hasText: 'Discouraging and dismissive' });
    await item.waitFor();
    const context = item.getByRole('list', { name: 'The reported message in its context' }).getByRole('listitem');
    expect(await context.count()).toBe(3);
    await item.getByText(`people from support never make it in delivery ${run}`).waitFor();
    expect(await item.locator('[aria-current="true"]').innerText()).toContain('never make it in delivery');
    await expectAccessible(mod, 'reported messages');
    await screenshot(mod, 'moderation-reported-messages-1280');
    await item.getByLabel('Reason (optional)').fill('Belittling the mentee');
    await item.getByRole('button', { name: 'Hide message' }).click();
    await mod.getByRole('status').filter({ hasText: 'The message is removed' }).waitFor();
    await item.waitFor({ state: 'detached' });

    await page.reload();
    await rude.waitFor({ state: 'detached' });
    await page.getByText('Removed by a moderator.').waitFor();
    expect(await page.getByText('never make it in delivery').count()).toBe(0);
    expect(mentee.problems).toEqual([]);
    expect(moderator.problems).toEqual([]);
  });

  it('a paused mentor’s appeal is read and lifted on the moderation page', async () => {
    const mentor = await registerUser('mmpaused', 'Paz Paused');
    const mentees = [await registerUser('mmmissed', 'Uma Missed'), await registerUser('mmmissed', 'Ivo Missed')];
    // Two sessions the mentor missed: two no-shows within 30 days pause new requests.
    for (const [index, mentee] of mentees.entries()) {
      const id = await mentorship(mentor, mentee);
      const { bookableSlots } = await gql<{ bookableSlots: string[] }>(
        `query($h: String!, $from: DateTime!) { bookableSlots(mentorHandle: $h, from: $from, days: 3) }`,
        { h: mentor.handle, from: new Date(Date.now() + 2 * 86_400_000).toISOString() },
        mentee.token,
      );
      const slot = bookableSlots[index * 4];
      if (!slot) throw new Error('no free slot to book');
      const { bookMentorshipSession } = await gql<{ bookMentorshipSession: { id: string } }>(
        `mutation($i: BookSessionInput!) { bookMentorshipSession(input: $i) { id } }`,
        { i: { mentorshipId: id, startsAt: slot, minutes: 30 } },
        mentee.token,
      );
      const aged = await fetch(`${baseUrl}/test/mentorships/${id}/age?days=5`, { method: 'POST' });
      expect(aged.status).toBe(204);
      await gql(
        `mutation($i: UpdateSessionInput!) { updateMentorshipSession(input: $i) { id } }`,
        { i: { id: bookMentorshipSession.id, status: 'NO_SHOW' } },
        mentee.token,
      );
    }
    // The pause follows the second no-show on the job queue: appeal as soon as it exists.
    const appeal = `mutation($i: AppealMentorshipPauseInput!) { appealMentorshipPause(input: $i) { id } }`;
    const message = `Both mentees were booked while I was in hospital ${run}; I have added dates off since.`;
    // A deadline, not a count of tries: on a loaded machine the job takes longer, not the calls fewer.
    const deadline = Date.now() + 45_000;
    for (;;) {
      const res = await gqlRaw(appeal, { i: { message } }, mentor.token);
      if (!res.errors) break;
      expect(res.errors[0]?.extensions?.['code']).toBe('NOT_FOUND');
      if (Date.now() > deadline) throw new Error('the pause never started');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const mod = moderator.page;
    await mod.goto('/moderation');
    await mod.getByRole('navigation', { name: 'Moderation' }).getByRole('link', { name: 'Pause appeals' }).click();
    await mod.getByRole('heading', { level: 2, name: 'Mentors’ pause appeals' }).waitFor();
    const item = mod.getByTestId('pause-appeal').filter({ hasText: message });
    await item.waitFor();
    await item.getByRole('link', { name: 'Paz Paused' }).waitFor();
    await item.getByRole('button', { name: 'Lift the pause' }).click();
    await item.getByText('Give a reason for the audit log').waitFor();
    await expectAccessible(mod, 'pause appeals with an error');
    await item.getByLabel('Reason (for the audit log)').fill('Documented medical emergency');
    await item.getByRole('button', { name: 'Lift the pause' }).click();
    await mod.getByRole('status').filter({ hasText: 'The pause is lifted' }).waitFor();
    await item.waitFor({ state: 'detached' });

    const { user } = await gql<{ user: { mentorProfile: { requestsPausedUntil: string | null } } }>(
      `query($h: String!) { user(handle: $h) { mentorProfile { requestsPausedUntil } } }`,
      { h: mentor.handle },
      mentor.token,
    );
    expect(user.mentorProfile.requestsPausedUntil).toBeNull();
    expect(moderator.problems).toEqual([]);
  });
});
