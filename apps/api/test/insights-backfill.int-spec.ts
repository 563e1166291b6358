import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { InsightsBackfill } from '@crossroads/api-insights';
import { TestApp, type TestUser } from './support/test-app.js';
import { ACCEPT, COMMENT, answer, ask } from './support/qa.js';
import { waitFor } from './support/notifications.js';
import { createIsolatedDatabase } from './support/isolated-database.js';

/** Issue 17: the backfill counts what insights never heard of, once, alongside the event path. */
const INSIGHTS = `query($period: InsightsPeriodInput!) { communityInsights(period: $period) {
  questionsAsked questionsAnswered questionsAccepted activity { day questions answers comments }
  newMembers { joined returned } } }`;
const TAGS = `query($handle: String!) { user(handle: $handle) { answersByTag { tag answers accepted } } }`;
/** The rollups the backfill fills (the test empties them to stand for data from before insights). */
const ROLLUPS = [
  'insights_questions',
  'insights_daily',
  'insights_user_tags',
  'insights_members',
  'insights_counted_posts',
];

let t: TestApp;
let database: Awaited<ReturnType<typeof createIsolatedDatabase>>;
let moderator: TestUser;
let asker: TestUser;
let helper: TestUser;
let second: TestUser;
const tag = `bf-${randomUUID().slice(0, 8)}`;
const today = new Date().toISOString();

// A database of its own: the test empties insights' rollups.
beforeAll(async () => {
  database = await createIsolatedDatabase('insights_backfill');
  t = await TestApp.start({}, database.url);
  moderator = await t.createUser('MODERATOR');
  asker = await t.createUser('MEMBER');
  helper = await t.createUser('MEMBER');
  second = await t.createUser('MEMBER');
  const q = await ask(t, asker, { tags: [tag] });
  const a = await answer(t, helper, q.id);
  await answer(t, second, q.id);
  const commenter = await t.createUser('MEMBER');
  const c = await t.gql(
    COMMENT,
    { input: { targetId: q.id, targetType: 'QUESTION', body: 'Which industry are you in at the moment?' } },
    { token: commenter.token },
  );
  // A first comment is held; the moderator's approval publishes it.
  expect(c.data?.addComment.status).toBe('PENDING');
  const approved = await t.gql(
    `mutation($input: ModerateCommentInput!) { moderateComment(input: $input) { id } }`,
    { input: { commentId: c.data!.addComment.id, decision: 'APPROVE' } },
    { token: moderator.token },
  );
  expect(approved.errors).toBeUndefined();
  expect((await t.gql(ACCEPT, { id: a.id }, { token: asker.token })).errors).toBeUndefined();
  // The event path's figures, to compare the backfill's with.
  await waitFor(figures, (f) => f.questionsAccepted === 1 && f.activity[0]?.comments === 1);
}, 120_000);
afterAll(async () => {
  await t?.close();
  await database?.drop();
});

async function figures() {
  const res = await t.gql(INSIGHTS, { period: { from: today, to: today, tag } }, { token: moderator.token });
  expect(res.errors).toBeUndefined();
  return res.data!.communityInsights;
}
const tagsOf = async (user: TestUser) => (await t.gql(TAGS, { handle: user.user.handle })).data!.user.answersByTag;
const usersToday = async () =>
  (
    await t.dataSource.query(
      `SELECT count(*)::int AS n FROM users WHERE created_at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'`,
    )
  )[0].n as number;

const EXPECTED = {
  questionsAsked: 1,
  questionsAnswered: 1,
  questionsAccepted: 1,
  activity: [{ day: today.slice(0, 10), questions: 1, answers: 2, comments: 1 }],
};

describe('insights backfill', () => {
  it('fills emptied rollups from the owners’ read APIs with the same counts the events gave', async () => {
    expect(await figures()).toMatchObject(EXPECTED);
    await t.dataSource.query(`TRUNCATE ${ROLLUPS.join(', ')}`);
    expect(await figures()).toMatchObject({ questionsAsked: 0, newMembers: { joined: 0 } });
    expect(await tagsOf(helper)).toEqual([]);

    const progress: [number, number][] = [];
    const summary = await t.app.get(InsightsBackfill).run((done, total) => progress.push([done, total]));
    expect(summary).toMatchObject({ questions: 1, answers: 2, comments: 1 });
    expect(summary.members).toBe((await t.dataSource.query(`SELECT count(*)::int AS n FROM users`))[0].n);
    expect(progress.at(-1)![0]).toBe(progress.at(-1)![1]);

    expect(await figures()).toMatchObject({
      ...EXPECTED,
      // Accounts joined when accounts says they did (test accounts are made days old).
      newMembers: { joined: await usersToday() },
    });
    expect(await tagsOf(helper)).toEqual([{ tag, answers: 1, accepted: 1 }]);
    expect(await tagsOf(second)).toEqual([{ tag, answers: 1, accepted: 0 }]);
    // Test accounts are 4 days old: the asker, both helpers and the commenter posted today (their
    // first week), the moderator did not. Sign-ins from before are not known; posts are.
    const joinedDay = new Date(Date.now() - 4 * 86_400_000).toISOString();
    const res = await t.gql(INSIGHTS, { period: { from: joinedDay, to: joinedDay } }, { token: moderator.token });
    expect(res.data!.communityInsights.newMembers).toEqual({ joined: 5, returned: 4 });
  });

  it('adds nothing when run again', async () => {
    const summary = await t.app.get(InsightsBackfill).run();
    expect(summary).toEqual({ members: 0, questions: 0, answers: 0, comments: 0 });
    expect(await figures()).toMatchObject(EXPECTED);
    expect(await tagsOf(helper)).toEqual([{ tag, answers: 1, accepted: 1 }]);
  });

  it('never counts a post twice with the event path, whichever comes first', async () => {
    const third = await t.createUser('MEMBER');
    const q = (
      await t.dataSource.query(`SELECT question_id AS id FROM insights_questions WHERE $1 = ANY(tags)`, [tag])
    )[0].id as string;
    const a = await answer(t, third, q);
    // The backfill may run before or after the answer's event is handled: the count is 3 either way.
    await t.app.get(InsightsBackfill).run();
    await waitFor(
      async () =>
        (
          await t.dataSource.query(
            `SELECT count(*)::int AS n FROM insights_applied_events i JOIN domain_events e ON e.id = i.event_id
             WHERE e.type = 'qa.answer.posted' AND e.payload->>'answerId' = $1`,
            [a.id],
          )
        )[0].n as number,
      (n) => n === 1,
    );
    await t.app.get(InsightsBackfill).run();
    expect((await figures()).activity).toEqual([{ day: today.slice(0, 10), questions: 1, answers: 3, comments: 1 }]);
    expect(await tagsOf(third)).toEqual([{ tag, answers: 1, accepted: 0 }]);
  });
});
