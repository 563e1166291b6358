import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TestApp, type TestUser } from './support/test-app.js';
import { createIsolatedDatabase } from './support/isolated-database.js';
import { SqlCounter } from './support/sql-counter.js';
import { ANSWER, ask } from './support/qa.js';
import { waitFor } from './support/notifications.js';

// quality-bars / issue 14: an answer on a question followed by 10,000 members keeps its normal cost:
// the request only records the event and queues one job; the job fans out in one set-based statement.
const FOLLOWERS = 10_000;
let t: TestApp;
let database: Awaited<ReturnType<typeof createIsolatedDatabase>>;

beforeAll(async () => {
  database = await createIsolatedDatabase('fanout');
  t = await TestApp.start({ jobPollSeconds: 0.5 }, database.url);
});
afterAll(async () => {
  await t.close();
  await database.drop();
});

/** Statements of one postAnswer request (the job queue's own polling is not the request's). */
async function answerStatements(
  user: TestUser,
  questionId: string,
  body: string,
): Promise<{ statements: string[]; ms: number; answerId: string }> {
  let answerId = '';
  const started = performance.now();
  const statements = await SqlCounter.during(
    async () => {
      const res = await t.gql(ANSWER, { input: { questionId, body } }, { token: user.token });
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      answerId = res.data!.postAnswer.id;
    },
    (sql) => /pgboss\./.test(sql) && !/INSERT INTO pgboss\.job|insert into pgboss\.job/i.test(sql),
  );
  return { statements, ms: performance.now() - started, answerId };
}

/**
 * Waits until no job is due or running, so a measurement sees only the request's own statements
 * (delayed jobs, e.g. an instant email 60 s later, are not running).
 */
const idle = () =>
  waitFor(
    async () =>
      Number(
        (
          (await t.dataSource.query(
            `SELECT count(*)::int AS n FROM pgboss.job WHERE state IN ('created', 'retry', 'active') AND start_after <= now()`,
          )) as { n: number }[]
        )[0].n,
      ),
    (n) => n === 0,
    60_000,
  );

const notificationCount = async (answerId: string) =>
  Number(
    (
      (await t.dataSource.query(`SELECT count(*)::int AS n FROM notifications WHERE answer_id = $1`, [answerId])) as {
        n: number;
      }[]
    )[0].n,
  );

describe('fan-out to 10,000 followers', () => {
  it('posting an answer costs the same statements as on an unfollowed question, and all 10,000 are notified by the job', async () => {
    const asker = await t.createUser();
    const author = await t.createUser();
    const quiet = await ask(t, asker);
    const popular = await ask(t, asker);
    // 10,000 members watching the popular question, inserted in bulk.
    await t.dataSource.query(
      `INSERT INTO users (handle, email, display_name, password_hash, role, created_at)
       SELECT 'fan' || g || '-' || $2, 'fan' || g || '-' || $2 || '@example.test', 'Fan ' || g, 'x', 'MEMBER', now() - interval '2 days'
       FROM generate_series(1, $1::int) g`,
      [FOLLOWERS, Date.now().toString(36)],
    );
    await t.dataSource.query(
      `INSERT INTO follows (user_id, target_type, target_key, level) SELECT id, 'QUESTION', $1, 'WATCHING' FROM users WHERE handle LIKE 'fan%'`,
      [popular.id],
    );

    // Warm both paths once (prepared plans, loaders), then measure.
    await answerStatements(author, quiet.id, 'A first answer to warm things up: try a CAPM certificate first.');
    await idle();
    const baseline = await answerStatements(
      author,
      quiet.id,
      'Another answer on the quiet question: volunteer for internal projects.',
    );
    await idle();
    const followed = await answerStatements(
      author,
      popular.id,
      'An answer on the popular question: volunteer for internal projects.',
    );
    // The same statements, in the same order (a difference shows which).
    expect(followed.statements).toEqual(baseline.statements);
    expect(followed.statements.some((s) => /follows|notifications/.test(s))).toBe(false);
    process.stdout.write(
      `fan-out: postAnswer ${followed.statements.length} statements, ${followed.ms.toFixed(0)} ms with ${FOLLOWERS} followers (baseline ${baseline.ms.toFixed(0)} ms)\n`,
    );

    const started = performance.now();
    // The asker (grouped row) and every follower.
    await waitFor(
      () => notificationCount(followed.answerId),
      (n) => n === FOLLOWERS + 1,
      60_000,
    );
    process.stdout.write(
      `fan-out: ${FOLLOWERS + 1} notifications visible ${(performance.now() - started).toFixed(0)} ms after the answer returned\n`,
    );
  }, 120_000);
});
