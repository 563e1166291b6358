import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { EventBus, inTransaction } from '@crossroads/api-platform';
import {
  CheckInsService,
  MENTORING_WORKSPACE_EVENTS,
  RequestReminderJob,
  type MentorshipSessionUpdatedPayload,
  type SessionStatusName,
} from '@crossroads/api-mentoring';
import { TestApp, codeOf, type TestUser } from './support/test-app.js';
import { COMPLETE, RESPOND, makeMentor, requestMentorship } from './support/mentoring.js';
import { notificationsOf, waitFor, waitForNote as waitForNotes, type Note } from './support/notifications.js';

/**
 * Issue 19, part B: responsiveness (48 h reminder, median reply time, next mentor on expiry), the
 * fit question, no-show consequences and outcome check-ins. Time is driven by back-dating rows and
 * running the scheduled jobs' methods (the jobs' controllable clock); session events are emitted on
 * the real EventBus exactly as the sessions code announces them, and handled by the real job queue.
 */
let t: TestApp;
beforeAll(async () => {
  t = await TestApp.start();
});
afterAll(() => t.close());

let n = 0;
const uniqueTag = (p: string) => `${p}-${Date.now().toString(36)}${(n++).toString(36)}`.slice(0, 25);
const fieldOf = (res: { errors?: Array<{ extensions?: Record<string, any> }> }) => res.errors?.[0]?.extensions?.field;

async function ok(query: string, variables: Record<string, unknown>, user: TestUser | null) {
  const res = await t.gql(query, variables, user ? { token: user.token } : {});
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!;
}

const CHECK_IN = `mutation($input: CheckInInput!) { answerMentorshipCheckIn(input: $input) }`;
const REQUESTS = `query { mentorshipRequests(first: 20) { edges { node { id status endReason
  nextMentor { user { handle } } checkIns { kind answeredAt goodFit madeMove roleReached } } } } }`;
const PROFILE = `query($h: String!) { user(handle: $h) { mentorProfile { medianResponseHours requestsPausedUntil outcomes { answerCount madeMoveCount }
  reviews { rating metExpectations } } } }`;

async function requestOf(user: TestUser, id: string) {
  const data = await ok(REQUESTS, {}, user);
  return data.mentorshipRequests.edges.map((e: any) => e.node).find((r: any) => r.id === id);
}

async function mentorWith(tag: string, overrides: Record<string, unknown> = {}) {
  const mentor = await t.createUser('MENTOR');
  await makeMentor(t, mentor, { expertise: [tag], ...overrides });
  return mentor;
}

/** A fresh mentee's request to `mentor`, accepted unless `accept` is false. */
async function mentorship(mentor: TestUser, accept = true) {
  const mentee = await t.createUser();
  const res = await requestMentorship(t, mentee, mentor.user.handle);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  const id = res.data!.requestMentorship.id as string;
  if (accept) await ok(RESPOND, { input: { requestId: id, accept: true } }, mentor);
  return { mentee, id };
}

/** Announces a session's new status the way the sessions code does (in a transaction, on the EventBus). */
async function sessionUpdated(
  m: { id: string; mentee: TestUser; mentor: TestUser },
  status: SessionStatusName,
  extra: Partial<MentorshipSessionUpdatedPayload> = {},
) {
  const sessionId = randomUUID();
  const startsAt = new Date(Date.now() - 3_600_000);
  const payload: MentorshipSessionUpdatedPayload = {
    mentorshipId: m.id,
    sessionId,
    menteeId: m.mentee.user.id,
    mentorId: m.mentor.user.id,
    actorId: m.mentor.user.id,
    status,
    previousStatus: 'SCHEDULED',
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 45 * 60_000).toISOString(),
    isFirstDone: false,
    absentId: null,
    ...extra,
  };
  const bus = t.app.get(EventBus);
  await inTransaction(t.dataSource, (manager) =>
    bus.emit(manager, { type: MENTORING_WORKSPACE_EVENTS.sessionUpdated, actorId: payload.actorId, payload }),
  );
  return sessionId;
}

