import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { QA_EVENTS } from '@crossroads/api-qa';
import { MENTORING_EVENTS } from '@crossroads/api-mentoring';
import { MODERATION_EVENTS } from '@crossroads/api-moderation';
import { ActivityHandlers, SearchLogService, SearchRetentionJob } from '@crossroads/api-insights';
import type { RecordedEvent } from '@crossroads/api-platform';
import { TestApp, codeOf, type TestUser } from './support/test-app.js';
import { ACCEPT, COMMENT, answer, ask } from './support/qa.js';
import { waitFor } from './support/notifications.js';
import { RESPOND, makeMentor, requestMentorship } from './support/mentoring.js';
import { createIsolatedDatabase } from './support/isolated-database.js';

const MODERATE = `mutation($input: ModerateCommentInput!) { moderateComment(input: $input) { id status } }`;
const INSIGHTS = `query($period: InsightsPeriodInput!) { communityInsights(period: $period) {
  from to tag questionsAsked questionsAnswered questionsAccepted medianHoursToFirstAnswer medianHoursToAcceptedAnswer
  activity { day questions answers comments } unansweredByTag { tag questions unanswered unansweredRate }
  unmetSearches { scope query searches }
  mentorship { requests answered accepted acceptanceRate medianResponseHours }
  moderation { heldNow oldestHeldAt oldestHeldHours decisions decisionsByModerator { moderator { id } decisions medianHours } } } }`;

let t: TestApp;
let database: Awaited<ReturnType<typeof createIsolatedDatabase>>;
let moderator: TestUser;
let eventId = 9_000_000_000_000 + Math.floor(Math.random() * 1_000_000_000);

// A database of its own: the held-comment backlog is a count over everything, not over a period.
beforeAll(async () => {
  database = await createIsolatedDatabase('insights');
  t = await TestApp.start({}, database.url);
  moderator = await t.createUser('MODERATOR');
});
afterAll(async () => {
  await t.close();
  await database.drop();
});

const insights = async (period: Record<string, unknown>, user: TestUser | null = moderator) =>
  t.gql(INSIGHTS, { period }, user ? { token: user.token } : {});

/** An event as the queue would deliver it, at a chosen time (the handlers count commit times). */
const deliver = (type: string, at: string, payload: object, actorId: string | null = null) => {
  const event: RecordedEvent<object> = {
    id: String(eventId++),
    type,
    actorId,
    payload,
    occurredAt: new Date(at).toISOString(),
  };
  return t.app
    .get(ActivityHandlers)
    .handle(event)
    .then(() => event);
};

