import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer } from 'node:net';
import { LIVE_TOPICS, LiveBus } from '@crossroads/api-platform';
import { TestApp } from './support/test-app.js';
import { createIsolatedDatabase } from './support/isolated-database.js';
import { answer, ask } from './support/qa.js';
import { LiveSubscription, connectLive, untilSubscribed, type LiveConnectionHandle } from './support/live.js';

// Two API instances on one PostgreSQL and the machine's Redis (127.0.0.1:6379; .ci/run starts one),
// then a third whose Redis is unreachable. The instances run one after the other where they must:
// passport keeps one 'jwt' strategy per process (the last app's), which reads that app's database.
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const ACTIVITY = `subscription($id: ID!) { questionActivity(questionId: $id) { kind answer { id body } } }`;

let shared: Awaited<ReturnType<typeof createIsolatedDatabase>>;
let a: TestApp;
let b: TestApp;
let down: TestApp;
const open: LiveConnectionHandle[] = [];

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  shared = await createIsolatedDatabase('live2');
});

afterAll(async () => {
  await Promise.all(open.map((c) => c.dispose()));
  await down?.close();
  await shared.drop();
});

describe('two instances through Redis', () => {
  beforeAll(async () => {
    a = await TestApp.start({ redisUrl: REDIS_URL }, shared.url);
    b = await TestApp.start({ redisUrl: REDIS_URL }, shared.url);
  });

  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  it('delivers to a subscription on A an answer posted through B within 1 s', async () => {
    expect(a.app.get(LiveBus).redisState).toBe('up');
    const [asker, mentor] = await Promise.all([b.createUser('MEMBER'), b.createUser('MENTOR')]);
    const question = await ask(b, asker);
    const connection = connectLive(a);
    open.push(connection);
    const activity = new LiveSubscription(connection, ACTIVITY, { id: question.id });
    await untilSubscribed(a, LIVE_TOPICS.question(question.id));
    // B's instance has no subscriber: the message can only reach A through Redis.
    expect(b.app.get(LiveBus).subscriberCount(LIVE_TOPICS.question(question.id))).toBe(0);
    for (let i = 0; i < 3; i++) {
      const started = Date.now();
      const posted = await answer(
        b,
        mentor,
        question.id,
        `Answer ${i}: shadow a project manager for a month before you apply.`,
      );
      const result = await activity.next();
      const elapsed = Date.now() - started;
      expect(result.data?.questionActivity).toEqual({
        kind: 'ANSWER_POSTED',
        answer: { id: posted.id, body: expect.stringContaining(`Answer ${i}:`) },
      });
      expect(elapsed).toBeLessThan(1_000);
    }
  });

  it('reports Redis up in /health', async () => {
    const res = await fetch(`${a.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' }, redis: { status: 'up' } },
    });
  });
});

describe('Redis down', () => {
  beforeAll(async () => {
    // After A and B stopped: no Redis-connected worker can take its jobs.
    down = await TestApp.start({ redisUrl: `redis://127.0.0.1:${await closedPort()}` }, shared.url);
  });

  it('keeps serving, says so in /health and delivers in-process', async () => {
    expect(down.app.get(LiveBus).redisState).toBe('down');
    const res = await fetch(`${down.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: 'degraded',
      info: { database: { status: 'up' }, redis: { status: 'degraded', connection: 'down' } },
    });

    const [asker, mentor] = await Promise.all([down.createUser('MEMBER'), down.createUser('MENTOR')]);
    const question = await ask(down, asker);
    const connection = connectLive(down);
    open.push(connection);
    const activity = new LiveSubscription(connection, ACTIVITY, { id: question.id });
    await untilSubscribed(down, LIVE_TOPICS.question(question.id));
    const posted = await answer(down, mentor, question.id);
    expect((await activity.next()).data?.questionActivity).toMatchObject({
      kind: 'ANSWER_POSTED',
      answer: { id: posted.id },
    });
  });
});
