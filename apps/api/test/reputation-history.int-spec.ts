import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TestApp, codeOf, type TestUser } from './support/test-app.js';
import { ACCEPT, answer, ask, vote } from './support/qa.js';
import { SqlCounter } from './support/sql-counter.js';

const HISTORY = `query($h: String!, $days: Int) { user(handle: $h) { reputation reputationHistory(days: $days) { day points reputation } } }`;

let t: TestApp;
let asker: TestUser;
let helper: TestUser;

const utcDay = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

/** Moves a user's ledger events of one kind to noon UTC `daysAgo` days back (the ledger is qa's; the test sets known times). */
const backdate = (user: TestUser, postId: string, daysAgo: number) =>
  t.dataSource.query(
    `UPDATE reputation_events SET created_at = ($3::date + time '12:00') AT TIME ZONE 'UTC' WHERE user_id = $1 AND post_id = $2`,
    [user.user.id, postId, utcDay(daysAgo)],
  );

beforeAll(async () => {
  t = await TestApp.start();
  asker = await t.createUser('MEMBER');
  helper = await t.createUser('MEMBER');
  // helper: +15 accepted 200 days ago (before the window), +15 accepted 3 days ago, +10 upvoted today.
  const q1 = await ask(t, asker);
  const a1 = await answer(t, helper, q1.id);
  expect((await t.gql(ACCEPT, { id: a1.id }, { token: asker.token })).errors).toBeUndefined();
  await backdate(helper, a1.id, 200);
  const q2 = await ask(t, asker);
  const a2 = await answer(t, helper, q2.id);
  expect((await t.gql(ACCEPT, { id: a2.id }, { token: asker.token })).errors).toBeUndefined();
  await backdate(helper, a2.id, 3);
  await vote(t, await t.createUser('MEMBER'), a2.id, 'ANSWER', 1);
});
afterAll(() => t.close());

describe('reputation over time', () => {
  it('gives each day of the window with its points and the reputation at its end', async () => {
    const res = await t.gql(HISTORY, { h: helper.user.handle, days: 5 });
    expect(res.errors).toBeUndefined();
    expect(res.data!.user.reputation).toBe(40);
    expect(res.data!.user.reputationHistory).toEqual([
      { day: utcDay(4), points: 0, reputation: 15 },
      { day: utcDay(3), points: 15, reputation: 30 },
      { day: utcDay(2), points: 0, reputation: 30 },
      { day: utcDay(1), points: 0, reputation: 30 },
      { day: utcDay(0), points: 10, reputation: 40 },
    ]);
  });

  it('covers 90 days by default, the last day equal to the reputation', async () => {
    const history = (await t.gql(HISTORY, { h: helper.user.handle })).data!.user.reputationHistory;
    expect(history).toHaveLength(90);
    expect(history[0]).toEqual({ day: utcDay(89), points: 0, reputation: 15 });
    expect(history.at(-1)).toEqual({ day: utcDay(0), points: 10, reputation: 40 });
  });

  it('refuses a window outside 1 to 365 days, naming days', async () => {
    for (const days of [0, 366]) {
      const res = await t.gql(HISTORY, { h: helper.user.handle, days });
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions).toMatchObject({ field: 'days' });
    }
  });

  it('costs one statement per profile', async () => {
    const statements = await SqlCounter.during(() => t.gql(HISTORY, { h: helper.user.handle, days: 30 }));
    expect(statements.filter((s) => s.includes('reputation_events'))).toHaveLength(1);
  });

  it('reads the window by the (user_id, created_at) index', async () => {
    const [{ indexdef }] = await t.dataSource.query(
      `SELECT indexdef FROM pg_indexes WHERE indexname = 'reputation_events_user_time_idx'`,
    );
    expect(indexdef).toContain('(user_id, created_at)');
  });
});
