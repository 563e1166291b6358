import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '@crossroads/api-platform';
import { NotificationHandlers } from '@crossroads/api-notifications';
import { TestApp, type TestUser } from './support/test-app.js';
import { SqlCounter } from './support/sql-counter.js';
import { answer, ask } from './support/qa.js';
import { notificationsOf } from './support/notifications.js';

// A worker's batch of answers is fanned out together (NotificationHandlers.handleBatch): one
// transaction, the answers, questions and authors loaded once, so the queue keeps up with many
// writers (quality-bars: event → in-app notification p95 ≤ 1 s with 50 writers).
let t: TestApp;
let handlers: NotificationHandlers;

beforeAll(async () => {
  // No workers: the test hands the recorded events to the handler itself.
  t = await TestApp.start({ jobWorkers: false });
  handlers = t.app.get(NotificationHandlers);
});
afterAll(async () => {
  await t.close();
});

const FOLLOW_Q = `mutation($id: ID!) { followQuestion(id: $id) { id } }`;

async function answerEvents(questionIds: string[]): Promise<RecordedEvent<object>[]> {
  const rows = (await t.dataSource.query(
    `SELECT id::text AS id, type, actor_id AS "actorId", payload, occurred_at AS "occurredAt" FROM domain_events
     WHERE type = 'qa.answer.posted' AND payload->>'questionId' = ANY($1) ORDER BY id`,
    [questionIds],
  )) as (RecordedEvent<object> & { occurredAt: Date })[];
  return rows.map((r) => ({ ...r, occurredAt: new Date(r.occurredAt).toISOString() }));
}

/** A question with a watcher and `n` answers by different members, the last one mentioning `mentioned`. */
async function answeredQuestion(n: number, mentioned: TestUser) {
  const asker = await t.createUser();
  const watcher = await t.createUser();
  const q = await ask(t, asker);
  const res = await t.gql(FOLLOW_Q, { id: q.id }, { token: watcher.token });
  expect(res.errors).toBeUndefined();
  const answerers: TestUser[] = [];
  for (let i = 0; i < n; i++) {
    const u = await t.createUser();
    answerers.push(u);
    await answer(
      t,
      u,
      q.id,
      i === n - 1
        ? `Ask @${mentioned.user.handle} too: they moved from support into a PMO last year.`
        : `Answer ${i + 1}: start with a CAPM certificate and volunteer for small internal projects first.`,
    );
  }
  return { asker, watcher, question: q, answerers };
}

const isBegin = (sql: string) => /^\s*(BEGIN|START TRANSACTION)/i.test(sql);

describe('a batch of answers fanned out together', () => {
  it('writes what one at a time would, in one transaction, and the extra answers cost only their own writes', async () => {
    const mentioned = await t.createUser();
    const one = await answeredQuestion(1, mentioned);
    const many = await answeredQuestion(6, mentioned);
    const other = await answeredQuestion(4, mentioned);

    const alone = await answerEvents([one.question.id]);
    const single = await SqlCounter.during(async () => {
      expect(await handlers.handleBatch(alone)).toBe(3); // asker, watcher, mention
    });
    const events = await answerEvents([many.question.id, other.question.id]);
    expect(events).toHaveLength(10);
    const batch = await SqlCounter.during(async () => {
      // Asker and watcher of each question (one grouped row each, merged 6 and 4 times), and the mention twice.
      expect(await handlers.handleBatch(events)).toBe(6 * 2 + 4 * 2 + 2);
    });
    expect(single.filter(isBegin)).toHaveLength(1);
    expect(batch.filter(isBegin)).toHaveLength(1);
    // Each further answer adds its auto-follow and its notifications statement, and the second
    // mention its handle's lookup; the loads, the transaction and the email scheduling are shared.
    expect(batch.length).toBeLessThanOrEqual(single.length + 9 * 2 + 1);
    // One at a time, the ten would have cost ten times the single answer's statements.
    expect(single.length * 10).toBeGreaterThan(batch.length * 2.5);

    const [grouped] = await notificationsOf(t, many.asker);
    expect(grouped).toMatchObject({
      type: 'ANSWER_POSTED',
      count: 6,
      actor: { handle: many.answerers[5].user.handle },
    });
    expect(grouped.text).toBe(
      `Test ${many.answerers[5].user.handle}, Test ${many.answerers[4].user.handle} and 4 others answered “${many.question.title}”`,
    );
    expect(await notificationsOf(t, other.watcher)).toEqual([
      expect.objectContaining({ type: 'FOLLOWED_QUESTION_ANSWER', count: 4 }),
    ]);
    const mentions = (await notificationsOf(t, mentioned)).filter((n) => n.type === 'MENTION');
    expect(mentions.map((n) => n.question?.id).sort()).toEqual(
      [one.question.id, many.question.id, other.question.id].sort(),
    );
  });

  it('a batch retried whole writes nothing twice', async () => {
    const mentioned = await t.createUser();
    const q = await answeredQuestion(3, mentioned);
    const events = await answerEvents([q.question.id]);
    expect(await handlers.handleBatch(events)).toBe(3 * 2 + 1);
    expect(await handlers.handleBatch(events)).toBe(0);
    expect(await notificationsOf(t, q.asker)).toEqual([expect.objectContaining({ type: 'ANSWER_POSTED', count: 3 })]);
  });

  it('keeps queue order around other events: a comment between answers is handled on its own', async () => {
    const mentioned = await t.createUser();
    const q = await answeredQuestion(2, mentioned);
    const [first, second] = await answerEvents([q.question.id]);
    const comment = {
      id: String(BigInt(first.id) + 1_000_000n),
      type: 'qa.comment.published',
      actorId: null,
      occurredAt: new Date().toISOString(),
      // A comment that no longer exists: its handler writes nothing and the batch goes on.
      payload: {
        commentId: '00000000-0000-4000-8000-000000000000',
        postType: 'QUESTION',
        questionId: q.question.id,
        authorId: null,
        postAuthorId: q.asker.user.id,
      },
    } satisfies RecordedEvent<object>;
    expect(await handlers.handleBatch([first, comment, second])).toBe(2 * 2 + 1);
    expect(await notificationsOf(t, q.asker)).toEqual([expect.objectContaining({ type: 'ANSWER_POSTED', count: 2 })]);
  });
});
