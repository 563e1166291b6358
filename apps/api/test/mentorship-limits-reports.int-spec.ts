import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { ReportedMessages } from '@crossroads/api-platform';
import { SessionRemindersJob } from '@crossroads/api-mentoring';
import { TestApp, codeOf, type TestUser } from './support/test-app.js';
import { RESPOND, makeMentor, requestMentorship } from './support/mentoring.js';
import { waitFor, waitForMatchingNote } from './support/notifications.js';
import { createIsolatedDatabase } from './support/isolated-database.js';

// Issue 19's remaining pieces: reporting a thread message to moderators, each person's zone in
// session notifications, the thread's rate limit and the booking horizon.
let t: TestApp;
// Its own database: reminders are swept for every session in it, and notification jobs are waited for.
let database: Awaited<ReturnType<typeof createIsolatedDatabase>>;
beforeAll(async () => {
  database = await createIsolatedDatabase('mentorship_limits_reports');
  t = await TestApp.start({ jobPollSeconds: 0.5 }, database.url);
});
afterAll(async () => {
  await t.close();
  await database.drop();
});

const SEND = `mutation($input: SendMentorshipMessageInput!) { sendMentorshipMessage(input: $input) { id body } }`;
const THREAD = `query($id: ID!) { mentorship(id: $id) { messages(first: 50) { edges { node { id body removedByModerator } } } } }`;
const REPORTED = `query($id: ID!) { mentorship(id: $id) { messages(first: 50) { edges { node { id viewerReported } } } } }`;
const REPORT = `mutation($input: ReportMentorshipMessageInput!) { reportMentorshipMessage(input: $input) }`;
const QUEUE = `{ mentorshipMessageReports(first: 50) { totalCount edges { node { id reason messageId decision
  reporter { handle } context { id body isReported removed author { handle } } } } } }`;
const ONE = `query($id: ID!) { mentorshipMessageReport(id: $id) { id decision context { id } } }`;
const DECIDE = `mutation($input: DecideMessageReportInput!) { decideMentorshipMessageReport(input: $input) { id decision decidedAt } }`;
const AVAILABILITY = `mutation($input: [AvailabilityWindowInput!]!) { setAvailability(input: $input) { availability { weekday } } }`;
const SLOTS = `query($h: String!, $from: DateTime!, $days: Int, $minutes: Int) { bookableSlots(mentorHandle: $h, from: $from, days: $days, minutes: $minutes) }`;
const BOOK = `mutation($input: BookSessionInput!) { bookMentorshipSession(input: $input) { id startsAt } }`;

const ok = async (query: string, variables: Record<string, unknown>, user: TestUser) => {
  const res = await t.gql(query, variables, { token: user.token });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!;
};
const fieldOf = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions?.field;
const DAY = 86_400_000;

async function pair(timeZone = 'Europe/Paris') {
  const mentor = await t.createUser('MENTOR');
  await makeMentor(t, mentor, { maxOpenRequests: 20 });
  await ok(
    AVAILABILITY,
    { input: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '08:00', end: '20:00', timeZone })) },
    mentor,
  );
  const mentee = await t.createUser();
  const req = await requestMentorship(t, mentee, mentor.user.handle);
  if (req.errors) throw new Error(JSON.stringify(req.errors));
  const id = req.data!.requestMentorship.id as string;
  await ok(RESPOND, { input: { requestId: id, accept: true } }, mentor);
  return { mentor, mentee, id };
}

async function send(user: TestUser, mentorshipId: string, body: string): Promise<string> {
  return (await ok(SEND, { input: { mentorshipId, body } }, user)).sendMentorshipMessage.id;
}

type QueuedReport = {
  id: string;
  messageId: string;
  decision: string | null;
  reason: string;
  reporter: { handle: string };
  context: { id: string; body: string; isReported: boolean; removed: boolean; author: { handle: string } }[];
};
const queuedReport = async (moderator: TestUser, messageId: string): Promise<QueuedReport> => {
  const data = await waitFor(
    () => ok(QUEUE, {}, moderator),
    (d) => d.mentorshipMessageReports.edges.some((e: { node: QueuedReport }) => e.node.messageId === messageId),
  );
  return data.mentorshipMessageReports.edges.find((e: { node: QueuedReport }) => e.node.messageId === messageId).node;
};

