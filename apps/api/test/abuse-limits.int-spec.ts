import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { ABUSE_LIMITS } from '@crossroads/shared-domain';
import { TestApp, codeOf, cookieFrom, randomIp, uniqueHandle, type TestUser } from './support/test-app.js';
import { COMMENT, answer, ask, reputationMismatches, vote } from './support/qa.js';
import { RATE, createArticle, createTopic } from './support/knowledge-base.js';

// Issue 12, items 3–5: registration, fresh accounts' votes, guest comments, guest ratings.
let t: TestApp;
let author: TestUser;

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { user { handle } } }`;
const register = (ip: string) => {
  const handle = uniqueHandle('r');
  return t.gql(
    REGISTER,
    {
      input: {
        email: `${handle}@example.test`,
        password: 'a long enough password',
        handle,
        displayName: `Reg ${handle}`,
      },
    },
    { ip },
  );
};
const rep = async (u: TestUser) =>
  ((await t.dataSource.query(`SELECT reputation FROM users WHERE id = $1`, [u.user.id])) as { reputation: number }[])[0]
    .reputation;

beforeAll(async () => {
  t = await TestApp.start();
  author = await t.createUser();
});
afterAll(() => t.close());

describe('registration limit per IP', () => {
  it(`allows ${ABUSE_LIMITS.registrationsPerIp.points} registrations an hour from one IP, then RATE_LIMITED with retryAfterSeconds`, async () => {
    const ip = randomIp();
    for (let i = 0; i < ABUSE_LIMITS.registrationsPerIp.points; i++)
      expect((await register(ip)).errors).toBeUndefined();
    const limited = await register(ip);
    expect(codeOf(limited)).toBe('RATE_LIMITED');
    expect(limited.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(60);
    expect(limited.errors![0].extensions!.retryAfterSeconds).toBeLessThanOrEqual(
      ABUSE_LIMITS.registrationsPerIp.windowSeconds,
    );
    expect((await register(randomIp())).errors).toBeUndefined();
  });

  it('REGISTRATION_LIMIT_PER_HOUR raises the limit (browser suites register many accounts from one address)', async () => {
    const roomy = await TestApp.start({ registrationLimitPerHour: 8 });
    try {
      const ip = randomIp();
      const results = [];
      for (let i = 0; i < 9; i++) {
        const handle = uniqueHandle('q');
        results.push(
          codeOf(
            await roomy.gql(
              REGISTER,
              {
                input: {
                  email: `${handle}@example.test`,
                  password: 'a long enough password',
                  handle,
                  displayName: 'Q',
                },
              },
              { ip },
            ),
          ) ?? 'ok',
        );
      }
      expect(results).toEqual([...Array(8).fill('ok'), 'RATE_LIMITED']);
    } finally {
      await roomy.close();
    }
  });
});

describe("fresh accounts' votes", () => {
  it('count toward the score but earn no reputation until the voter has 15 reputation or a 3-day-old account', async () => {
    const q = await ask(t, author);
    const a = await answer(t, author, q.id);
    const before = await rep(author);
    const fresh = await Promise.all(Array.from({ length: 5 }, () => t.createUser('MEMBER', { newAccount: true })));
    for (const v of fresh) expect((await vote(t, v, q.id, 'QUESTION', 1)).errors).toBeUndefined();
    for (const v of fresh) await vote(t, v, a.id, 'ANSWER', -1);
    const [{ score }] = await t.dataSource.query(`SELECT score FROM questions WHERE id = $1`, [q.id]);
    expect(score).toBe(5);
    expect(await rep(author)).toBe(before);

    // Three days on, the same voter's vote earns: re-voting awards it.
    await t.setStanding(fresh[0], { daysOld: 3.01 });
    await vote(t, fresh[0], q.id, 'QUESTION', 0);
    await vote(t, fresh[0], q.id, 'QUESTION', 1);
    expect(await rep(author)).toBe(before + 5);
    expect(await reputationMismatches(t)).toEqual([]);
  });
});

describe('guest comments', () => {
  const guestComment = (questionId: string, ip: string, guestEmail: string, extra: Record<string, unknown> = {}) =>
    t.gql(
      COMMENT,
      {
        input: {
          targetId: questionId,
          targetType: 'QUESTION',
          body: 'A guest asks about the PMO role in a bank.',
          guestName: 'Gus',
          guestEmail,
          ...extra,
        },
      },
      { ip },
    );

  it(`allows ${ABUSE_LIMITS.guestCommentsPerIp.points} an hour per IP`, async () => {
    const q = await ask(t, author);
    const ip = randomIp();
    for (let i = 0; i < ABUSE_LIMITS.guestCommentsPerIp.points; i++)
      expect((await guestComment(q.id, ip, `g${i}-${uniqueHandle()}@example.test`)).errors).toBeUndefined();
    const limited = await guestComment(q.id, ip, `late-${uniqueHandle()}@example.test`);
    expect(codeOf(limited)).toBe('RATE_LIMITED');
    expect(limited.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(0);
  });

  it(`allows ${ABUSE_LIMITS.guestCommentsPerEmail.points} an hour per email, from any IP`, async () => {
    const q = await ask(t, author);
    const email = `${uniqueHandle('e')}@example.test`;
    for (let i = 0; i < ABUSE_LIMITS.guestCommentsPerEmail.points; i++)
      expect((await guestComment(q.id, randomIp(), email)).errors).toBeUndefined();
    expect(codeOf(await guestComment(q.id, randomIp(), email.toUpperCase()))).toBe('RATE_LIMITED');
  });

  it('drops a comment whose honeypot field is filled, answering as if it were held', async () => {
    const q = await ask(t, author);
    const res = await guestComment(q.id, randomIp(), `${uniqueHandle('h')}@example.test`, {
      website: 'http://spam.example',
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.addComment).toMatchObject({ status: 'PENDING', guestName: 'Gus' });
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM comments WHERE question_id = $1`, [q.id]);
    expect(n).toBe(0);
    // An empty honeypot is what humans send.
    expect(
      (await guestComment(q.id, randomIp(), `${uniqueHandle('h')}@example.test`, { website: '' })).data!.addComment
        .status,
    ).toBe('PENDING');
    const [{ m }] = await t.dataSource.query(`SELECT count(*)::int AS m FROM comments WHERE question_id = $1`, [q.id]);
    expect(m).toBe(1);
  });
});

