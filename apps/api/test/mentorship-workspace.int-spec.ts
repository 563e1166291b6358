import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { LIVE_TOPICS } from '@crossroads/api-platform';
import { SessionRemindersJob } from '@crossroads/api-mentoring';
import { TestApp, codeOf, type TestUser } from './support/test-app.js';
import { RESPOND, makeMentor, requestMentorship } from './support/mentoring.js';
import { LiveSubscription, connectLive, untilSubscribed } from './support/live.js';
import { waitFor, waitForMatchingNote, waitForNote } from './support/notifications.js';
import { createIsolatedDatabase } from './support/isolated-database.js';

let t: TestApp;
// Its own database: on a shared one, another suite's instance (its instant emails 60 s late) may
// handle the booking's notification job, and the email below would come too late.
let database: Awaited<ReturnType<typeof createIsolatedDatabase>>;
beforeAll(async () => {
  database = await createIsolatedDatabase('mentorship_workspace');
  // Instant emails after 1 s (not 60): the booking email below is waited for, not slept for.
  t = await TestApp.start({ emailInstantDelaySeconds: 1, jobPollSeconds: 0.5 }, database.url);
});
afterAll(async () => {
  await t.close();
  await database.drop();
});

const SEND = `mutation($input: SendMentorshipMessageInput!) { sendMentorshipMessage(input: $input) { id body createdAt author { handle } } }`;
const MENTORSHIP = `query($id: ID!, $first: Int, $after: String) { mentorship(id: $id) { id status goal plan
  planRevisions { revision goal plan }
  messages(first: $first, after: $after) { totalCount unreadCount edges { cursor node { id body author { handle } } } pageInfo { hasNextPage endCursor } }
  sessions { id startsAt endsAt status timeZone icsUrl } } }`;
const PLAN = `mutation($input: MentorshipPlanInput!) { setMentorshipPlan(input: $input) { id goal plan planRevisions { revision } } }`;
const READ = `mutation($id: ID!) { markMentorshipRead(id: $id) { id messages(first: 1) { unreadCount } } }`;
const AVAILABILITY = `mutation($input: [AvailabilityWindowInput!]!) { setAvailability(input: $input) { availability { weekday start end timeZone } } }`;
const EXCEPTIONS = `mutation($dates: [String!]!) { setAvailabilityExceptions(dates: $dates) { availabilityExceptions } }`;
const SLOTS = `query($h: String!, $from: DateTime!, $days: Int, $minutes: Int) { bookableSlots(mentorHandle: $h, from: $from, days: $days, minutes: $minutes) }`;
const BOOK = `mutation($input: BookSessionInput!) { bookMentorshipSession(input: $input) { id startsAt endsAt status timeZone icsUrl } }`;
const UPDATE = `mutation($input: UpdateSessionInput!) { updateMentorshipSession(input: $input) { id status } }`;

const ok = async (query: string, variables: Record<string, unknown>, user: TestUser) => {
  const res = await t.gql(query, variables, { token: user.token });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!;
};
const fieldOf = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions?.field;

const EVERY_DAY = (timeZone: string, start = '08:00', end = '20:00') =>
  [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start, end, timeZone }));

/** A mentor (with availability) and an accepted mentorship with a fresh mentee. */
async function pair(mentor?: TestUser, timeZone = 'Europe/Paris') {
  if (!mentor) {
    mentor = await t.createUser('MENTOR');
    await makeMentor(t, mentor, { maxOpenRequests: 20 });
    await ok(AVAILABILITY, { input: EVERY_DAY(timeZone) }, mentor);
  }
  const mentee = await t.createUser();
  const req = await requestMentorship(t, mentee, mentor.user.handle);
  if (req.errors) throw new Error(JSON.stringify(req.errors));
  const id = req.data!.requestMentorship.id as string;
  await ok(RESPOND, { input: { requestId: id, accept: true } }, mentor);
  return { mentor, mentee, id };
}

