import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  DEMO_PASSWORD,
  DEMO_QUESTIONS,
  DemoSeedRefused,
  demoEmail,
  demoSeedRefusal,
  seedDemo,
  type DemoSeedSummary,
} from '@crossroads/api-demo';
import { counterMismatches } from './support/counter-checks.js';
import { createIsolatedDatabase } from './support/isolated-database.js';
import { TestApp } from './support/test-app.js';

const LOGIN = `mutation Login($input: LoginInput!) { login(input: $input) { accessToken user { handle role } } }`;
const QUEUE = `query { moderationQueue(first: 50) { totalCount edges { node { id status guestName holdReason question { title } } } } }`;

let database: { url: string; drop: () => Promise<void> };
let t: TestApp;
let summary: DemoSeedSummary;
let progressCalls = 0;

beforeAll(async () => {
  database = await createIsolatedDatabase('demo_seed');
  t = await TestApp.start({}, database.url);
  summary = await seedDemo(t.app, { onProgress: () => void (progressCalls += 1) });
  // A budget for failure: seeding takes seconds alone and over a minute at load 20 (other suites running).
}, 180_000);
afterAll(async () => {
  await t?.close();
  await database?.drop();
});

const count = async (sql: string): Promise<number> => Number((await t.dataSource.query(sql))[0].n);

describe('seeding the demo community into an empty database', () => {
  it('creates mentors with profiles, members, a moderator and an admin', async () => {
    expect(summary.users).toBe(20);
    expect(await count(`SELECT count(*)::int AS n FROM users WHERE email LIKE '%@demo.crossroads.local'`)).toBe(20);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM users u JOIN mentor_profiles mp ON mp.user_id = u.id WHERE u.role = 'MENTOR'`,
      ),
    ).toBe(6);
    expect(await count(`SELECT count(*)::int AS n FROM mentor_profiles WHERE verified_at IS NOT NULL`)).toBe(2);
    expect(await count(`SELECT count(*)::int AS n FROM users WHERE role = 'MODERATOR'`)).toBe(1);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM users WHERE role = 'MEMBER' AND email LIKE '%@demo.crossroads.local'`,
      ),
    ).toBe(12);
    expect(progressCalls).toBeGreaterThan(40);
  });

  it('creates about 40 questions with answers, accepted answers, comments held and published, and votes', async () => {
    expect(await count(`SELECT count(*)::int AS n FROM questions`)).toBe(DEMO_QUESTIONS.length);
    expect(DEMO_QUESTIONS.length).toBeGreaterThanOrEqual(38);
    expect(await count(`SELECT count(*)::int AS n FROM answers`)).toBe(summary.answers);
    expect(summary.answers).toBeGreaterThan(60);
    expect(await count(`SELECT count(*)::int AS n FROM questions WHERE accepted_answer_id IS NOT NULL`)).toBe(
      summary.acceptedAnswers,
    );
    expect(summary.acceptedAnswers).toBeGreaterThan(25);
    expect(await count(`SELECT count(*)::int AS n FROM comments WHERE status = 'PENDING'`)).toBe(summary.heldComments);
    expect(summary.heldComments).toBeGreaterThanOrEqual(3);
    expect(await count(`SELECT count(*)::int AS n FROM comments WHERE status = 'PUBLISHED'`)).toBe(
      summary.comments - summary.heldComments,
    );
    expect(await count(`SELECT count(*)::int AS n FROM votes`)).toBe(summary.votes);
    expect(summary.votes).toBeGreaterThan(200);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM mentor_profiles mp JOIN answers a ON a.author_id = mp.user_id AND a.is_accepted`,
      ),
    ).toBeGreaterThan(20);
  });

  it('keeps reputation equal to the ledger and every counter consistent', async () => {
    expect(await counterMismatches((sql) => t.dataSource.query(sql))).toEqual({});
    expect(await count(`SELECT count(*)::int AS n FROM users WHERE reputation > 0`)).toBeGreaterThan(15);
  });

  it('spreads timestamps over the last ~60 days', async () => {
    const [span] = await t.dataSource.query(
      `SELECT extract(day FROM now() - min(created_at))::int AS oldest, extract(epoch FROM now() - max(created_at))::int AS newest FROM questions`,
    );
    expect(span.oldest).toBeGreaterThanOrEqual(50);
    expect(span.oldest).toBeLessThanOrEqual(61);
    expect(span.newest).toBeGreaterThan(3600);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM answers a JOIN questions q ON q.id = a.question_id WHERE a.created_at < q.created_at`,
      ),
    ).toBe(0);
    expect(
      await count(`SELECT count(*)::int AS n FROM questions WHERE last_activity_at < created_at OR view_count = 0`),
    ).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM votes WHERE created_at > now()`)).toBe(0);
  });

  it('creates a pending, an accepted and a reviewed completed mentorship', async () => {
    const rows = await t.dataSource.query(`SELECT status FROM mentorship_requests ORDER BY status::text`);
    expect(rows.map((r: { status: string }) => r.status)).toEqual(['ACCEPTED', 'COMPLETED', 'PENDING']);
    expect(await count(`SELECT count(*)::int AS n FROM mentorship_reviews`)).toBe(1);
  });

  it('lets a demo member sign in through GraphQL with the documented password', async () => {
    const res = await t.gql(LOGIN, { input: { email: demoEmail('amara-okafor'), password: DEMO_PASSWORD } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.login.user).toEqual({ handle: 'amara-okafor', role: 'MEMBER' });
  });

  it('shows the held comments in the moderation queue to the moderator', async () => {
    const login = await t.gql(LOGIN, { input: { email: demoEmail('sam-whitfield'), password: DEMO_PASSWORD } });
    expect(login.data!.login.user.role).toBe('MODERATOR');
    const res = await t.gql(QUEUE, {}, { token: login.data!.login.accessToken });
    expect(res.errors).toBeUndefined();
    expect(res.data!.moderationQueue.totalCount).toBe(summary.heldComments);
    const nodes = res.data!.moderationQueue.edges.map(
      (e: { node: { guestName: string | null; status: string } }) => e.node,
    );
    expect(nodes.every((n: { status: string }) => n.status === 'PENDING')).toBe(true);
    expect(nodes.filter((n: { guestName: string | null }) => n.guestName).length).toBeGreaterThanOrEqual(2);
  });

  it('serves the questions through the API', async () => {
    const res = await t.gql(
      `{ questions(first: 5, sort: ACTIVE) { totalCount edges { node { title answerCount author { displayName } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.questions.totalCount).toBe(DEMO_QUESTIONS.length);
  });
});

