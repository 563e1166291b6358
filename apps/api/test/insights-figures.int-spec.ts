import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { ACCOUNTS_EVENTS } from '@crossroads/api-accounts';
import { KNOWLEDGE_BASE_EVENTS } from '@crossroads/api-knowledge-base';
import { MENTORING_EVENTS } from '@crossroads/api-mentoring';
import { MODERATION_EVENTS } from '@crossroads/api-moderation';
import { QA_EVENTS } from '@crossroads/api-qa';
import { ActivityHandlers } from '@crossroads/api-insights';
import type { RecordedEvent } from '@crossroads/api-platform';
import { TestApp, codeOf, uniqueHandle, type TestUser } from './support/test-app.js';
import { answer, ask } from './support/qa.js';
import { makeMentor } from './support/mentoring.js';
import { waitFor } from './support/notifications.js';
import { FEEDBACK, RATE, createArticle, createTopic, ok } from './support/knowledge-base.js';
import { createIsolatedDatabase } from './support/isolated-database.js';

/** Issue 17, part 3: flags, new members' first week, help-centre helpfulness, mentors' own figures, answers by tag. */
const INSIGHTS = `query($period: InsightsPeriodInput!) { communityInsights(period: $period) {
  flags { flags resolved medianHoursToResolve byReason { reason flags resolved medianHoursToResolve } }
  newMembers { joined returned returnRate days { day joined returned } }
  articles { ratings averageStars helpfulRate feedback days { day ratings averageStars helpfulRate feedback } } } }`;
const MENTOR = `query($period: InsightsPeriodInput!) { myMentorInsights(period: $period) {
  from to requests { requests answered accepted acceptanceRate medianResponseHours }
  reviewCount averageRating reviews { day reviews averageRating } answersByTag { tag answers accepted } } }`;