describe('guest article ratings', () => {
  it('counts one guest rating per article per IP as well as per cookie, storing a keyed hash of the IP', async () => {
    const editor = await t.createUser('MODERATOR');
    const topic = await createTopic(t, editor);
    const article = await createArticle(t, editor, topic.slug);
    const ip = randomIp();
    const rate = (stars: number, options: { ip: string; cookie?: string }) =>
      t.gql(RATE, { input: { articleId: article.id, stars } }, options);

    // No cookie sent back: the same IP still counts once, the latest stars win.
    for (const stars of [1, 1, 1, 5]) expect((await rate(stars, { ip })).errors).toBeUndefined();
    let rating = (await rate(4, { ip })).data!.rateArticle;
    expect(rating).toMatchObject({ count: 1, average: 4 });

    // A browser keeps its rating across addresses through the cookie.
    const first = await rate(2, { ip: randomIp() });
    const cookie = cookieFrom(first, 'crossroads_rater')!;
    expect(first.data!.rateArticle.count).toBe(2);
    rating = (await rate(3, { ip: randomIp(), cookie })).data!.rateArticle;
    expect(rating).toMatchObject({ count: 2, average: 3.5 });

    const stored = (await t.dataSource.query(`SELECT * FROM kb_article_ratings WHERE article_id = $1`, [
      article.id,
    ])) as Record<string, unknown>[];
    const text = JSON.stringify(stored);
    expect(text).not.toContain(ip);
    expect(text).not.toContain(createHash('sha256').update(ip).digest('hex'));
    expect(stored.every((r) => typeof r.guest_ip_hash === 'string' && (r.guest_ip_hash as string).length >= 32)).toBe(
      true,
    );
  });
});