describe('community insights: figures from known events', () => {
  // A period no other suite writes in, and tags of its own.
  const tag = `ins-${randomUUID().slice(0, 8)}`;
  const other = `${tag}-b`;
  const q = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];

  beforeAll(async () => {
    await deliver(QA_EVENTS.questionAsked, '2031-03-01T10:00:00Z', {
      questionId: q[0],
      authorId: randomUUID(),
      title: 'A',
      tags: [tag],
    });
    await deliver(QA_EVENTS.questionAsked, '2031-03-01T12:00:00Z', {
      questionId: q[1],
      authorId: randomUUID(),
      title: 'B',
      tags: [tag, other],
    });
    await deliver(QA_EVENTS.questionAsked, '2031-03-03T08:00:00Z', {
      questionId: q[2],
      authorId: randomUUID(),
      title: 'C',
      tags: [tag],
    });
    await deliver(QA_EVENTS.questionAsked, '2031-03-03T09:00:00Z', {
      questionId: q[3],
      authorId: randomUUID(),
      title: 'D',
      tags: [other],
    });
    // First answers after 2 h, 4 h and 9 h; q[2] stays unanswered.
    await deliver(QA_EVENTS.answerPosted, '2031-03-01T12:00:00Z', {
      questionId: q[0],
      answerId: randomUUID(),
      authorId: randomUUID(),
      questionAuthorId: randomUUID(),
    });
    await deliver(QA_EVENTS.answerPosted, '2031-03-01T13:00:00Z', {
      questionId: q[0],
      answerId: randomUUID(),
      authorId: randomUUID(),
      questionAuthorId: randomUUID(),
    });
    await deliver(QA_EVENTS.answerPosted, '2031-03-01T16:00:00Z', {
      questionId: q[1],
      answerId: randomUUID(),
      authorId: randomUUID(),
      questionAuthorId: randomUUID(),
    });
    await deliver(QA_EVENTS.answerPosted, '2031-03-03T18:00:00Z', {
      questionId: q[3],
      answerId: randomUUID(),
      authorId: randomUUID(),
      questionAuthorId: randomUUID(),
    });
    await deliver(QA_EVENTS.commentPublished, '2031-03-02T09:00:00Z', {
      questionId: q[0],
      commentId: randomUUID(),
      postType: 'QUESTION',
      postId: q[0],
      authorId: null,
      postAuthorId: randomUUID(),
      approved: false,
    });
    // Accepted after 10 h and 30 h; q[1]'s acceptance is withdrawn.
    await deliver(QA_EVENTS.answerAccepted, '2031-03-01T20:00:00Z', {
      questionId: q[0],
      answerId: randomUUID(),
      answerAuthorId: randomUUID(),
      accepterId: randomUUID(),
    });
    await deliver(QA_EVENTS.answerAccepted, '2031-03-04T15:00:00Z', {
      questionId: q[3],
      answerId: randomUUID(),
      answerAuthorId: randomUUID(),
      accepterId: randomUUID(),
    });
    await deliver(QA_EVENTS.answerAccepted, '2031-03-02T00:00:00Z', {
      questionId: q[1],
      answerId: randomUUID(),
      answerAuthorId: randomUUID(),
      accepterId: randomUUID(),
    });
    await deliver(QA_EVENTS.acceptanceWithdrawn, '2031-03-02T01:00:00Z', { questionId: q[1], answerId: randomUUID() });
  });

  it('counts posts per day for one tag, days without posts included', async () => {
    const res = await insights({ from: '2031-03-01T00:00:00Z', to: '2031-03-04T00:00:00Z', tag });
    expect(res.errors).toBeUndefined();
    expect(res.data!.communityInsights.activity).toEqual([
      { day: '2031-03-01', questions: 2, answers: 3, comments: 0 },
      { day: '2031-03-02', questions: 0, answers: 0, comments: 1 },
      { day: '2031-03-03', questions: 1, answers: 0, comments: 0 },
      { day: '2031-03-04', questions: 0, answers: 0, comments: 0 },
    ]);
  });

  it('gives the medians to the first and to the accepted answer, and the answered counts', async () => {
    const all = (await insights({ from: '2031-03-01T00:00:00Z', to: '2031-03-31T00:00:00Z', tag })).data!
      .communityInsights;
    // q0 2 h, q1 4 h (q2 unanswered): median 3 h; accepted: q0 only, 10 h.
    expect(all).toMatchObject({
      questionsAsked: 3,
      questionsAnswered: 2,
      questionsAccepted: 1,
      medianHoursToFirstAnswer: 3,
      medianHoursToAcceptedAnswer: 10,
    });
    const b = (await insights({ from: '2031-03-01T00:00:00Z', to: '2031-03-31T00:00:00Z', tag: other })).data!
      .communityInsights;
    // q1 4 h, q3 9 h: median 6.5 h; accepted: q3, 30 h.
    expect(b).toMatchObject({
      questionsAsked: 2,
      questionsAnswered: 2,
      questionsAccepted: 1,
      medianHoursToFirstAnswer: 6.5,
      medianHoursToAcceptedAnswer: 30,
    });
  });

  it('ranks tags by questions with their unanswered rate', async () => {
    const res = (await insights({ from: '2031-03-01T00:00:00Z', to: '2031-03-31T00:00:00Z', tag })).data!
      .communityInsights;
    expect(res.unansweredByTag).toEqual([{ tag, questions: 3, unanswered: 1, unansweredRate: 1 / 3 }]);
  });

  it('counts an event delivered twice once', async () => {
    const event = await deliver(QA_EVENTS.questionAsked, '2031-03-05T10:00:00Z', {
      questionId: randomUUID(),
      authorId: randomUUID(),
      title: 'E',
      tags: [tag],
    });
    await t.app.get(ActivityHandlers).handle(event);
    const res = (await insights({ from: '2031-03-05T00:00:00Z', to: '2031-03-05T00:00:00Z', tag })).data!
      .communityInsights;
    expect(res.activity).toEqual([{ day: '2031-03-05', questions: 1, answers: 0, comments: 0 }]);
  });

  it('says an empty period is empty: zeros and no medians', async () => {
    const res = (await insights({ from: '2032-01-01T00:00:00Z', to: '2032-01-02T00:00:00Z', tag })).data!
      .communityInsights;
    expect(res).toMatchObject({
      questionsAsked: 0,
      medianHoursToFirstAnswer: null,
      medianHoursToAcceptedAnswer: null,
      unansweredByTag: [],
    });
    expect(res.activity.every((d: { questions: number }) => d.questions === 0)).toBe(true);
  });
});