async function firstSlot(mentor: TestUser, minutes = 60, from = new Date(Date.now() + 2 * 86_400_000)) {
  const { bookableSlots } = await ok(
    SLOTS,
    { h: mentor.user.handle, from: from.toISOString(), days: 3, minutes },
    mentor,
  );
  expect(bookableSlots.length).toBeGreaterThan(0);
  return bookableSlots[0] as string;
}

describe('private thread', () => {
  it('only the pair reads and writes it; everyone else gets NOT_FOUND', async () => {
    const { mentor, mentee, id } = await pair();
    const outsider = await t.createUser();
    const moderator = await t.createUser('MODERATOR');
    await ok(SEND, { input: { mentorshipId: id, body: 'Hello! Shall we start with **your goal**?' } }, mentor);
    await ok(SEND, { input: { mentorshipId: id, body: 'Yes: a PMO role within a year.' } }, mentee);
    for (const who of [outsider, moderator]) {
      expect(codeOf(await t.gql(MENTORSHIP, { id }, { token: who.token }))).toBe('NOT_FOUND');
      const sent = await t.gql(SEND, { input: { mentorshipId: id, body: 'Let me in' } }, { token: who.token });
      expect(codeOf(sent)).toBe('NOT_FOUND');
      expect(fieldOf(sent)).toBe('mentorshipId');
    }
    expect(codeOf(await t.gql(MENTORSHIP, { id }))).toBe('UNAUTHENTICATED');
    const { mentorship } = await ok(MENTORSHIP, { id, first: 1 }, mentee);
    expect(mentorship.messages.totalCount).toBe(2);
    expect(mentorship.messages.edges[0].node).toMatchObject({
      body: 'Yes: a PMO role within a year.',
      author: { handle: mentee.user.handle },
    });
    const next = await ok(MENTORSHIP, { id, first: 1, after: mentorship.messages.pageInfo.endCursor }, mentee);
    expect(next.mentorship.messages.edges[0].node.body).toBe('Hello! Shall we start with **your goal**?');
    expect(next.mentorship.messages.pageInfo.hasNextPage).toBe(false);
  });

  it('keeps read state per participant and notifies the other one', async () => {
    const { mentor, mentee, id } = await pair();
    await ok(SEND, { input: { mentorshipId: id, body: 'First message from the mentee' } }, mentee);
    await ok(SEND, { input: { mentorshipId: id, body: 'Second message from the mentee' } }, mentee);
    expect((await ok(MENTORSHIP, { id }, mentor)).mentorship.messages.unreadCount).toBe(2);
    expect((await ok(MENTORSHIP, { id }, mentee)).mentorship.messages.unreadCount).toBe(0);
    expect((await ok(READ, { id }, mentor)).markMentorshipRead.messages.unreadCount).toBe(0);
    const note = await waitForMatchingNote(
      t,
      mentor,
      (n) => n.type === 'MENTORSHIP_MESSAGE' && n.mentorship?.id === id,
    );
    expect(note.url).toBe(`/mentorships/${id}`);
  });

  it('refuses messages before the mentor accepted (CONFLICT) and empty bodies (BAD_USER_INPUT)', async () => {
    const mentor = await t.createUser('MENTOR');
    await makeMentor(t, mentor);
    const mentee = await t.createUser();
    const id = (await requestMentorship(t, mentee, mentor.user.handle)).data!.requestMentorship.id;
    expect(codeOf(await t.gql(SEND, { input: { mentorshipId: id, body: 'Hi' } }, { token: mentee.token }))).toBe(
      'CONFLICT',
    );
    const accepted = await pair();
    const empty = await t.gql(
      SEND,
      { input: { mentorshipId: accepted.id, body: '   ' } },
      { token: accepted.mentee.token },
    );
    expect(codeOf(empty)).toBe('BAD_USER_INPUT');
    expect(fieldOf(empty)).toBe('body');
  });

  it('delivers new messages live to the pair, and refuses outsiders a subscription', async () => {
    const { mentor, mentee, id } = await pair();
    const live = connectLive(t, { token: mentor.token });
    await live.connected;
    try {
      const sub = new LiveSubscription(
        live,
        `subscription($id: ID!) { mentorshipMessageAdded(mentorshipId: $id) { body author { handle } } }`,
        { id },
      );
      await untilSubscribed(t, LIVE_TOPICS.mentorship(id));
      await ok(SEND, { input: { mentorshipId: id, body: 'Are you free on Thursday?' } }, mentee);
      const got = await sub.next();
      expect(got.errors).toBeUndefined();
      expect(got.data).toEqual({
        mentorshipMessageAdded: { body: 'Are you free on Thursday?', author: { handle: mentee.user.handle } },
      });
      const outsider = await t.createUser();
      const other = connectLive(t, { token: outsider.token });
      await other.connected;
      const refused = new LiveSubscription(
        other,
        `subscription($id: ID!) { mentorshipMessageAdded(mentorshipId: $id) { body } }`,
        { id },
      );
      const denied = await refused.next();
      expect((denied.errors?.[0] as { extensions?: { code?: string } })?.extensions?.code).toBe('NOT_FOUND');
      await other.dispose();
    } finally {
      await live.dispose();
    }
  });
});