/** The newest notification of `user` matching `match`, once it arrived. */
async function waitForNote(_t: TestApp, user: TestUser, match: (n: Note) => boolean): Promise<Note[]> {
  return (await waitForNotes(t, user, match)).filter(match);
}

const backdate = (id: string, column: 'created_at' | 'responded_at' | 'closed_at', hours: number) =>
  t.dataSource.query(`UPDATE mentorship_requests SET ${column} = now() - make_interval(hours => $2) WHERE id = $1`, [
    id,
    hours,
  ]);

describe('responsiveness', () => {
  it('medianResponseHours is the median request → answer time of the last 90 days; null without answers', async () => {
    const mentor = await mentorWith(uniqueTag('median'));
    // Answered after 2 h, 4 h and 30 h (accepted or declined alike), and one 100 days ago (outside the window).
    for (const [hours, accept] of [
      [2, true],
      [4, false],
      [30, true],
      [1, true],
    ] as const) {
      const mentee = await t.createUser();
      const id = (await requestMentorship(t, mentee, mentor.user.handle)).data!.requestMentorship.id;
      await ok(RESPOND, { input: { requestId: id, accept } }, mentor);
      if (hours === 1)
        await t.dataSource.query(
          `UPDATE mentorship_requests SET created_at = now() - interval '2401 hours', responded_at = now() - interval '2400 hours' WHERE id = $1`,
          [id],
        );
      else
        await t.dataSource.query(
          `UPDATE mentorship_requests SET created_at = responded_at - make_interval(hours => $2) WHERE id = $1`,
          [id, hours],
        );
    }
    const profile = (await ok(PROFILE, { h: mentor.user.handle }, null)).user.mentorProfile;
    expect(profile.medianResponseHours).toBe(4);
    const silent = await mentorWith(uniqueTag('silent'));
    expect((await ok(PROFILE, { h: silent.user.handle }, null)).user.mentorProfile.medianResponseHours).toBeNull();
  });

  it('reminds the mentor once, 48 hours after an unanswered request (the job, by back-dated time)', async () => {
    const mentor = await mentorWith(uniqueTag('remind'));
    const { id } = await mentorship(mentor, false);
    const job = t.app.get(RequestReminderJob);
    await backdate(id, 'created_at', 47);
    await job.remindDue();
    expect(
      (await t.dataSource.query(`SELECT reminded_at FROM mentorship_requests WHERE id = $1`, [id]))[0].reminded_at,
    ).toBeNull();
    await backdate(id, 'created_at', 49);
    expect(await job.remindDue()).toBeGreaterThanOrEqual(1);
    await job.remindDue();
    const [note] = await waitForNote(t, mentor, (x) => x.type === 'MENTORSHIP_REMINDER');
    expect(note).toMatchObject({ mentorship: { id }, url: `/mentorships#mentorship-${id}` });
    expect(note.text).toMatch(/is still waiting for your answer/);
    expect((await notificationsOf(t, mentor)).filter((x) => x.type === 'MENTORSHIP_REMINDER')).toHaveLength(1);
    // An answered request is never reminded.
    const answered = await mentorship(mentor, true);
    await backdate(answered.id, 'created_at', 60);
    await job.remindDue();
    expect(
      (await t.dataSource.query(`SELECT reminded_at FROM mentorship_requests WHERE id = $1`, [answered.id]))[0]
        .reminded_at,
    ).toBeNull();
  });

  it('an expired request offers the mentee the next matched mentor, never one asked before; one click asks them', async () => {
    const tag = uniqueTag('next');
    const first = await mentorWith(tag);
    const asked = await mentorWith(tag);
    const best = await mentorWith(tag);
    await mentorWith(tag, { acceptingRequests: false });
    const { mentee, id } = await mentorship(first, false);
    // The mentee already asked `asked` once (declined): not offered again.
    const earlier = (await requestMentorship(t, mentee, asked.user.handle)).data!.requestMentorship.id;
    await ok(RESPOND, { input: { requestId: earlier, accept: false } }, asked);
    expect((await requestOf(mentee, id)).nextMentor).toBeNull(); // still pending
    await backdate(id, 'created_at', 8 * 24);
    const expired = await requestOf(mentee, id);
    expect(expired.status).toBe('EXPIRED');
    expect(expired.nextMentor).toEqual({ user: { handle: best.user.handle } });
    // Only the mentee is offered one.
    expect((await requestOf(first, id)).nextMentor).toBeNull();
    const again = await requestMentorship(t, mentee, expired.nextMentor.user.handle);
    expect(again.errors).toBeUndefined();
  });
});