const USER_TAGS = `query($handle: String!) { user(handle: $handle) { answersByTag { tag answers accepted } } }`;
const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { user { id } } }`;
const FLAG = `mutation($input: FlagInput!) { flag(input: $input) }`;
const RESOLVE = `mutation($input: ResolveFlagsInput!) { resolveFlags(input: $input) { openFlagCount } }`;

let t: TestApp;
let database: Awaited<ReturnType<typeof createIsolatedDatabase>>;
let moderator: TestUser;
let eventId = 8_000_000_000_000 + Math.floor(Math.random() * 1_000_000_000);

// A database of its own: new members, flags and ratings are counted over everyone, and the live
// tests below count today's.
beforeAll(async () => {
  database = await createIsolatedDatabase('insights_figures');
  t = await TestApp.start({}, database.url);
  moderator = await t.createUser('MODERATOR');
});
afterAll(async () => {
  await t.close();
  await database.drop();
});

const insights = async (from: string, to: string) => {
  const res = await t.gql(INSIGHTS, { period: { from, to } }, { token: moderator.token });
  expect(res.errors).toBeUndefined();
  return res.data!.communityInsights;
};

/** An event as the queue would deliver it, at a chosen time (the handlers count commit times). */
const deliver = (type: string, at: string, payload: object, actorId: string | null = null) => {
  const event: RecordedEvent<object> = {
    id: String(eventId++),
    type,
    actorId,
    payload,
    occurredAt: new Date(at).toISOString(),
  };
  return t.app.get(ActivityHandlers).handle(event);
};

describe('flags by reason and time to resolve', () => {
  const f = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const post = [randomUUID(), randomUUID(), randomUUID()];
  const raised = (i: number, postId: string, reason: string, at: string) =>
    deliver(MODERATION_EVENTS.flagRaised, at, { flagId: f[i], postType: 'ANSWER', postId, reason });
  const resolved = (postId: string, flagIds: string[], at: string) =>
    deliver(MODERATION_EVENTS.flagsResolved, at, { postId, flagIds, decision: 'DISMISS' });

  beforeAll(async () => {
    await raised(0, post[0], 'SPAM', '2031-08-01T00:00:00Z');
    await raised(1, post[1], 'SPAM', '2031-08-01T00:00:00Z');
    await raised(3, post[2], 'OFF_TOPIC', '2031-08-02T00:00:00Z');
    await raised(4, post[2], 'SPAM', '2031-09-01T00:00:00Z');
    // SPAM resolved after 2 h and 6 h; the RUDE flag's resolution (10 h) is handled before the flag itself.
    await resolved(post[0], [f[0]], '2031-08-01T02:00:00Z');
    await resolved(post[1], [f[1]], '2031-08-01T06:00:00Z');
    await resolved(post[1], [f[2]], '2031-08-01T11:00:00Z');
    await raised(2, post[1], 'RUDE', '2031-08-01T01:00:00Z');
  });

  it('counts flags per reason, most flagged first, with the median hours to resolve', async () => {
    const res = await insights('2031-08-01T00:00:00Z', '2031-08-31T00:00:00Z');
    expect(res.flags).toEqual({
      flags: 4,
      resolved: 3,
      medianHoursToResolve: 6,
      byReason: [
        { reason: 'SPAM', flags: 2, resolved: 2, medianHoursToResolve: 4 },
        { reason: 'OFF_TOPIC', flags: 1, resolved: 0, medianHoursToResolve: null },
        { reason: 'RUDE', flags: 1, resolved: 1, medianHoursToResolve: 10 },
      ],
    });
  });

  it('says a period without flags has none', async () => {
    const res = await insights('2031-07-01T00:00:00Z', '2031-07-31T00:00:00Z');
    expect(res.flags).toEqual({ flags: 0, resolved: 0, medianHoursToResolve: null, byReason: [] });
  });
});

describe("new members and their first week's return", () => {
  const u = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const signedIn = (i: number, joinedAt: string, at: string) =>
    deliver(ACCOUNTS_EVENTS.memberSignedIn, at, { userId: u[i], joinedAt: new Date(joinedAt).toISOString() });

  beforeAll(async () => {
    // u0: a second sign-in the same day is no return, one two days later is.
    await deliver(ACCOUNTS_EVENTS.memberJoined, '2031-10-01T10:00:00Z', { userId: u[0] });
    await signedIn(0, '2031-10-01T10:00:00Z', '2031-10-01T20:00:00Z');
    await signedIn(0, '2031-10-01T10:00:00Z', '2031-10-03T09:00:00Z');
    // u1 asks a question on the 7th day after joining (still the first week); u2 answers on the 8th (too late).
    await deliver(ACCOUNTS_EVENTS.memberJoined, '2031-10-01T23:00:00Z', { userId: u[1] });
    await deliver(QA_EVENTS.questionAsked, '2031-10-08T12:00:00Z', {
      questionId: randomUUID(),
      authorId: u[1],
      title: 'A',
      tags: [],
    });
    await deliver(ACCOUNTS_EVENTS.memberJoined, '2031-10-01T05:00:00Z', { userId: u[2] });
    await deliver(QA_EVENTS.answerPosted, '2031-10-09T00:00:00Z', {
      questionId: randomUUID(),
      answerId: randomUUID(),
      authorId: u[2],
      questionAuthorId: randomUUID(),
    });
    // u3's renewal is handled before its "joined" event (workers on several instances).
    await signedIn(3, '2031-10-02T00:00:00Z', '2031-10-04T00:00:00Z');
    await deliver(ACCOUNTS_EVENTS.memberJoined, '2031-10-02T00:00:01Z', { userId: u[3] });
    // u4's comment approved the next day was written on the day they joined: no return.
    await deliver(ACCOUNTS_EVENTS.memberJoined, '2031-10-02T08:00:00Z', { userId: u[4] });
    await deliver(QA_EVENTS.commentPublished, '2031-10-03T08:00:00Z', {
      commentId: randomUUID(),
      postType: 'QUESTION',
      postId: randomUUID(),
      questionId: randomUUID(),
      authorId: u[4],
      postAuthorId: randomUUID(),
      approved: true,
    });
  });

  it('counts members per day of joining and how many came back within 7 days', async () => {
    const res = await insights('2031-10-01T00:00:00Z', '2031-10-03T00:00:00Z');
    expect(res.newMembers).toEqual({
      joined: 5,
      returned: 2 + 1,
      returnRate: 3 / 5,
      days: [
        { day: '2031-10-01', joined: 3, returned: 2 },
        { day: '2031-10-02', joined: 2, returned: 1 },
        { day: '2031-10-03', joined: 0, returned: 0 },
      ],
    });
  });

  it('has no rate when nobody joined', async () => {
    const res = await insights('2031-09-01T00:00:00Z', '2031-09-02T00:00:00Z');
    expect(res.newMembers).toMatchObject({ joined: 0, returned: 0, returnRate: null });
  });
});

describe('article helpfulness and feedback over time', () => {
  beforeAll(async () => {
    for (const [stars, at] of [
      [5, '2031-11-01T08:00:00Z'],
      [4, '2031-11-01T09:00:00Z'],
      [2, '2031-11-01T10:00:00Z'],
      [1, '2031-11-03T10:00:00Z'],
    ] as const)
      await deliver(KNOWLEDGE_BASE_EVENTS.articleRated, at, { articleId: randomUUID(), stars });
    for (const at of ['2031-11-01T11:00:00Z', '2031-11-03T11:00:00Z', '2031-11-03T12:00:00Z'])
      await deliver(KNOWLEDGE_BASE_EVENTS.feedbackSent, at, { articleId: randomUUID() });
  });

  it('gives ratings, average stars, the helpful share and feedback per day and over the period', async () => {
    const res = await insights('2031-11-01T00:00:00Z', '2031-11-03T00:00:00Z');
    expect(res.articles).toEqual({
      ratings: 4,
      averageStars: 3,
      helpfulRate: 0.5,
      feedback: 3,
      days: [
        { day: '2031-11-01', ratings: 3, averageStars: 11 / 3, helpfulRate: 2 / 3, feedback: 1 },
        { day: '2031-11-02', ratings: 0, averageStars: null, helpfulRate: null, feedback: 0 },
        { day: '2031-11-03', ratings: 1, averageStars: 1, helpfulRate: 0, feedback: 2 },
      ],
    });
  });
});

describe("a mentor's own insights, and answers by tag", () => {
  let mentor: TestUser;
  let other: TestUser;
  const tagA = `mi-${randomUUID().slice(0, 6)}`;
  const tagB = `${tagA}-b`;
  const tagC = `${tagA}-c`;
  const q = [randomUUID(), randomUUID(), randomUUID()];
  const answered = (questionId: string, authorId: string, at: string) =>
    deliver(QA_EVENTS.answerPosted, at, {
      questionId,
      answerId: randomUUID(),
      authorId,
      questionAuthorId: randomUUID(),
    });
  const accepted = (questionId: string, answerAuthorId: string, at: string) =>
    deliver(QA_EVENTS.answerAccepted, at, {
      questionId,
      answerId: randomUUID(),
      answerAuthorId,
      accepterId: randomUUID(),
    });
  const request = (requestId: string, mentorId: string, status: string) => ({
    requestId,
    menteeId: randomUUID(),
    mentorId,
    questionId: null,
    status,
  });

  beforeAll(async () => {
    mentor = await t.createUser('MENTOR');
    other = await t.createUser('MENTOR');
    const now = new Date().toISOString();
    for (const [id, tags] of [
      [q[0], [tagA, tagB]],
      [q[1], [tagA]],
      [q[2], [tagC]],
    ] as const)
      await deliver(QA_EVENTS.questionAsked, now, { questionId: id, authorId: randomUUID(), title: 'Q', tags });
    await answered(q[0], mentor.user.id, now);
    await answered(q[1], mentor.user.id, now);
    await answered(q[1], other.user.id, now);
    await answered(q[2], mentor.user.id, now);
    // q0: the mentor's answer accepted; q1: the mentor's, then replaced by the other's; q2: accepted, then withdrawn.
    await accepted(q[0], mentor.user.id, now);
    await accepted(q[1], mentor.user.id, now);
    await accepted(q[1], other.user.id, now);
    await accepted(q[2], mentor.user.id, now);
    await deliver(QA_EVENTS.acceptanceWithdrawn, now, { questionId: q[2], answerId: randomUUID() });

    const r = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    for (const id of r.slice(0, 3))
      await deliver(MENTORING_EVENTS.requestCreated, '2031-12-01T00:00:00Z', request(id, mentor.user.id, 'PENDING'));
    await deliver(MENTORING_EVENTS.requestCreated, '2031-12-01T00:00:00Z', request(r[3], other.user.id, 'PENDING'));
    // Answered after 1 h (accepted) and 3 h (declined); r2 waits; the other mentor's does not count.
    await deliver(MENTORING_EVENTS.requestAnswered, '2031-12-01T01:00:00Z', request(r[0], mentor.user.id, 'ACCEPTED'));
    await deliver(MENTORING_EVENTS.requestAnswered, '2031-12-01T03:00:00Z', request(r[1], mentor.user.id, 'DECLINED'));
    await deliver(MENTORING_EVENTS.requestAnswered, '2031-12-01T00:10:00Z', request(r[3], other.user.id, 'ACCEPTED'));
    for (const [rating, at, mentorId] of [
      [5, '2031-12-05T10:00:00Z', mentor.user.id],
      [3, '2031-12-05T11:00:00Z', mentor.user.id],
      [4, '2031-12-07T10:00:00Z', mentor.user.id],
      [1, '2031-12-05T10:00:00Z', other.user.id],
    ] as const)
      await deliver(MENTORING_EVENTS.reviewPosted, at, {
        requestId: randomUUID(),
        menteeId: randomUUID(),
        mentorId,
        rating,
      });
  });

  const mine = (user: TestUser | null, from = '2031-12-01T00:00:00Z', to = '2031-12-07T00:00:00Z') =>
    t.gql(MENTOR, { period: { from, to } }, user ? { token: user.token } : {});

  it("gives the mentor their requests, acceptance rate and median response time, never another's", async () => {
    const res = await mine(mentor);
    expect(res.errors).toBeUndefined();
    expect(res.data!.myMentorInsights.requests).toEqual({
      requests: 3,
      answered: 2,
      accepted: 1,
      acceptanceRate: 0.5,
      medianResponseHours: 2,
    });
  });

  it('gives their reviews over time', async () => {
    const res = (await mine(mentor)).data!.myMentorInsights;
    expect(res.reviewCount).toBe(3);
    expect(res.averageRating).toBeCloseTo(4, 10);
    expect(res.reviews.filter((d: { reviews: number }) => d.reviews > 0)).toEqual([
      { day: '2031-12-05', reviews: 2, averageRating: 4 },
      { day: '2031-12-07', reviews: 1, averageRating: 4 },
    ]);
    expect(res.reviews).toHaveLength(7);
  });

  it('gives answers and accepted answers by tag, acceptance moving with a replaced or withdrawn choice', async () => {
    const expected = [
      { tag: tagA, answers: 2, accepted: 1 },
      { tag: tagB, answers: 1, accepted: 1 },
      { tag: tagC, answers: 1, accepted: 0 },
    ];
    expect((await mine(mentor)).data!.myMentorInsights.answersByTag).toEqual(expected);
    const profile = await t.gql(USER_TAGS, { handle: mentor.user.handle });
    expect(profile.data!.user.answersByTag).toEqual(expected);
    const theirs = await t.gql(USER_TAGS, { handle: other.user.handle });
    expect(theirs.data!.user.answersByTag).toEqual([{ tag: tagA, answers: 1, accepted: 1 }]);
  });

  it('is for mentors, about themselves: a member without a mentor profile gets FORBIDDEN, a guest UNAUTHENTICATED, a new mentor zeros', async () => {
    expect(codeOf(await mine(await t.createUser('MEMBER')))).toBe('FORBIDDEN');
    expect(codeOf(await mine(null))).toBe('UNAUTHENTICATED');
    // A member becomes a mentor by writing a profile (no role change).
    const withProfile = await t.createUser('MEMBER');
    await makeMentor(t, withProfile);
    const fresh = (await mine(withProfile)).data!.myMentorInsights;
    expect(fresh).toMatchObject({
      requests: { requests: 0, answered: 0, accepted: 0, acceptanceRate: null, medianResponseHours: null },
      reviewCount: 0,
      averageRating: null,
      answersByTag: [],
    });
  });

  it('refuses a reversed period, naming to', async () => {
    const res = await mine(mentor, '2031-12-07T00:00:00Z', '2031-12-01T00:00:00Z');
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions).toMatchObject({ field: 'to' });
  });
});

describe('a long period at scale', () => {
  it('counts from the days and takes the medians from a uniform sample beyond 20,000 questions', async () => {
    // 30,000 questions over 2033-01-01..10 (rows as the rollups hold them): answered after 2 h, every third 8 h; none accepted.
    await t.dataSource.query(
      `WITH q AS (
         SELECT gen_random_uuid() AS id, timestamptz '2033-01-01' + (i % 10) * interval '1 day' + interval '1 hour' AS at, i
         FROM generate_series(1, 30000) i)
       INSERT INTO insights_questions (question_id, asked_at, tags, first_answer_at, sample)
       SELECT id, at, '{scale}', at + CASE WHEN i % 3 = 0 THEN interval '8 hours' ELSE interval '2 hours' END, get_byte(uuid_send(id), 15) & 63 FROM q`,
    );
    await t.dataSource.query(
      `INSERT INTO insights_daily (day, tag, questions, answered)
       SELECT d::date, t, 3000, 3000 FROM generate_series(date '2033-01-01', date '2033-01-10', interval '1 day') d, unnest(ARRAY['', 'scale']) t`,
    );
    const res = await t.gql(
      `query($period: InsightsPeriodInput!) { communityInsights(period: $period) {
        questionsAsked questionsAnswered medianHoursToFirstAnswer medianBasis unansweredByTag { tag questions unanswered } } }`,
      { period: { from: '2033-01-01T00:00:00Z', to: '2033-01-10T00:00:00Z' } },
      { token: moderator.token },
    );
    expect(res.errors).toBeUndefined();
    const c = res.data!.communityInsights;
    expect(c).toMatchObject({ questionsAsked: 30_000, questionsAnswered: 30_000, medianHoursToFirstAnswer: 2 });
    expect(c.unansweredByTag).toEqual([{ tag: 'scale', questions: 30_000, unanswered: 0 }]);
    // About 20,000 of the 30,000 (whole sample buckets of 1/64), never all of them.
    expect(c.medianBasis).toBeGreaterThan(15_000);
    expect(c.medianBasis).toBeLessThan(30_000);
    const short = await t.gql(
      `query($period: InsightsPeriodInput!) { communityInsights(period: $period) { questionsAsked medianBasis } }`,
      { period: { from: '2033-01-01T00:00:00Z', to: '2033-01-01T00:00:00Z' } },
      { token: moderator.token },
    );
    // Up to 20,000 questions, every one counts.
    expect(short.data!.communityInsights).toEqual({ questionsAsked: 3000, medianBasis: 3000 });
  });
});

describe('live from the queue: flags, sign-ups, ratings and feedback', () => {
  it('counts a flag and its resolution as moderators make them', async () => {
    const author = await t.createUser('MEMBER');
    const q = await ask(t, author);
    const a = await answer(t, await t.createUser('MEMBER'), q.id);
    const flagger = await t.createEstablishedUser();
    const flagged = await t.gql(
      FLAG,
      { input: { targetId: a.id, targetType: 'ANSWER', reason: 'OFF_TOPIC' } },
      { token: flagger.token },
    );
    expect(flagged.errors).toBeUndefined();
    const resolved = await t.gql(RESOLVE, { input: { postId: a.id, decision: 'DISMISS' } }, { token: moderator.token });
    expect(resolved.errors).toBeUndefined();
    const today = new Date().toISOString();
    const res = await waitFor(
      async () => (await insights(today, today)).flags,
      (f) => f.resolved === 1,
    );
    expect(res).toMatchObject({ flags: 1, resolved: 1, byReason: [{ reason: 'OFF_TOPIC', flags: 1, resolved: 1 }] });
    expect(res.medianHoursToResolve).toBeLessThan(1);
  });

  it('counts a sign-up as a new member, a sign-in the same day as no return yet', async () => {
    const handle = uniqueHandle('joiner');
    const input = {
      email: `${handle}@example.test`,
      password: 'a long enough password',
      handle,
      displayName: 'Jo Ner',
    };
    expect((await t.gql(REGISTER, { input })).errors).toBeUndefined();
    const login = await t.gql(`mutation($input: LoginInput!) { login(input: $input) { accessToken } }`, {
      input: { email: input.email, password: input.password },
    });
    expect(login.errors).toBeUndefined();
    const today = new Date().toISOString();
    const res = await waitFor(
      async () => (await insights(today, today)).newMembers,
      (m) => m.joined === 1,
    );
    expect(res).toMatchObject({ joined: 1, returned: 0, returnRate: 0 });
    // The sign-ins were announced (young account) and handled, and still counted as no return.
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM domain_events WHERE type = $1 AND payload->>'userId' = (SELECT id::text FROM users WHERE handle = $2)`,
      [ACCOUNTS_EVENTS.memberSignedIn, handle],
    );
    expect(n).toBe(2);
  });

  it('counts a rating and feedback as people send them', async () => {
    const topic = await createTopic(t, moderator);
    const article = await createArticle(t, moderator, topic.slug);
    const reader = await t.createUser('MEMBER');
    await ok(t, RATE, { input: { articleId: article.id, stars: 4 } }, reader);
    await ok(
      t,
      FEEDBACK,
      { input: { articleId: article.id, message: 'An example status report would help.' } },
      reader,
    );
    const today = new Date().toISOString();
    const res = await waitFor(
      async () => (await insights(today, today)).articles,
      (a) => a.ratings === 1 && a.feedback === 1,
    );
    expect(res).toMatchObject({ ratings: 1, averageStars: 4, helpfulRate: 1, feedback: 1 });
  });
});