describe('shared plan', () => {
  it('both edit it; every change is a revision; an unchanged save adds none', async () => {
    const { mentor, mentee, id } = await pair();
    await ok(PLAN, { input: { mentorshipId: id, goal: 'Become a PMO lead', plan: '1. Map the stakeholders' } }, mentee);
    const edited = await ok(
      PLAN,
      { input: { mentorshipId: id, plan: '1. Map the stakeholders\n2. Shadow a portfolio review' } },
      mentor,
    );
    expect(edited.setMentorshipPlan).toMatchObject({
      goal: 'Become a PMO lead',
      plan: '1. Map the stakeholders\n2. Shadow a portfolio review',
    });
    await ok(PLAN, { input: { mentorshipId: id, goal: 'Become a PMO lead' } }, mentor);
    const { mentorship } = await ok(MENTORSHIP, { id }, mentee);
    expect(mentorship.planRevisions.map((r: { revision: number }) => r.revision)).toEqual([2, 1]);
    expect(mentorship.planRevisions[1]).toMatchObject({ goal: 'Become a PMO lead', plan: '1. Map the stakeholders' });
    expect(
      codeOf(await t.gql(PLAN, { input: { mentorshipId: id, goal: 'x' } }, { token: (await t.createUser()).token })),
    ).toBe('NOT_FOUND');
  });
});

describe('availability and slots', () => {
  it('refuses unknown time zones and bad windows naming the field; members without a profile are FORBIDDEN', async () => {
    const mentor = await t.createUser('MENTOR');
    await makeMentor(t, mentor);
    const zone = await t.gql(
      AVAILABILITY,
      { input: [{ weekday: 1, start: '18:00', end: '20:00', timeZone: 'Mars/Olympus_Mons' }] },
      { token: mentor.token },
    );
    expect(codeOf(zone)).toBe('BAD_USER_INPUT');
    expect(fieldOf(zone)).toBe('timeZone');
    const backwards = await t.gql(
      AVAILABILITY,
      { input: [{ weekday: 1, start: '20:00', end: '18:00', timeZone: 'Europe/Paris' }] },
      { token: mentor.token },
    );
    expect(fieldOf(backwards)).toBe('end');
    const weekday = await t.gql(
      AVAILABILITY,
      { input: [{ weekday: 8, start: '18:00', end: '20:00', timeZone: 'Europe/Paris' }] },
      { token: mentor.token },
    );
    expect(fieldOf(weekday)).toBe('weekday');
    expect(
      codeOf(await t.gql(AVAILABILITY, { input: EVERY_DAY('UTC') }, { token: (await t.createUser()).token })),
    ).toBe('FORBIDDEN');
    const set = await ok(
      AVAILABILITY,
      { input: [{ weekday: 2, start: '18:00', end: '24:00', timeZone: 'America/New_York' }] },
      mentor,
    );
    expect(set.setAvailability.availability).toEqual([
      { weekday: 2, start: '18:00', end: '24:00', timeZone: 'America/New_York' },
    ]);
  });

  it('slots honour the windows, date exceptions and booked sessions', async () => {
    const { mentor, mentee, id } = await pair(undefined, 'UTC');
    const from = new Date(Math.floor(Date.now() / 86_400_000 + 10) * 86_400_000); // 00:00 UTC, 10 days ahead (within the booking horizon)
    const day = from.toISOString().slice(0, 10);
    const slots = async () =>
      (await ok(SLOTS, { h: mentor.user.handle, from: from.toISOString(), days: 1, minutes: 60 }, mentee))
        .bookableSlots as string[];
    const all = await slots();
    expect(all[0]).toBe(`${day}T08:00:00.000Z`);
    expect(all.at(-1)).toBe(`${day}T19:00:00.000Z`);
    expect(all).toHaveLength(23); // 08:00 … 19:00 every 30 minutes
    await ok(BOOK, { input: { mentorshipId: id, startsAt: `${day}T10:00:00.000Z`, minutes: 60 } }, mentee);
    const after = await slots();
    expect(after).not.toContain(`${day}T09:30:00.000Z`);
    expect(after).not.toContain(`${day}T10:30:00.000Z`);
    expect(after).toContain(`${day}T11:00:00.000Z`);
    await ok(EXCEPTIONS, { dates: [day] }, mentor);
    expect(await slots()).toEqual([]);
  });
});