describe('mentorship figures from known events', () => {
  const r = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const request = (requestId: string, status: string) => ({
    requestId,
    menteeId: randomUUID(),
    mentorId: randomUUID(),
    questionId: null,
    status,
  });

  beforeAll(async () => {
    for (const id of r.slice(0, 2))
      await deliver(MENTORING_EVENTS.requestCreated, '2031-05-01T00:00:00Z', request(id, 'PENDING'));
    for (const id of r.slice(2, 4))
      await deliver(MENTORING_EVENTS.requestCreated, '2031-05-02T00:00:00Z', request(id, 'PENDING'));
    await deliver(MENTORING_EVENTS.requestCreated, '2031-06-01T00:00:00Z', request(r[4], 'PENDING'));
    // Answered after 2 h (accepted), 6 h (declined) and 24 h (accepted); r3 expires unanswered.
    await deliver(MENTORING_EVENTS.requestAnswered, '2031-05-01T02:00:00Z', request(r[0], 'ACCEPTED'));
    await deliver(MENTORING_EVENTS.requestAnswered, '2031-05-01T06:00:00Z', request(r[1], 'DECLINED'));
    await deliver(MENTORING_EVENTS.requestAnswered, '2031-05-03T00:00:00Z', request(r[2], 'ACCEPTED'));
    await deliver(MENTORING_EVENTS.requestClosed, '2031-05-09T00:00:00Z', request(r[3], 'EXPIRED'));
    await deliver(MENTORING_EVENTS.requestClosed, '2031-05-20T00:00:00Z', request(r[0], 'COMPLETED'));
    await deliver(MENTORING_EVENTS.requestAnswered, '2031-06-01T05:00:00Z', request(r[4], 'ACCEPTED'));
  });

  it('counts requests made in the period, the acceptance rate and the median response', async () => {
    const res = await insights({ from: '2031-05-01T00:00:00Z', to: '2031-05-31T00:00:00Z' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.communityInsights.mentorship).toEqual({
      requests: 4,
      answered: 3,
      accepted: 2,
      acceptanceRate: 2 / 3,
      medianResponseHours: 6,
    });
  });

  it('has no rate and no median when nothing was answered', async () => {
    const res = (await insights({ from: '2031-07-01T00:00:00Z', to: '2031-07-02T00:00:00Z' })).data!.communityInsights;
    expect(res.mentorship).toEqual({
      requests: 0,
      answered: 0,
      accepted: 0,
      acceptanceRate: null,
      medianResponseHours: null,
    });
  });
});

describe('moderation figures from known events', () => {
  const c = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  let a: TestUser;
  let b: TestUser;
  const decided = (action: string, commentId: string, at: string, actor: TestUser) =>
    deliver(
      MODERATION_EVENTS.actionRecorded,
      at,
      { action, targetType: 'COMMENT', targetId: commentId, reason: null, details: {} },
      actor.user.id,
    );

  beforeAll(async () => {
    a = await t.createUser('MODERATOR');
    b = await t.createUser('ADMIN');
    for (const id of c.slice(0, 2))
      await deliver(QA_EVENTS.commentHeld, '2025-04-01T10:00:00Z', {
        commentId: id,
        questionId: randomUUID(),
        reason: null,
      });
    await deliver(QA_EVENTS.commentHeld, '2025-04-02T00:00:00Z', {
      commentId: c[2],
      questionId: randomUUID(),
      reason: null,
    });
    await deliver(QA_EVENTS.commentHeld, '2025-04-03T00:00:00Z', {
      commentId: c[3],
      questionId: randomUUID(),
      reason: 'link',
    });
    await deliver(QA_EVENTS.commentHeld, '2025-04-05T00:00:00Z', {
      commentId: c[4],
      questionId: randomUUID(),
      reason: null,
    });
    // a approves c0 after 2 h (qa's "published" first, then the log entry) and rejects c1 after 6 h; b marks c2 spam after 1 h.
    await deliver(QA_EVENTS.commentPublished, '2025-04-01T12:00:00Z', {
      commentId: c[0],
      questionId: randomUUID(),
      postType: 'QUESTION',
      postId: randomUUID(),
      authorId: null,
      postAuthorId: randomUUID(),
      approved: true,
    });
    await decided('APPROVE_COMMENT', c[0], '2025-04-01T12:00:00Z', a);
    await decided('REJECT_COMMENT', c[1], '2025-04-01T16:00:00Z', a);
    await decided('SPAM_COMMENT', c[2], '2025-04-02T01:00:00Z', b);
    // Other logged actions do not decide a held comment.
    await deliver(
      MODERATION_EVENTS.actionRecorded,
      '2025-04-04T00:00:00Z',
      { action: 'HIDE_POST', targetType: 'COMMENT', targetId: c[3], reason: null, details: {} },
      a.user.id,
    );
  });

  it('gives the backlog held now and the age of the oldest', async () => {
    const res = (await insights({ from: '2025-04-01T00:00:00Z', to: '2025-04-30T00:00:00Z' })).data!.communityInsights
      .moderation;
    expect(res).toMatchObject({ heldNow: 2, oldestHeldAt: '2025-04-03T00:00:00.000Z' });
    const hours = (Date.now() - Date.parse('2025-04-03T00:00:00Z')) / 3_600_000;
    expect(Math.abs(res.oldestHeldHours - hours)).toBeLessThan(0.1);
  });

  it('gives each moderator their decisions and median decision time, busiest first', async () => {
    const res = (await insights({ from: '2025-04-01T00:00:00Z', to: '2025-04-30T00:00:00Z' })).data!.communityInsights
      .moderation;
    expect(res.decisions).toBe(3);
    expect(res.decisionsByModerator).toEqual([
      { moderator: { id: a.user.id }, decisions: 2, medianHours: 4 },
      { moderator: { id: b.user.id }, decisions: 1, medianHours: 1 },
    ]);
    const day2 = (await insights({ from: '2025-04-02T00:00:00Z', to: '2025-04-02T00:00:00Z' })).data!.communityInsights
      .moderation;
    expect(day2.decisionsByModerator).toEqual([{ moderator: { id: b.user.id }, decisions: 1, medianHours: 1 }]);
  });

  it('has no decisions in a period without any; the backlog is still now', async () => {
    const res = (await insights({ from: '2025-03-01T00:00:00Z', to: '2025-03-02T00:00:00Z' })).data!.communityInsights
      .moderation;
    expect(res).toMatchObject({ heldNow: 2, decisions: 0, decisionsByModerator: [] });
  });
});

describe('events handled out of order (workers on several instances)', () => {
  it('counts a decision seen before its held comment, and an answer seen before its request', async () => {
    const moderator2 = await t.createUser('MODERATOR');
    const commentId = randomUUID();
    await deliver(
      MODERATION_EVENTS.actionRecorded,
      '2032-02-01T10:00:00Z',
      { action: 'APPROVE_COMMENT', targetType: 'COMMENT', targetId: commentId, reason: null, details: {} },
      moderator2.user.id,
    );
    await deliver(QA_EVENTS.commentHeld, '2032-02-01T08:00:00Z', { commentId, questionId: randomUUID(), reason: null });
    const requestId = randomUUID();
    const request = { requestId, menteeId: randomUUID(), mentorId: randomUUID(), questionId: null };
    await deliver(MENTORING_EVENTS.requestAnswered, '2032-02-01T05:00:00Z', { ...request, status: 'ACCEPTED' });
    await deliver(MENTORING_EVENTS.requestCreated, '2032-02-01T00:00:00Z', { ...request, status: 'PENDING' });
    const res = (await insights({ from: '2032-02-01T00:00:00Z', to: '2032-02-01T00:00:00Z' })).data!.communityInsights;
    expect(res.moderation.decisionsByModerator).toEqual([
      { moderator: { id: moderator2.user.id }, decisions: 1, medianHours: 2 },
    ]);
    expect(res.mentorship).toEqual({
      requests: 1,
      answered: 1,
      accepted: 1,
      acceptanceRate: 1,
      medianResponseHours: 5,
    });
  });
});

describe('community insights: live from the queue', () => {
  it('counts a question, its answer, comment and acceptance as members post them', async () => {
    const asker = await t.createUser('MEMBER');
    const helper = await t.createUser('MEMBER');
    const tag = `live-${randomUUID().slice(0, 8)}`;
    const q = await ask(t, asker, { tags: [tag] });
    const a = await answer(t, helper, q.id);
    // A first comment is held; the moderator's approval publishes it (and that is when it counts).
    const held = await t.gql(
      COMMENT,
      { input: { targetId: q.id, targetType: 'QUESTION', body: 'Which industry are you in at the moment?' } },
      { token: helper.token },
    );
    expect(held.data?.addComment.status).toBe('PENDING');
    const approved = await t.gql(
      MODERATE,
      { input: { commentId: held.data!.addComment.id, decision: 'APPROVE' } },
      { token: moderator.token },
    );
    expect(approved.errors).toBeUndefined();
    expect((await t.gql(ACCEPT, { id: a.id }, { token: asker.token })).errors).toBeUndefined();
    const today = new Date().toISOString();
    const res = await waitFor(
      async () => (await insights({ from: today, to: today, tag })).data!.communityInsights,
      (r) => r.questionsAccepted === 1 && r.activity[0]?.comments === 1,
    );
    expect(res).toMatchObject({ questionsAsked: 1, questionsAnswered: 1, questionsAccepted: 1 });
    expect(res.activity).toEqual([{ day: today.slice(0, 10), questions: 1, answers: 1, comments: 1 }]);
    expect(res.medianHoursToFirstAnswer).toBeGreaterThanOrEqual(0);
    expect(res.medianHoursToFirstAnswer).toBeLessThan(1);
    // The approval is the moderator's decision, named by moderation's log entry.
    const decisions = await waitFor(
      async () => (await insights({ from: today, to: today })).data!.communityInsights.moderation,
      (m) => m.decisionsByModerator.some((d: { moderator: { id: string } }) => d.moderator.id === moderator.user.id),
    );
    expect(decisions.decisionsByModerator).toEqual([
      { moderator: { id: moderator.user.id }, decisions: 1, medianHours: expect.any(Number) },
    ]);
  });

  it('counts a mentorship request and its answer as members make them', async () => {
    const mentor = await t.createUser('MEMBER');
    const mentee = await t.createUser('MEMBER');
    await makeMentor(t, mentor);
    const req = await requestMentorship(t, mentee, mentor.user.handle);
    expect(req.errors).toBeUndefined();
    expect(
      (
        await t.gql(
          RESPOND,
          { input: { requestId: req.data!.requestMentorship.id, accept: true } },
          { token: mentor.token },
        )
      ).errors,
    ).toBeUndefined();
    const today = new Date().toISOString();
    const res = await waitFor(
      async () => (await insights({ from: today, to: today })).data!.communityInsights.mentorship,
      (m) => m.answered === 1,
    );
    expect(res).toMatchObject({ requests: 1, answered: 1, accepted: 1, acceptanceRate: 1 });
    expect(res.medianResponseHours).toBeLessThan(1);
  });
});

describe('searches that found nothing', () => {
  it('logs searches without who made them, and ranks the empty ones', async () => {
    const word = `zqx${randomUUID().slice(0, 6)}`;
    for (let i = 0; i < 2; i++)
      expect(
        (
          await t.gql(`query($s: String!) { questions(search: $s, first: 5) { totalCount } }`, {
            s: `  ${word.toUpperCase()}  `,
          })
        ).errors,
      ).toBeUndefined();
    expect(
      (await t.gql(`query($s: String!) { search(query: $s) { articlesFirst } }`, { s: word })).errors,
    ).toBeUndefined();
    await t.app.get(SearchLogService).flush();
    const today = new Date().toISOString();
    const res = (await insights({ from: today, to: today })).data!.communityInsights;
    expect(res.unmetSearches).toEqual(
      expect.arrayContaining([
        { scope: 'QUESTIONS', query: word, searches: 2 },
        { scope: 'HELP', query: word, searches: 1 },
      ]),
    );
    const [columns] = await t.dataSource.query(
      `SELECT array_agg(column_name::text ORDER BY column_name) AS names FROM information_schema.columns WHERE table_name = 'insights_searches'`,
    );
    expect(columns.names).toEqual(['id', 'query', 'results', 'scope', 'searched_at']);
  });

  it('counts a search answered only through "did you mean" as one that found nothing', async () => {
    const word = `zw${Date.now().toString(36)}`;
    await ask(t, await t.createUser('MEMBER'), {
      title: `Becoming a ${word} coordinator after ten years`,
      body: 'I have run service teams for a decade and want a change now.',
    });
    const typo = `${word.slice(0, -1)} coordinatr`;
    const res = await t.gql(`query($s: String!) { questions(search: $s, first: 5) { totalCount didYouMean } }`, {
      s: typo,
    });
    expect(res.data?.questions).toMatchObject({ didYouMean: `${word} coordinator` });
    expect(res.data?.questions.totalCount).toBeGreaterThan(0);
    await t.app.get(SearchLogService).flush();
    const today = new Date().toISOString();
    const unmet = (await insights({ from: today, to: today })).data!.communityInsights.unmetSearches;
    expect(unmet).toEqual(expect.arrayContaining([{ scope: 'QUESTIONS', query: typo, searches: 1 }]));
  });

  it('forgets searches after SEARCH_LOG_DAYS (180 by default)', async () => {
    const word = `old${randomUUID().slice(0, 6)}`;
    await t.dataSource.query(
      `INSERT INTO insights_searches (scope, query, results, searched_at) VALUES ('QUESTIONS', $1, 0, now() - interval '181 days'), ('QUESTIONS', $1 || '-kept', 0, now() - interval '179 days')`,
      [word],
    );
    await t.app.get(SearchRetentionJob).prune(new Date());
    const left = await t.dataSource.query(`SELECT query FROM insights_searches WHERE query LIKE $1 || '%'`, [word]);
    expect(left).toEqual([{ query: `${word}-kept` }]);
  });
});

describe('bad input and access', () => {
  it('refuses a reversed period, naming to', async () => {
    const res = await insights({ from: '2026-11-10T00:00:00Z', to: '2026-11-01T00:00:00Z' });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions).toMatchObject({ field: 'to' });
  });

  it('refuses more than two years, naming from', async () => {
    const res = await insights({ from: '2024-01-01T00:00:00Z', to: '2026-11-01T00:00:00Z' });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions).toMatchObject({ field: 'from' });
  });

  it('is for staff: a member gets FORBIDDEN, a guest UNAUTHENTICATED', async () => {
    const period = { from: '2026-11-01T00:00:00Z', to: '2026-11-02T00:00:00Z' };
    expect(codeOf(await insights(period, await t.createUser('MEMBER')))).toBe('FORBIDDEN');
    expect(codeOf(await insights(period, null))).toBe('UNAUTHENTICATED');
  });
});