describe('refusing to seed', () => {
  it('refuses a database that already has content, saying why', async () => {
    expect(await demoSeedRefusal(t.dataSource, false)).toMatch(/already has content/);
    await expect(seedDemo(t.app)).rejects.toThrow(DemoSeedRefused);
    expect(await count(`SELECT count(*)::int AS n FROM questions`)).toBe(DEMO_QUESTIONS.length);
  });

  it('refuses with NODE_ENV=production, even on an empty database', async () => {
    const empty = await createIsolatedDatabase('demo_seed_prod');
    const app = await TestApp.start({}, empty.url);
    try {
      expect(await demoSeedRefusal(app.dataSource, false)).toBeNull();
      expect(await demoSeedRefusal(app.dataSource, true)).toMatch(/production/);
      await expect(seedDemo(app.app, { isProduction: true })).rejects.toThrow(/production/);
      expect(await count(`SELECT count(*)::int AS n FROM users`)).toBeGreaterThan(0);
      const [row] = await app.dataSource.query(
        `SELECT (SELECT count(*) FROM questions)::int AS q, (SELECT count(*) FROM users WHERE role <> 'ADMIN')::int AS u`,
      );
      expect(row).toEqual({ q: 0, u: 0 });
    } finally {
      await app.close();
      await empty.drop();
    }
  });
});
