import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createIsolatedDatabase } from './support/isolated-database.js';
import { SqlCounter, pageStatementCount } from './support/sql-counter.js';
import { TestApp, type TestUser } from './support/test-app.js';
import { COMMENT, ask } from './support/qa.js';

let database: Awaited<ReturnType<typeof createIsolatedDatabase>>;
let t: TestApp;
let mod: TestUser;
beforeAll(async () => {
  SqlCounter.install();
  // Its own database: the queue is global, so other suites' held comments would change the page,
  // and this suite's questions would change the counts they assert on.
  database = await createIsolatedDatabase('moderation_statements');
  // No job workers: the counter sees every statement of the process, background jobs are not the page.
  t = await TestApp.start({ jobWorkers: false }, database.url);
  mod = await t.createUser('MODERATOR');
}, 60_000);
afterAll(async () => {
  await t?.close();
  await database?.drop();
});

// What the web's queue asks for (QueueComment in libs/web/data-access): author, history and question.
const QUEUE = `query($first: Int) { moderationQueue(first: $first) { totalCount edges { cursor node {
  id body status createdAt holdReason guestName guestEmail author { id handle displayName reputation role }
  authorHistory { accountAgeDays approvedCount rejectedCount spamCount spamMarked memberSince } question { id title } } } } }`;

describe('SQL statements per moderation page (no N+1)', () => {
  it('a held-comments queue page costs the same for 2 and 20 comments by different members (≤ 5, as before the owners split its SQL)', async () => {
    const asker = await t.createUser();
    const q = await ask(t, asker);
    // A new member's first comment is held (FIRST_COMMENT): 20 held comments by 20 authors.
    for (let i = 0; i < 20; i++) {
      const newbie = await t.createUser('MEMBER', { newAccount: true });
      const res = await t.gql(
        COMMENT,
        { input: { targetId: q.id, targetType: 'QUESTION', body: `Held comment number ${i} from a new member.` } },
        { token: newbie.token },
      );
      expect(res.data?.addComment.status).toBe('PENDING');
    }
    const counts: number[] = [];
    for (const first of [2, 20]) {
      let result: any;
      const statements = await SqlCounter.during(async () => {
        result = await t.gql(QUEUE, { first }, { token: mod.token });
      });
      expect(result.errors).toBeUndefined();
      expect(result.data.moderationQueue.edges).toHaveLength(first);
      expect(result.data.moderationQueue.edges.every((e: any) => !e.node.author || e.node.authorHistory)).toBe(true);
      counts.push(pageStatementCount(statements));
    }
    process.stdout.write(`moderation queue statements: N=2 → ${counts[0]}, N=20 → ${counts[1]}\n`);
    expect(counts[1]).toBe(counts[0]);
    expect(counts[0]).toBeLessThanOrEqual(5);
  });
});