describe('reporting a thread message', () => {
  it('either participant reports the other one’s message once; outsiders get NOT_FOUND, their own message BAD_USER_INPUT', async () => {
    const { mentor, mentee, id } = await pair();
    const fromMentor = await send(mentor, id, 'You will never make it as a PM.');
    const fromMentee = await send(mentee, id, 'That was unkind.');
    const outsider = await t.createUser();
    const moderator = await t.createUser('MODERATOR');
    for (const who of [outsider, moderator]) {
      const res = await t.gql(REPORT, { input: { messageId: fromMentor, reason: 'Rude' } }, { token: who.token });
      expect([codeOf(res), fieldOf(res)]).toEqual(['NOT_FOUND', 'messageId']);
    }
    expect(
      codeOf(await t.gql(REPORT, { input: { messageId: randomUUID(), reason: 'Rude' } }, { token: mentee.token })),
    ).toBe('NOT_FOUND');
    const own = await t.gql(REPORT, { input: { messageId: fromMentee, reason: 'Oops' } }, { token: mentee.token });
    expect([codeOf(own), fieldOf(own)]).toEqual(['BAD_USER_INPUT', 'messageId']);
    const short = await t.gql(REPORT, { input: { messageId: fromMentor, reason: ' ' } }, { token: mentee.token });
    expect([codeOf(short), fieldOf(short)]).toEqual(['BAD_USER_INPUT', 'reason']);
    expect(
      (await ok(REPORT, { input: { messageId: fromMentor, reason: 'Discouraging and rude' } }, mentee))
        .reportMentorshipMessage,
    ).toBe(true);
    const twice = await t.gql(REPORT, { input: { messageId: fromMentor, reason: 'Again' } }, { token: mentee.token });
    expect([codeOf(twice), fieldOf(twice)]).toEqual(['CONFLICT', 'messageId']);
    // The mentor may report the mentee's message too.
    expect(
      (await ok(REPORT, { input: { messageId: fromMentee, reason: 'Hostile reply' } }, mentor)).reportMentorshipMessage,
    ).toBe(true);
    // Each sees only their own reports (the page offers "Report" again on nothing they reported).
    const reported = async (who: TestUser) =>
      Object.fromEntries(
        (await ok(REPORTED, { id }, who)).mentorship.messages.edges.map(
          (e: { node: { id: string; viewerReported: boolean } }) => [e.node.id, e.node.viewerReported],
        ),
      );
    expect(await reported(mentee)).toEqual({ [fromMentor]: true, [fromMentee]: false });
    expect(await reported(mentor)).toEqual({ [fromMentor]: false, [fromMentee]: true });
  });

  it('moderators read a reported message with a few around it, never the rest of the thread nor unreported messages', async () => {
    const { mentor, mentee, id } = await pair();
    const ids: string[] = [];
    for (let i = 1; i <= 9; i++) ids.push(await send(i % 2 ? mentor : mentee, id, `Message ${i}`));
    const moderator = await t.createUser('MODERATOR');
    // Before any report: nothing of this thread reaches moderators.
    expect(
      (await ok(QUEUE, {}, moderator)).mentorshipMessageReports.edges.map(
        (e: { node: QueuedReport }) => e.node.messageId,
      ),
    ).not.toContain(ids[4]);
    const port = t.app.get(ReportedMessages).get();
    expect((await port.contexts(t.dataSource.manager, [ids[4]], 3)).size).toBe(0);

    await ok(REPORT, { input: { messageId: ids[4], reason: 'Personal attack' } }, mentee); // message 5, the mentor's
    const report = await queuedReport(moderator, ids[4]);
    expect(report).toMatchObject({
      reason: 'Personal attack',
      decision: null,
      reporter: { handle: mentee.user.handle },
    });
    expect(report.context.map((m) => m.body)).toEqual([
      'Message 2',
      'Message 3',
      'Message 4',
      'Message 5',
      'Message 6',
      'Message 7',
      'Message 8',
    ]);
    expect(report.context.filter((m) => m.isReported).map((m) => m.id)).toEqual([ids[4]]);
    expect(report.context[3].author.handle).toBe(mentor.user.handle);
    // The thread itself stays closed to moderators; other ids are NOT_FOUND.
    expect(codeOf(await t.gql(THREAD, { id }, { token: moderator.token }))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(ONE, { id: randomUUID() }, { token: moderator.token }))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(ONE, { id: ids[3] }, { token: moderator.token }))).toBe('NOT_FOUND');
    expect((await ok(ONE, { id: report.id }, moderator)).mentorshipMessageReport.context).toHaveLength(7);
    expect((await port.contexts(t.dataSource.manager, [ids[3]], 3)).size).toBe(0);
    // Members cannot read the queue.
    expect(codeOf(await t.gql(QUEUE, {}, { token: mentee.token }))).toBe('FORBIDDEN');
  });

  it('hiding removes the message for the pair ("removed by a moderator"); dismissing keeps it; both are logged once', async () => {
    const { mentor, mentee, id } = await pair();
    const rude = await send(mentor, id, 'Stop wasting my time.');
    const fine = await send(mentor, id, 'Read chapter 3 before Thursday.');
    await ok(REPORT, { input: { messageId: rude, reason: 'Rude' } }, mentee);
    await ok(REPORT, { input: { messageId: fine, reason: 'Too much homework' } }, mentee);
    const moderator = await t.createUser('MODERATOR');
    const hideReport = await queuedReport(moderator, rude);
    const dismissReport = await queuedReport(moderator, fine);

    const member = await t.gql(
      DECIDE,
      { input: { reportId: hideReport.id, decision: 'HIDE' } },
      { token: mentee.token },
    );
    expect(codeOf(member)).toBe('FORBIDDEN');
    const hidden = await ok(
      DECIDE,
      { input: { reportId: hideReport.id, decision: 'HIDE', reason: 'Abusive' } },
      moderator,
    );
    expect(hidden.decideMentorshipMessageReport).toMatchObject({ decision: 'HIDE', decidedAt: expect.any(String) });
    const again = await t.gql(
      DECIDE,
      { input: { reportId: hideReport.id, decision: 'DISMISS' } },
      { token: moderator.token },
    );
    expect([codeOf(again), fieldOf(again)]).toEqual(['CONFLICT', 'reportId']);
    expect(
      codeOf(await t.gql(DECIDE, { input: { reportId: randomUUID(), decision: 'HIDE' } }, { token: moderator.token })),
    ).toBe('NOT_FOUND');
    await ok(DECIDE, { input: { reportId: dismissReport.id, decision: 'DISMISS', reason: 'Fair request' } }, moderator);

    for (const who of [mentor, mentee]) {
      const nodes = (await ok(THREAD, { id }, who)).mentorship.messages.edges.map(
        (e: { node: { id: string; body: string; removedByModerator: boolean } }) => e.node,
      );
      expect(nodes.find((n: { id: string }) => n.id === rude)).toEqual({
        id: rude,
        body: '',
        removedByModerator: true,
      });
      expect(nodes.find((n: { id: string }) => n.id === fine)).toMatchObject({
        body: 'Read chapter 3 before Thursday.',
        removedByModerator: false,
      });
    }
    // Decided reports leave the queue; moderators still see the words of the removed message.
    const queue = (await ok(QUEUE, {}, moderator)).mentorshipMessageReports.edges.map(
      (e: { node: QueuedReport }) => e.node.id,
    );
    expect(queue).not.toContain(hideReport.id);
    expect(queue).not.toContain(dismissReport.id);
    const log = await t.dataSource.query(
      `SELECT action::text, target_type::text AS "targetType", target_id AS "targetId", reason FROM moderation_log WHERE actor_id = $1 ORDER BY created_at`,
      [moderator.user.id],
    );
    expect(log).toEqual([
      { action: 'HIDE_MENTORSHIP_MESSAGE', targetType: 'MENTORSHIP_MESSAGE', targetId: rude, reason: 'Abusive' },
      { action: 'DISMISS_MESSAGE_REPORT', targetType: 'MENTORSHIP_MESSAGE', targetId: fine, reason: 'Fair request' },
    ]);
    // A removed message cannot be reported again.
    expect(
      codeOf(await t.gql(REPORT, { input: { messageId: rude, reason: 'Still rude' } }, { token: mentee.token })),
    ).toBe('CONFLICT');
  });

  it('once a moderator removes a message, the notification quoting it no longer does', async () => {
    const { mentor, mentee, id } = await pair();
    const rude = await send(mentor, id, 'Honestly, stop wasting my time.');
    const isQuote = (n: { type: string; mentorship: { id: string } | null }) =>
      n.type === 'MENTORSHIP_MESSAGE' && n.mentorship?.id === id;
    const quoted = await waitForMatchingNote(t, mentee, isQuote);
    expect(quoted.text).toBe(`${mentor.user.displayName} wrote: Honestly, stop wasting my time.`);
    await ok(REPORT, { input: { messageId: rude, reason: 'Rude' } }, mentee);
    const moderator = await t.createUser('MODERATOR');
    const report = await queuedReport(moderator, rude);
    await ok(DECIDE, { input: { reportId: report.id, decision: 'HIDE', reason: 'Abusive' } }, moderator);
    const after = await waitForMatchingNote(t, mentee, (n) => isQuote(n) && !n.text.includes('stop wasting'));
    expect([after.id, after.text]).toEqual([
      quoted.id,
      `${mentor.user.displayName} wrote a message a moderator removed`,
    ]);
  });
});