describe('fit', () => {
  it('after the first DONE session both are asked; a "no" ends the mentorship kindly and offers another match; twice is refused', async () => {
    const tag = uniqueTag('fit');
    const mentor = await mentorWith(tag);
    const other = await mentorWith(tag);
    const m = await mentorship(mentor);
    const pair = { id: m.id, mentee: m.mentee, mentor };
    // Before any session: no fit question.
    const early = await t.gql(CHECK_IN, { input: { mentorshipId: m.id, goodFit: true } }, { token: m.mentee.token });
    expect(codeOf(early)).toBe('CONFLICT');
    expect(fieldOf(early)).toBe('goodFit');

    await sessionUpdated(pair, 'DONE', { isFirstDone: true });
    const asked = await waitFor(
      () => requestOf(m.mentee, m.id),
      (r) => r.checkIns.length > 0,
    );
    expect(asked.checkIns).toEqual([
      { kind: 'FIT', answeredAt: null, goodFit: null, madeMove: null, roleReached: null },
    ]);
    await waitForNote(t, mentor, (x) => x.type === 'MENTORSHIP_CHECK_IN' && x.mentorship?.id === m.id);

    // Both or neither: BAD_USER_INPUT.
    const both = await t.gql(
      CHECK_IN,
      { input: { mentorshipId: m.id, goodFit: true, outcome: { madeMove: true } } },
      { token: m.mentee.token },
    );
    expect(codeOf(both)).toBe('BAD_USER_INPUT');
    // Outside the pair: NOT_FOUND.
    expect(
      codeOf(
        await t.gql(
          CHECK_IN,
          { input: { mentorshipId: m.id, goodFit: true } },
          { token: (await t.createUser()).token },
        ),
      ),
    ).toBe('NOT_FOUND');

    expect(
      (await ok(CHECK_IN, { input: { mentorshipId: m.id, goodFit: true } }, m.mentee)).answerMentorshipCheckIn,
    ).toBe(true);
    expect(
      codeOf(await t.gql(CHECK_IN, { input: { mentorshipId: m.id, goodFit: false } }, { token: m.mentee.token })),
    ).toBe('CONFLICT');
    expect((await requestOf(m.mentee, m.id)).status).toBe('ACCEPTED');

    // The mentor says no: the mentorship ends, the mentee hears it politely and is offered another mentor.
    await ok(CHECK_IN, { input: { mentorshipId: m.id, goodFit: false } }, mentor);
    const ended = await requestOf(m.mentee, m.id);
    expect(ended).toMatchObject({
      status: 'CANCELLED',
      endReason: 'NOT_A_GOOD_FIT',
      nextMentor: { user: { handle: other.user.handle } },
    });
    const [note] = await waitForNote(t, m.mentee, (x) => x.type === 'MENTORSHIP_ENDED');
    expect(note.text).toMatch(/not quite the right fit.*Thank you for your time/);
    // A repeated first-session event (a retried job) asks nobody twice.
    await sessionUpdated(pair, 'DONE', { isFirstDone: true });
    const count = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM mentorship_check_ins WHERE request_id = $1`,
      [m.id],
    );
    expect(count[0].n).toBe(2);
  });
});

describe('with the real sessions (part A)', () => {
  it('marking the first session DONE asks both about the fit; a NO_SHOW warns the absent mentee', async () => {
    const mentor = await mentorWith(uniqueTag('real'));
    const m = await mentorship(mentor);
    await ok(
      `mutation($input: [AvailabilityWindowInput!]!) { setAvailability(input: $input) { headline } }`,
      { input: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '08:00', end: '20:00', timeZone: 'UTC' })) },
      mentor,
    );
    const book = async () => {
      const { bookableSlots } = await ok(
        `query($h: String!, $from: DateTime!) { bookableSlots(mentorHandle: $h, from: $from, days: 3) }`,
        { h: mentor.user.handle, from: new Date(Date.now() + 2 * 86_400_000).toISOString() },
        m.mentee,
      );
      const { bookMentorshipSession } = await ok(
        `mutation($input: BookSessionInput!) { bookMentorshipSession(input: $input) { id } }`,
        { input: { mentorshipId: m.id, startsAt: bookableSlots[0], minutes: 30 } },
        m.mentee,
      );
      // The session started 11 minutes ago (the status rules read the stored start against the clock).
      await t.dataSource.query(
        `UPDATE mentorship_sessions SET starts_at = now() - interval '11 minutes', ends_at = now() + interval '19 minutes' WHERE id = $1`,
        [bookMentorshipSession.id],
      );
      return bookMentorshipSession.id as string;
    };
    const UPDATE = `mutation($input: UpdateSessionInput!) { updateMentorshipSession(input: $input) { status } }`;
    await ok(UPDATE, { input: { id: await book(), status: 'DONE' } }, mentor);
    for (const who of [m.mentee, mentor]) {
      const asked = await waitFor(
        () => requestOf(who, m.id),
        (r) => r.checkIns.length > 0,
      );
      expect(asked.checkIns.map((c: any) => c.kind)).toEqual(['FIT']);
    }
    await ok(UPDATE, { input: { id: await book(), status: 'NO_SHOW' } }, mentor);
    const [warning] = await waitForNote(t, m.mentee, (x) => x.type === 'MENTORSHIP_CONDUCT');
    expect(warning.text).toMatch(/You missed a mentorship session/);
  });
});

describe('no-shows', () => {
  it('warns the person at fault; two by a mentor in 30 days pause new requests for 14 days; the mentor may appeal once', async () => {
    const mentor = await mentorWith(uniqueTag('noshow'));
    const a = await mentorship(mentor);
    const b = await mentorship(mentor);
    // The mentee cancels late: the mentee is warned (not the mentor), no pause.
    await sessionUpdated({ ...a, mentor }, 'LATE_CANCELLED', { actorId: a.mentee.user.id });
    const [late] = await waitForNote(t, a.mentee, (x) => x.type === 'MENTORSHIP_CONDUCT');
    expect(late.text).toMatch(/less than 3 hours before/);

    await sessionUpdated({ ...a, mentor }, 'NO_SHOW', { actorId: a.mentee.user.id, absentId: mentor.user.id });
    const [first] = await waitForNote(t, mentor, (x) => x.type === 'MENTORSHIP_CONDUCT');
    expect(first.text).toMatch(/You missed a mentorship session/);
    expect(first.text).not.toMatch(/paused/);
    const fresh = await t.createUser();
    expect((await requestMentorship(t, fresh, mentor.user.handle)).errors).toBeUndefined();

    await sessionUpdated({ ...b, mentor }, 'NO_SHOW', { actorId: b.mentee.user.id, absentId: mentor.user.id });
    const notes = await waitFor(
      () => notificationsOf(t, mentor),
      (all) => all.filter((x) => x.type === 'MENTORSHIP_CONDUCT').length === 2,
    );
    expect(notes.find((x) => x.type === 'MENTORSHIP_CONDUCT' && /paused until/.test(x.text))).toBeDefined();
    const refused = await requestMentorship(t, await t.createUser(), mentor.user.handle);
    expect(codeOf(refused)).toBe('CONFLICT');
    expect(fieldOf(refused)).toBe('mentorHandle');

    // The pause's end: the mentor and moderators see it, nobody else.
    const until = (await ok(PROFILE, { h: mentor.user.handle }, mentor)).user.mentorProfile.requestsPausedUntil;
    const days = (new Date(until).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThanOrEqual(14);
    expect(
      (await ok(PROFILE, { h: mentor.user.handle }, await t.createUser('MODERATOR'))).user.mentorProfile
        .requestsPausedUntil,
    ).toBe(until);
    expect((await ok(PROFILE, { h: mentor.user.handle }, fresh)).user.mentorProfile.requestsPausedUntil).toBeNull();

    const APPEAL = `mutation($input: AppealMentorshipPauseInput!) { appealMentorshipPause(input: $input) { id message upheld } }`;
    const message = 'The second session clashed with a hospital appointment; I wrote to the mentee at once.';
    const appeal = (await ok(APPEAL, { input: { message } }, mentor)).appealMentorshipPause;
    expect(appeal).toMatchObject({ message, upheld: null });
    expect(codeOf(await t.gql(APPEAL, { input: { message } }, { token: mentor.token }))).toBe('CONFLICT');
    expect(codeOf(await t.gql(APPEAL, { input: { message } }, { token: fresh.token }))).toBe('NOT_FOUND');
    expect(fieldOf(await t.gql(APPEAL, { input: { message: 'short' } }, { token: mentor.token }))).toBe('message');

    const LIST = `query { mentorPauseAppeals(first: 50) { totalCount edges { node { id message mentor { handle } } } } }`;
    const listed = (await ok(LIST, {}, await t.createUser('MODERATOR'))).mentorPauseAppeals;
    expect(listed.edges.map((e: any) => e.node)).toContainEqual({
      id: appeal.id,
      message,
      mentor: { handle: mentor.user.handle },
    });
    expect(codeOf(await t.gql(LIST, {}, { token: mentor.token }))).toBe('FORBIDDEN');

    // A moderator lifts the pause, with a reason in the audit log; a second decision is refused.
    const DECIDE = `mutation($input: DecideMentorPauseAppealInput!) { decideMentorPauseAppeal(input: $input) { id upheld decidedAt } }`;
    const moderator = await t.createUser('MODERATOR');
    const decided = (
      await ok(DECIDE, { input: { appealId: appeal.id, lift: true, reason: 'A documented emergency' } }, moderator)
    ).decideMentorPauseAppeal;
    expect(decided).toMatchObject({ id: appeal.id, upheld: false });
    expect(
      codeOf(
        await t.gql(
          DECIDE,
          { input: { appealId: appeal.id, lift: false, reason: 'Changed my mind' } },
          { token: moderator.token },
        ),
      ),
    ).toBe('CONFLICT');
    expect((await ok(PROFILE, { h: mentor.user.handle }, mentor)).user.mentorProfile.requestsPausedUntil).toBeNull();
    expect((await requestMentorship(t, await t.createUser(), mentor.user.handle)).errors).toBeUndefined();
    const [logged] = await t.dataSource.query(
      `SELECT action, reason, target_id AS "targetId" FROM moderation_log WHERE actor_id = $1`,
      [moderator.user.id],
    );
    expect(logged).toEqual({ action: 'LIFT_MENTOR_PAUSE', reason: 'A documented emergency', targetId: mentor.user.id });
  });

  it("a mentee's no-show suppresses their review; met expectations is for moderators' eyes only", async () => {
    const mentor = await mentorWith(uniqueTag('review'));
    const REVIEW = `mutation($input: ReviewMentorshipInput!) { reviewMentorship(input: $input) { rating } }`;
    const absent = await mentorship(mentor);
    await sessionUpdated({ ...absent, mentor }, 'NO_SHOW', { absentId: absent.mentee.user.id });
    await waitForNote(t, absent.mentee, (x) => x.type === 'MENTORSHIP_CONDUCT');
    await ok(COMPLETE, { id: absent.id }, absent.mentee);
    expect(
      codeOf(await t.gql(REVIEW, { input: { requestId: absent.id, rating: 1 } }, { token: absent.mentee.token })),
    ).toBe('CONFLICT');

    const present = await mentorship(mentor);
    await ok(COMPLETE, { id: present.id }, present.mentee);
    expect(
      fieldOf(
        await t.gql(
          REVIEW,
          { input: { requestId: present.id, rating: 4, metExpectations: 6 } },
          { token: present.mentee.token },
        ),
      ),
    ).toBe('metExpectations');
    await ok(REVIEW, { input: { requestId: present.id, rating: 4, metExpectations: 2 } }, present.mentee);
    const seen = async (viewer: TestUser | null) =>
      (await ok(PROFILE, { h: mentor.user.handle }, viewer)).user.mentorProfile.reviews;
    expect(await seen(null)).toEqual([{ rating: 4, metExpectations: null }]);
    expect(await seen(present.mentee)).toEqual([{ rating: 4, metExpectations: null }]);
    expect(await seen(mentor)).toEqual([{ rating: 4, metExpectations: null }]);
    expect(await seen(await t.createUser('MODERATOR'))).toEqual([{ rating: 4, metExpectations: 2 }]);
  });
});

describe('outcomes', () => {
  it('check-ins at 30 days (by the job), answered once; the mentor cannot answer them; nothing before day 30', async () => {
    const mentor = await mentorWith(uniqueTag('outcome'));
    const m = await mentorship(mentor);
    const early = await t.gql(
      CHECK_IN,
      { input: { mentorshipId: m.id, outcome: { madeMove: false } } },
      { token: m.mentee.token },
    );
    expect(codeOf(early)).toBe('CONFLICT');
    expect(fieldOf(early)).toBe('outcome');

    await backdate(m.id, 'responded_at', 31 * 24);
    expect(await t.app.get(CheckInsService).openDue()).toBeGreaterThanOrEqual(1);
    const [note] = await waitForNote(t, m.mentee, (x) => x.type === 'MENTORSHIP_CHECK_IN' && x.mentorship?.id === m.id);
    expect(note.text).toMatch(/did you make the move/);
    expect((await requestOf(m.mentee, m.id)).checkIns).toEqual([
      { kind: 'DAY_30', answeredAt: null, goodFit: null, madeMove: null, roleReached: null },
    ]);
    expect((await requestOf(mentor, m.id)).checkIns).toEqual([]);

    expect(
      codeOf(
        await t.gql(CHECK_IN, { input: { mentorshipId: m.id, outcome: { madeMove: true } } }, { token: mentor.token }),
      ),
    ).toBe('FORBIDDEN');
    await ok(
      CHECK_IN,
      { input: { mentorshipId: m.id, outcome: { madeMove: true, roleReached: '  PMO analyst ' } } },
      m.mentee,
    );
    expect((await requestOf(m.mentee, m.id)).checkIns[0]).toMatchObject({
      kind: 'DAY_30',
      madeMove: true,
      roleReached: 'PMO analyst',
    });
    const twice = await t.gql(
      CHECK_IN,
      { input: { mentorshipId: m.id, outcome: { madeMove: true } } },
      { token: m.mentee.token },
    );
    expect(codeOf(twice)).toBe('CONFLICT');
    expect(twice.errors![0].message).toMatch(/already answered/);

    // Day 60 opens the next one (answerable even before the hourly job has run).
    await backdate(m.id, 'responded_at', 61 * 24);
    await ok(CHECK_IN, { input: { mentorshipId: m.id, outcome: { madeMove: true } } }, m.mentee);
    expect((await requestOf(m.mentee, m.id)).checkIns.map((c: any) => c.kind)).toEqual(['DAY_60', 'DAY_30']);

    // 90 days after completion.
    await ok(COMPLETE, { id: m.id }, m.mentee);
    await t.dataSource.query(
      `UPDATE mentorship_requests SET responded_at = now() - interval '200 days', closed_at = now() - interval '91 days' WHERE id = $1`,
      [m.id],
    );
    await ok(CHECK_IN, { input: { mentorshipId: m.id, outcome: { madeMove: false } } }, m.mentee);
    expect((await requestOf(m.mentee, m.id)).checkIns[0]).toMatchObject({ kind: 'AFTER_END', madeMove: false });
  });

  it('mentor profiles show outcomes in aggregate only from 5 answers on', async () => {
    const mentor = await mentorWith(uniqueTag('agg'));
    const answers = [true, false, true, true, false];
    for (const [i, madeMove] of answers.entries()) {
      const m = await mentorship(mentor);
      await backdate(m.id, 'responded_at', 31 * 24);
      await ok(CHECK_IN, { input: { mentorshipId: m.id, outcome: { madeMove } } }, m.mentee);
      const outcomes = (await ok(PROFILE, { h: mentor.user.handle }, null)).user.mentorProfile.outcomes;
      if (i < 4) expect(outcomes).toBeNull();
      else expect(outcomes).toEqual({ answerCount: 5, madeMoveCount: 3 });
    }
  });
});
