import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ensureDatabase, migrateDatabase } from '@crossroads/api-platform';
import { apiSchema } from '../src/api-schema.js';
import { ask } from './support/qa.js';
import { startStreamingPair, type StreamingPair } from './support/streaming-replica.js';
import { TestApp, type TestUser } from './support/test-app.js';

// DATABASE_REPLICA_URLS against a real streaming replica (pg_basebackup -R) of a primary this suite
// starts. Replay is paused on the replica to tell the servers apart: what a request sees while the
// replica lags says which server answered it.
const DB = 'crossroads';
let pair: StreamingPair;
let t: TestApp;
let cached: TestApp;
let asker: TestUser;
let reader: TestUser;

const FEED = `query Feed { questions(first: 5) { edges { node { id title } } } }`;
const feedIds = async (app: TestApp, token?: string): Promise<string[]> => {
  const res = await app.gql(FEED, {}, { token });
  expect(res.errors).toBeUndefined();
  return res.data!.questions.edges.map((e: { node: { id: string } }) => e.node.id);
};
const pageTitle = async (app: TestApp, id: string, token?: string): Promise<string | null> => {
  const res = await app.gql(`query Page($id: ID!) { question(id: $id) { title } }`, { id }, { token });
  if (res.errors?.[0]?.extensions?.code === 'NOT_FOUND') return null;
  expect(res.errors).toBeUndefined();
  return res.data!.question.title;
};
const until = async (what: string, check: () => Promise<boolean>) => {
  const deadline = Date.now() + 15_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

beforeAll(async () => {
  pair = await startStreamingPair();
  await ensureDatabase(pair.primaryUrl('postgres'), DB);
  await migrateDatabase(pair.primaryUrl(DB), apiSchema);
  await pair.caughtUp();
  // No job workers: nothing here needs them, and their polling would outlive the suite.
  const replicas = { databaseReplicaUrls: [pair.replicaUrl(DB)], replicaStickySeconds: 60, jobWorkers: false };
  t = await TestApp.start(replicas, pair.primaryUrl(DB));
  cached = await TestApp.start({ ...replicas, anonCacheSeconds: 30 }, pair.primaryUrl(DB));
  asker = await t.createUser();
  reader = await t.createUser();
  await pair.caughtUp();
}, 90_000);

afterAll(async () => {
  await t?.close();
  await cached?.close();
  pair?.stop();
});

describe('read replicas (DATABASE_REPLICA_URLS)', () => {
  it('the replica is a hot standby of the primary', async () => {
    const [row] = await pair.onReplica<{ standby: boolean }>(DB, 'SELECT pg_is_in_recovery() AS standby');
    expect(row.standby).toBe(true);
  });

  it('reads go to the replica; the writer reads the primary at once; others see the write once it is replayed', async () => {
    await pair.pauseReplay();
    try {
      // The mutation (and its transaction) ran on the primary: the standby would refuse it.
      const q = await ask(t, asker);

      // Read-your-writes: the asker's own feed and page come from the primary.
      expect(await feedIds(t, asker.token)).toContain(q.id);
      expect(await pageTitle(t, q.id, asker.token)).toBe(q.title);

      // A guest and another member read the paused replica: the question is not there yet.
      expect(await feedIds(t)).not.toContain(q.id);
      expect(await pageTitle(t, q.id)).toBeNull();
      expect(await feedIds(t, reader.token)).not.toContain(q.id);
      expect((await pair.onReplica(DB, 'SELECT 1 FROM questions WHERE id = $1', [q.id])).length).toBe(0);
    } finally {
      await pair.resumeReplay();
    }
    // Once replayed, everyone sees it.
    const latest = (await t.dataSource.query('SELECT id FROM questions ORDER BY created_at DESC LIMIT 1')) as {
      id: string;
    }[];
    await until('the guest to see the question', async () => (await feedIds(t)).includes(latest[0].id));
    expect(await feedIds(t, reader.token)).toContain(latest[0].id);
  }, 60_000);

  it('a response that enters the shared anonymous cache is read from the primary', async () => {
    await pair.caughtUp();
    await pair.pauseReplay();
    try {
      const q = await ask(cached, asker);
      // A guest's cache miss: what the cache stores must not be the lagging replica's page.
      const first = await cached.gql(`query Page($id: ID!) { question(id: $id) { title } }`, { id: q.id });
      expect(first.headers.get('x-cache')).toBe('MISS');
      expect(first.data!.question?.title).toBe(q.title);
      const again = await cached.gql(`query Page($id: ID!) { question(id: $id) { title } }`, { id: q.id });
      expect(again.headers.get('x-cache')).toBe('HIT');
      expect(again.data!.question?.title).toBe(q.title);
    } finally {
      await pair.resumeReplay();
    }
  }, 60_000);

  it('a query that writes still works (its writing statements go to the primary)', async () => {
    // The question page counts a view (buffered, written by the primary's pool).
    const q = await ask(t, asker);
    await pair.caughtUp();
    expect(await pageTitle(t, q.id, reader.token)).toBe(q.title);
  });

  it('reads fall back to the primary when the replica is gone', async () => {
    const q = await ask(t, asker);
    pair.stopReplica();
    expect(await feedIds(t, reader.token)).toContain(q.id);
    expect(await pageTitle(t, q.id)).toBe(q.title);
  });
});