describe('limits', () => {
  it('a member writes at most 30 thread messages in 10 minutes (RATE_LIMITED after)', async () => {
    const { mentee, id } = await pair();
    for (let i = 1; i <= 30; i++) await send(mentee, id, `Note ${i}`);
    const over = await t.gql(SEND, { input: { mentorshipId: id, body: 'One more' } }, { token: mentee.token });
    expect(codeOf(over)).toBe('RATE_LIMITED');
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM mentorship_messages WHERE mentorship_id = $1`,
      [id],
    );
    expect(n).toBe(30);
    // An outsider is still NOT_FOUND (nothing is counted for them).
    expect(
      codeOf(await t.gql(SEND, { input: { mentorshipId: id, body: 'Hi' } }, { token: (await t.createUser()).token })),
    ).toBe('NOT_FOUND');
  });

  it('sessions are booked at most 60 days ahead (startsAt), and slots are offered no further (days)', async () => {
    const { mentor, mentee, id } = await pair('Europe/Paris');
    // 12:00 UTC is 13:00 or 14:00 in Paris: a slot of the 08:00–20:00 window on any date.
    const at = (days: number) => {
      const d = new Date(Date.now() + days * DAY);
      d.setUTCHours(12, 0, 0, 0);
      return d.toISOString();
    };
    const far = await t.gql(
      BOOK,
      { input: { mentorshipId: id, startsAt: at(62), minutes: 30 } },
      { token: mentee.token },
    );
    expect([codeOf(far), fieldOf(far)]).toEqual(['BAD_USER_INPUT', 'startsAt']);
    expect(far.errors?.[0]?.message).toMatch(/60 days/);
    expect(
      (await ok(BOOK, { input: { mentorshipId: id, startsAt: at(58), minutes: 30 } }, mentee)).bookMentorshipSession
        .startsAt,
    ).toBe(at(58));
    const late = await t.gql(
      SLOTS,
      { h: mentor.user.handle, from: new Date(Date.now() + 50 * DAY).toISOString(), days: 14 },
      { token: mentee.token },
    );
    expect([codeOf(late), fieldOf(late)]).toEqual(['BAD_USER_INPUT', 'days']);
    const near = await ok(
      SLOTS,
      { h: mentor.user.handle, from: new Date(Date.now() + 46 * DAY).toISOString(), days: 14 },
      mentee,
    );
    expect(near.bookableSlots.length).toBeGreaterThan(0);
  });

  it('a time zone that does not exist is BAD_USER_INPUT naming timeZone', async () => {
    const { mentor, mentee, id } = await pair();
    const from = new Date(Date.now() + 2 * DAY).toISOString();
    const [slot] = (await ok(SLOTS, { h: mentor.user.handle, from, days: 2, minutes: 30 }, mentee)).bookableSlots;
    const bad = await t.gql(
      BOOK,
      { input: { mentorshipId: id, startsAt: slot, minutes: 30, timeZone: 'Europe/Atlantis' } },
      { token: mentee.token },
    );
    expect([codeOf(bad), fieldOf(bad)]).toEqual(['BAD_USER_INPUT', 'timeZone']);
  });
});

describe("times in each person's zone", () => {
  const local = (iso: string, zone: string) =>
    `${DateTime.fromISO(iso, { zone }).setLocale('en-GB').toFormat('ccc d LLL, HH:mm')} (${zone})`;

  it('booking notices show the recipient’s zone: the mentor’s availability zone, the mentee’s from their browser', async () => {
    const { mentor, mentee, id } = await pair('America/New_York');
    const from = new Date(Date.now() + 2 * DAY).toISOString();
    const slots: string[] = (await ok(SLOTS, { h: mentor.user.handle, from, days: 3, minutes: 30 }, mentee))
      .bookableSlots;
    await ok(BOOK, { input: { mentorshipId: id, startsAt: slots[0], minutes: 30, timeZone: 'Europe/London' } }, mentee);
    const toMentor = await waitForMatchingNote(t, mentor, (n) => n.type === 'MENTORSHIP_SESSION');
    expect(toMentor.text).toContain(local(slots[0], 'America/New_York'));
    expect(toMentor.text).not.toContain('UTC');
    // The mentor books: the mentee hears in the zone they booked with before.
    await ok(BOOK, { input: { mentorshipId: id, startsAt: slots.at(-1), minutes: 30 } }, mentor);
    const toMentee = await waitForMatchingNote(t, mentee, (n) => n.type === 'MENTORSHIP_SESSION');
    expect(toMentee.text).toContain(local(slots.at(-1)!, 'Europe/London'));
  });

  it('reminders keep each person’s local time across a daylight-saving change', async () => {
    const { mentor, mentee, id } = await pair('America/New_York');
    const from = new Date(Date.now() + 2 * DAY).toISOString();
    const slots: string[] = (await ok(SLOTS, { h: mentor.user.handle, from, days: 3, minutes: 30 }, mentee))
      .bookableSlots;
    const booked = [];
    for (const slot of [slots[0], slots.at(-1)!])
      booked.push(
        (
          await ok(
            BOOK,
            { input: { mentorshipId: id, startsAt: slot, minutes: 30, timeZone: 'Europe/London' } },
            mentee,
          )
        ).bookMentorshipSession.id as string,
      );
    // Next year's London change (last Sunday of March): 18:00 London on the Monday before and the Monday after.
    const year = new Date().getUTCFullYear() + 1;
    let sunday = DateTime.fromObject({ year, month: 3, day: 31 }, { zone: 'Europe/London' });
    while (sunday.weekday !== 7) sunday = sunday.minus({ days: 1 });
    const starts = [sunday.minus({ days: 6 }), sunday.plus({ days: 1 })].map((d) =>
      d.set({ hour: 18 }).toUTC().toISO()!,
    );
    expect(starts[0].slice(11, 16)).toBe('18:00'); // GMT
    expect(starts[1].slice(11, 16)).toBe('17:00'); // BST
    for (const [i, sessionId] of booked.entries())
      await t.dataSource.query(
        `UPDATE mentorship_sessions SET starts_at = $2, ends_at = $2::timestamptz + interval '30 minutes' WHERE id = $1`,
        [sessionId, starts[i]],
      );
    const jobs = t.app.get(SessionRemindersJob);
    for (const start of starts) await jobs.sweep(new Date(new Date(start).getTime() - 30 * 60_000));
    for (const start of starts) {
      const forMentee = await waitForMatchingNote(
        t,
        mentee,
        (n) =>
          n.type === 'MENTORSHIP_SESSION_REMINDER' &&
          n.text.includes('in an hour') &&
          n.text.includes(local(start, 'Europe/London')),
      );
      expect(forMentee.text).toMatch(/18:00 \(Europe\/London\)$/);
      const forMentor = await waitForMatchingNote(
        t,
        mentor,
        (n) =>
          n.type === 'MENTORSHIP_SESSION_REMINDER' &&
          n.text.includes('in an hour') &&
          n.text.includes(local(start, 'America/New_York')),
      );
      expect(forMentor.text).not.toContain('UTC');
    }
  });
});