describe('booking', () => {
  it('refuses the past and slots outside availability (BAD_USER_INPUT naming startsAt), and a taken slot (CONFLICT)', async () => {
    const { mentor, mentee, id } = await pair();
    const past = await t.gql(
      BOOK,
      { input: { mentorshipId: id, startsAt: new Date(Date.now() - 3_600_000).toISOString(), minutes: 30 } },
      { token: mentee.token },
    );
    expect([codeOf(past), fieldOf(past)]).toEqual(['BAD_USER_INPUT', 'startsAt']);
    const slot = await firstSlot(mentor);
    const offGrid = new Date(new Date(slot).getTime() + 7 * 60_000).toISOString();
    const outside = await t.gql(
      BOOK,
      { input: { mentorshipId: id, startsAt: offGrid, minutes: 30 } },
      { token: mentee.token },
    );
    expect([codeOf(outside), fieldOf(outside)]).toEqual(['BAD_USER_INPUT', 'startsAt']);
    const minutes = await t.gql(
      BOOK,
      { input: { mentorshipId: id, startsAt: slot, minutes: 40 } },
      { token: mentee.token },
    );
    expect([codeOf(minutes), fieldOf(minutes)]).toEqual(['BAD_USER_INPUT', 'minutes']);
    const booked = await ok(BOOK, { input: { mentorshipId: id, startsAt: slot, minutes: 60 } }, mentee);
    expect(booked.bookMentorshipSession).toMatchObject({
      startsAt: slot,
      status: 'SCHEDULED',
      timeZone: 'Europe/Paris',
    });
    const again = await t.gql(
      BOOK,
      { input: { mentorshipId: id, startsAt: slot, minutes: 30 } },
      { token: mentee.token },
    );
    expect([codeOf(again), fieldOf(again)]).toEqual(['CONFLICT', 'startsAt']);
    expect(
      codeOf(
        await t.gql(
          BOOK,
          { input: { mentorshipId: id, startsAt: slot, minutes: 30 } },
          { token: (await t.createUser()).token },
        ),
      ),
    ).toBe('NOT_FOUND');
  });

  it('two mentees race for one slot: exactly one wins, the other gets CONFLICT', async () => {
    const a = await pair();
    const b = await pair(a.mentor);
    const slot = await firstSlot(a.mentor, 45);
    const results = await Promise.all([
      t.gql(BOOK, { input: { mentorshipId: a.id, startsAt: slot, minutes: 45 } }, { token: a.mentee.token }),
      t.gql(BOOK, { input: { mentorshipId: b.id, startsAt: slot, minutes: 45 } }, { token: b.mentee.token }),
    ]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.map(codeOf).filter(Boolean)).toEqual(['CONFLICT']);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM mentorship_sessions WHERE mentor_id = $1 AND starts_at = $2 AND status = 'SCHEDULED'`,
      [a.mentor.user.id, slot],
    );
    expect(n).toBe(1);
  });

  it('the other participant hears of a booking', async () => {
    const { mentor, mentee, id } = await pair();
    await ok(BOOK, { input: { mentorshipId: id, startsAt: await firstSlot(mentor), minutes: 30 } }, mentee);
    await waitForNote(t, mentor, (n) => n.type === 'MENTORSHIP_SESSION' && n.mentorship?.id === id);
  });
});

describe('session status', () => {
  it('cancelling early is CANCELLED, under 3 hours LATE_CANCELLED; no-show from 10 minutes after the start; done after the start', async () => {
    const { mentor, mentee, id } = await pair();
    const early = await ok(
      BOOK,
      { input: { mentorshipId: id, startsAt: await firstSlot(mentor), minutes: 30 } },
      mentee,
    );
    expect(
      (await ok(UPDATE, { input: { id: early.bookMentorshipSession.id, status: 'CANCELLED' } }, mentor))
        .updateMentorshipSession.status,
    ).toBe('CANCELLED');
    const again = await t.gql(
      UPDATE,
      { input: { id: early.bookMentorshipSession.id, status: 'DONE' } },
      { token: mentor.token },
    );
    expect(codeOf(again)).toBe('CONFLICT');

    const late = await ok(
      BOOK,
      { input: { mentorshipId: id, startsAt: await firstSlot(mentor), minutes: 30 } },
      mentee,
    );
    const lateId = late.bookMentorshipSession.id;
    // Move the session to start within 3 hours (the rules read the stored start against the clock).
    await t.dataSource.query(
      `UPDATE mentorship_sessions SET starts_at = now() + interval '2 hours', ends_at = now() + interval '150 minutes' WHERE id = $1`,
      [lateId],
    );
    expect(
      (await ok(UPDATE, { input: { id: lateId, status: 'CANCELLED' } }, mentee)).updateMentorshipSession.status,
    ).toBe('LATE_CANCELLED');

    const met = await ok(BOOK, { input: { mentorshipId: id, startsAt: await firstSlot(mentor), minutes: 30 } }, mentee);
    const metId = met.bookMentorshipSession.id;
    await t.dataSource.query(
      `UPDATE mentorship_sessions SET starts_at = now() - interval '5 minutes', ends_at = now() + interval '25 minutes' WHERE id = $1`,
      [metId],
    );
    const tooSoon = await t.gql(UPDATE, { input: { id: metId, status: 'NO_SHOW' } }, { token: mentor.token });
    expect([codeOf(tooSoon), fieldOf(tooSoon)]).toEqual(['BAD_USER_INPUT', 'status']);
    expect(
      codeOf(await t.gql(UPDATE, { input: { id: metId, status: 'DONE' } }, { token: (await t.createUser()).token })),
    ).toBe('NOT_FOUND');
    expect((await ok(UPDATE, { input: { id: metId, status: 'DONE' } }, mentor)).updateMentorshipSession.status).toBe(
      'DONE',
    );
    const [event] = await t.dataSource.query(
      `SELECT payload FROM domain_events WHERE type = 'mentoring.session.updated' AND payload->>'sessionId' = $1`,
      [metId],
    );
    expect(event.payload).toMatchObject({ mentorshipId: id, status: 'DONE', isFirstDone: true });

    const missed = await ok(
      BOOK,
      { input: { mentorshipId: id, startsAt: await firstSlot(mentor), minutes: 30 } },
      mentee,
    );
    const missedId = missed.bookMentorshipSession.id;
    await t.dataSource.query(
      `UPDATE mentorship_sessions SET starts_at = now() - interval '11 minutes', ends_at = now() + interval '19 minutes' WHERE id = $1`,
      [missedId],
    );
    expect(
      (await ok(UPDATE, { input: { id: missedId, status: 'NO_SHOW' } }, mentor)).updateMentorshipSession.status,
    ).toBe('NO_SHOW');
    const [noShow] = await t.dataSource.query(
      `SELECT payload FROM domain_events WHERE type = 'mentoring.session.updated' AND payload->>'sessionId' = $1`,
      [missedId],
    );
    expect(noShow.payload).toMatchObject({ status: 'NO_SHOW', absentId: mentee.user.id, isFirstDone: false });
  });
});

describe('calendar invites (.ics)', () => {
  async function invite(url: string) {
    const res = await fetch(url.replace(/^https?:\/\/[^/]+/, t.url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    const cal = new ICAL.Component(ICAL.parse(await res.text()));
    const tz = cal.getFirstSubcomponent('vtimezone')!;
    const event = cal.getFirstSubcomponent('vevent')!;
    const dtstart = event.getFirstProperty('dtstart')!;
    return {
      tzid: tz.getFirstPropertyValue('tzid'),
      startTzid: dtstart.getParameter('tzid'),
      start: dtstart.getFirstValue() as ICAL.Time,
      cal,
      tz,
    };
  }

  it('holds the session in the mentor zone with its VTIMEZONE, the same local time either side of a daylight-saving change', async () => {
    const { mentor, mentee, id } = await pair(undefined, 'Europe/Paris');
    // 18:00 in Paris on the Mondays either side of next year's change (last Sunday of March, UTC+1 → UTC+2).
    // That is beyond the booking horizon: two sessions are booked now and moved there, as the invite
    // reads the stored start.
    const year = new Date().getUTCFullYear() + 1;
    let sunday = DateTime.fromObject({ year, month: 3, day: 31 }, { zone: 'Europe/Paris' });
    while (sunday.weekday !== 7) sunday = sunday.minus({ days: 1 });
    const [beforeUtc, afterUtc] = [sunday.minus({ days: 6 }), sunday.plus({ days: 1 })].map((d) =>
      d.set({ hour: 18 }).toUTC().toISO({ suppressMilliseconds: false })!,
    );
    expect([beforeUtc.slice(11, 16), afterUtc.slice(11, 16)]).toEqual(['17:00', '16:00']);
    const booked = async (startsAt: string) => {
      const slot = await firstSlot(mentor, 60, new Date(Date.now() + (startsAt === beforeUtc ? 2 : 5) * 86_400_000));
      const made = await ok(BOOK, { input: { mentorshipId: id, startsAt: slot, minutes: 60 } }, mentee);
      await t.dataSource.query(
        `UPDATE mentorship_sessions SET starts_at = $2, ends_at = $2::timestamptz + interval '1 hour' WHERE id = $1`,
        [made.bookMentorshipSession.id, startsAt],
      );
      return made;
    };
    const before = await booked(beforeUtc);
    const after = await booked(afterUtc);
    for (const [made, utc] of [
      [before, beforeUtc],
      [after, afterUtc],
    ] as const) {
      const ics = await invite(made.bookMentorshipSession.icsUrl);
      expect(ics.tzid).toBe('Europe/Paris');
      expect(ics.startTzid).toBe('Europe/Paris');
      expect([ics.start.hour, ics.start.minute]).toEqual([18, 0]);
      // Resolved through the invite's own VTIMEZONE, the local time is the booked instant.
      const zone = new ICAL.Timezone(ics.tz);
      const local = ics.start.clone();
      local.zone = zone;
      expect(local.toJSDate().toISOString()).toBe(utc);
    }
    // The mentor's link works for the mentor; a forged or foreign signature is a 404.
    const { mentorship } = await ok(MENTORSHIP, { id }, mentor);
    expect((await invite(mentorship.sessions[0].icsUrl)).tzid).toBe('Europe/Paris');
    const forged = mentorship.sessions[0].icsUrl.replace(/sig=[^&]+/, 'sig=AAAA').replace(/^https?:\/\/[^/]+/, t.url);
    expect((await fetch(forged)).status).toBe(404);
    const outsider = await t.createUser();
    const foreign = mentorship.sessions[0].icsUrl
      .replace(/u=[^&]+/, `u=${outsider.user.id}`)
      .replace(/^https?:\/\/[^/]+/, t.url);
    expect((await fetch(foreign)).status).toBe(404);
  });
});

describe('booking email', () => {
  it('the other participant, away, gets an email with the invite (.ics, VTIMEZONE) attached', async () => {
    const { mentor, mentee, id } = await pair();
    // Away: any request of the mentor from here on would make them "active" (no email).
    await t.dataSource.query(`UPDATE users SET last_seen_at = now() - interval '1 hour' WHERE id = $1`, [
      mentor.user.id,
    ]);
    const from = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const { bookableSlots } = await ok(SLOTS, { h: mentor.user.handle, from, days: 3, minutes: 30 }, mentee);
    const session = (await ok(BOOK, { input: { mentorshipId: id, startsAt: bookableSlots[0], minutes: 30 } }, mentee))
      .bookMentorshipSession;
    const [mail] = await waitFor(
      () =>
        t.dataSource.query(
          `SELECT subject, attachments FROM mail_messages WHERE recipient = $1 AND attachments <> '[]'::jsonb`,
          [mentor.email],
        ) as Promise<{ subject: string; attachments: { filename: string; contentType: string; content: string }[] }[]>,
      (found) => found.length > 0,
    );
    expect(mail.subject).toMatch(/booked a mentorship session/);
    expect(mail.attachments[0]).toMatchObject({
      filename: 'crossroads-session.ics',
      contentType: expect.stringMatching(/^text\/calendar/),
    });
    const cal = new ICAL.Component(ICAL.parse(mail.attachments[0].content));
    expect(cal.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Paris');
    const event = cal.getFirstSubcomponent('vevent')!;
    expect(event.getFirstPropertyValue('uid')).toBe(`${session.id}@crossroads`);
    expect(event.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Paris');
  });
});

describe('session reminders (job queue, controlled clock)', () => {
  const reminders = async (sessionId: string) =>
    (
      await t.dataSource.query(
        `SELECT payload->>'hoursBefore' AS h FROM domain_events WHERE type = 'mentoring.session.reminder-due' AND payload->>'sessionId' = $1 ORDER BY id`,
        [sessionId],
      )
    ).map((r: { h: string }) => Number(r.h));

  it('sends 24 h and 1 h before, once each, to both; cancelled sessions get none', async () => {
    const { mentor, mentee, id } = await pair();
    const jobs = t.app.get(SessionRemindersJob);
    const slot = await firstSlot(mentor, 30, new Date(Date.now() + 3 * 86_400_000));
    const session = (await ok(BOOK, { input: { mentorshipId: id, startsAt: slot, minutes: 30 } }, mentee))
      .bookMentorshipSession;
    const start = new Date(slot).getTime();
    await jobs.sweep(new Date(start - 25 * 3_600_000));
    expect(await reminders(session.id)).toEqual([]);
    await jobs.sweep(new Date(start - 23 * 3_600_000));
    await jobs.sweep(new Date(start - 22 * 3_600_000));
    expect(await reminders(session.id)).toEqual([24]);
    await jobs.sweep(new Date(start - 30 * 60_000));
    expect(await reminders(session.id)).toEqual([24, 1]);
    for (const who of [mentor, mentee])
      await waitForNote(t, who, (n) => n.type === 'MENTORSHIP_SESSION_REMINDER' && n.text.includes('in an hour'));

    const other = (
      await ok(
        BOOK,
        {
          input: { mentorshipId: id, startsAt: await firstSlot(mentor, 30, new Date(start + 3_600_000)), minutes: 30 },
        },
        mentee,
      )
    ).bookMentorshipSession;
    await ok(UPDATE, { input: { id: other.id, status: 'CANCELLED' } }, mentee);
    const otherStart = new Date(other.startsAt).getTime();
    await jobs.sweep(new Date(otherStart - 23 * 3_600_000));
    await jobs.sweep(new Date(otherStart - 30 * 60_000));
    expect(await reminders(other.id)).toEqual([]);
  });
});
