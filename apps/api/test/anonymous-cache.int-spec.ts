import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import { TestApp, randomIp, type GqlResult, type TestUser } from './support/test-app.js';
import { createIsolatedDatabase } from './support/isolated-database.js';
import { ViewCounterService } from '@crossroads/api-qa';
import { COMMENT, answer, ask, vote } from './support/qa.js';

// The shared response cache for anonymous reads: in-process, then two instances sharing the machine's
// Redis (127.0.0.1:6379; .ci/run starts one). On a database of its own: apps starting on the shared one
// at the same time as other suites' can deadlock in pg-boss's queue creation.
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PAGE = `query Page($id: ID!) { question(id: $id) { id title score status viewerVote
  answers(first: 10) { edges { node { id body viewerVote } } }
  comments(first: 10) { edges { node { id body guestName guestEmail } } } } }`;
const FEED = `query Feed($tag: String) { questions(first: 10, tag: $tag) { edges { node { id title answerCount } } } }`;
const MODERATE = `mutation($input: ModerateCommentInput!) { moderateComment(input: $input) { id status } }`;
const CLOSE = `mutation($input: CloseQuestionInput!) { closeQuestion(input: $input) { id status } }`;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A guest's POST: no Authorization header, no cookie. */
function guest<T = Record<string, any>>(
  t: TestApp,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GqlResult<T>> {
  return t.gql<T>(query, variables, { headers });
}

/** A guest's GET, as the web client sends persisted queries (Apollo's CSRF prevention wants the preflight header). */
async function guestGet(t: TestApp, params: Record<string, unknown>, headers: Record<string, string> = {}) {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) search.set(k, typeof v === 'string' ? v : JSON.stringify(v));
  const res = await fetch(`${t.url}/graphql?${search}`, {
    headers: { 'apollo-require-preflight': 'true', 'x-forwarded-for': randomIp(), ...headers },
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

const cacheOf = (r: { headers: Headers }) => r.headers.get('x-cache');

let db: Awaited<ReturnType<typeof createIsolatedDatabase>>;
beforeAll(async () => {
  db = await createIsolatedDatabase('anoncache');
});
afterAll(async () => {
  await db?.drop();
});

describe('one instance, in-process cache', () => {
  let t: TestApp;
  let member: TestUser;
  let mentor: TestUser;
  let moderator: TestUser;

  beforeAll(async () => {
    t = await TestApp.start({ anonCacheSeconds: 30 }, db.url);
    [member, mentor, moderator] = await Promise.all([
      t.createUser('MEMBER'),
      t.createUser('MENTOR'),
      t.createUser('MODERATOR'),
    ]);
  });

  afterAll(async () => {
    await t?.close();
  });

  it("serves a guest's repeated read from the cache, and a new answer as soon as the answer's mutation has answered", async () => {
    const q = await ask(t, member);
    const first = await guest(t, PAGE, { id: q.id });
    expect(cacheOf(first)).toBe('MISS');
    expect(first.headers.get('cache-control')).toBe('public, max-age=5');
    const second = await guest(t, PAGE, { id: q.id });
    expect(cacheOf(second)).toBe('HIT');
    expect(second.text).toBe(first.text);
    // Logged like any request: the request log's id comes back.
    expect(second.headers.get('x-request-id')).toMatch(/^[\w.-]+$/);

    // The answer's commit drops the page before postAnswer answers: that response is the signal.
    const posted = await answer(t, mentor, q.id, 'Shadow a project manager for a month before you apply anywhere.');
    const after = await guest(t, PAGE, { id: q.id });
    expect(cacheOf(after)).toBe('MISS');
    expect(after.data!.question.answers.edges.map((e: any) => e.node.id)).toEqual([posted.id]);

    await vote(t, mentor, q.id, 'QUESTION', 1);
    expect((await guest(t, PAGE, { id: q.id })).data!.question.score).toBe(1);
  });

  it('still counts the page view of a question served from the cache', async () => {
    const q = await ask(t, member);
    const VIEWS = `query Views($id: ID!) { question(id: $id) { id viewCount } }`;
    expect(cacheOf(await guest(t, PAGE, { id: q.id }))).toBe('MISS');
    for (let i = 0; i < 3; i++) expect(cacheOf(await guest(t, PAGE, { id: q.id }))).toBe('HIT');
    await t.app.get(ViewCounterService).flush();
    const [{ views }] = (await t.dataSource.query('SELECT view_count AS views FROM questions WHERE id = $1', [
      q.id,
    ])) as [{ views: number }];
    expect(Number(views)).toBe(4);
    expect((await t.gql(VIEWS, { id: q.id }, { token: member.token })).data!.question.viewCount).toBe(5);
  });

  it('shows a new question on the cached tag feed', async () => {
    const q = await ask(t, member);
    const tag = q.tags[0].name as string;
    expect(cacheOf(await guest(t, FEED, { tag }))).toBe('MISS');
    expect(cacheOf(await guest(t, FEED, { tag }))).toBe('HIT');
    const next = await ask(t, member, { tags: [tag] });
    const feed = await guest(t, FEED, { tag });
    expect(feed.data!.questions.edges.map((e: any) => e.node.id)).toEqual([next.id, q.id]);
  });

  it('drops everything on a mutation no event covers (a moderator closes the question)', async () => {
    const q = await ask(t, member);
    await guest(t, PAGE, { id: q.id });
    expect(cacheOf(await guest(t, PAGE, { id: q.id }))).toBe('HIT');
    const closed = await t.gql(CLOSE, { input: { id: q.id, reason: 'OFF_TOPIC' } }, { token: moderator.token });
    expect(closed.errors).toBeUndefined();
    const after = await guest(t, PAGE, { id: q.id });
    expect(after.data!.question.status).toBe(closed.data!.closeQuestion.status);
    expect(cacheOf(after)).toBe('MISS');
  });

  it("never stores a signed-in viewer's response, and never serves a guest's to them", async () => {
    const q = await ask(t, member);
    expect((await vote(t, mentor, q.id, 'QUESTION', 1)).errors).toBeUndefined();
    const own = await t.gql(PAGE, { id: q.id }, { token: mentor.token });
    expect(own.data!.question.viewerVote).toBe(1);
    expect(own.headers.get('cache-control')).toBe('private, no-store');
    expect(cacheOf(own)).toBeNull();
    // Had the member's response been stored, this identical request would be a HIT carrying their vote.
    const anon = await guest(t, PAGE, { id: q.id });
    expect(cacheOf(anon)).toBe('MISS');
    expect(anon.data!.question.viewerVote).toBeNull();
    expect(cacheOf(await guest(t, PAGE, { id: q.id }))).toBe('HIT');
    const again = await t.gql(PAGE, { id: q.id }, { token: mentor.token });
    expect(again.data!.question.viewerVote).toBe(1);
    expect(cacheOf(again)).toBeNull();
    // A cookie (a guest rater's, or a session's refresh cookie) also bypasses the shared cache.
    const withCookie = await t.gql(PAGE, { id: q.id }, { cookie: 'crossroads_rater=x' });
    expect(cacheOf(withCookie)).toBeNull();
    expect(withCookie.headers.get('cache-control')).toBe('private, no-store');
  });

  it("keeps what only staff see (a guest commenter's email) out of the shared cache", async () => {
    const q = await ask(t, member);
    const email = `gus-${Date.now()}@example.test`;
    const held = await guest(t, COMMENT, {
      input: {
        targetType: 'QUESTION',
        targetId: q.id,
        body: 'Try a PMP bootcamp, it worked for me.',
        guestName: 'Gus',
        guestEmail: email,
      },
    });
    expect(held.errors).toBeUndefined();
    const approved = await t.gql(
      MODERATE,
      { input: { commentId: held.data!.addComment.id, decision: 'APPROVE' } },
      { token: moderator.token },
    );
    expect(approved.data!.moderateComment.status).toBe('PUBLISHED');
    const staff = await t.gql(PAGE, { id: q.id }, { token: moderator.token });
    expect(staff.data!.question.comments.edges[0].node.guestEmail).toBe(email);
    for (let i = 0; i < 2; i++) {
      const anon = await guest(t, PAGE, { id: q.id });
      expect(cacheOf(anon)).toBe(i === 0 ? 'MISS' : 'HIT');
      expect(anon.data!.question.comments.edges[0].node).toMatchObject({ guestName: 'Gus', guestEmail: null });
      expect(anon.text).not.toContain(email);
    }
  });

  it('shows a new member on a profile page cached as "no such member" once they register', async () => {
    const handle = `new-${Date.now().toString(36)}`;
    const PROFILE = `query Profile($handle: String!) { user(handle: $handle) { id handle } }`;
    expect((await guest(t, PROFILE, { handle })).data!.user).toBeNull();
    expect(cacheOf(await guest(t, PROFILE, { handle }))).toBe('HIT');
    const registered = await t.gql(`mutation($input: RegisterInput!) { register(input: $input) { user { id } } }`, {
      input: {
        handle,
        displayName: 'Nia Newcomer',
        email: `${handle}@example.test`,
        password: 'violet kayak orbit 73 lantern',
      },
    });
    expect(registered.errors).toBeUndefined();
    expect((await guest(t, PROFILE, { handle })).data!.user).toEqual({ id: registered.data!.register.user.id, handle });
  });

  it('answers a GET with an ETag, and 304 to If-None-Match', async () => {
    const q = await ask(t, member);
    const params = { query: PAGE, operationName: 'Page', variables: { id: q.id } };
    const first = await guestGet(t, params);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=5');
    const revalidated = await guestGet(t, params, { 'if-none-match': etag! });
    expect(revalidated.status).toBe(304);
    expect(revalidated.text).toBe('');
    // The same read by POST shares the entry (the key is the document's hash, not the method).
    const posted = await t.post(params);
    expect(cacheOf(posted)).toBe('HIT');
    expect(posted.headers.get('etag')).toBe(etag);
    // A change makes a new representation: the old validator no longer matches.
    await answer(t, mentor, q.id);
    const changed = await guestGet(t, params, { 'if-none-match': etag! });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    // Without the preflight header a GET is refused as before (CSRF prevention), cached or not.
    const search = new URLSearchParams({ query: PAGE, variables: JSON.stringify({ id: q.id }) });
    expect((await fetch(`${t.url}/graphql?${search}`)).status).toBe(400);
  });

  it('serves a persisted query by its hash over GET', async () => {
    const q = await ask(t, member);
    const hash = sha256(FEED);
    const extensions = { persistedQuery: { version: 1, sha256Hash: hash } };
    const unknown = await guestGet(t, { extensions, variables: { tag: q.tags[0].name } });
    expect(unknown.text).toContain('PERSISTED_QUERY_NOT_FOUND');
    expect(unknown.headers.get('cache-control')).toBe('private, no-store');
    const registered = await t.post({ query: FEED, variables: { tag: q.tags[0].name }, extensions });
    expect(cacheOf(registered)).toBe('MISS');
    const byHash = await guestGet(t, { extensions, variables: { tag: q.tags[0].name } });
    expect(byHash.status).toBe(200);
    expect(cacheOf(byHash)).toBe('HIT');
    expect(JSON.parse(byHash.text).data.questions.edges[0].node.id).toBe(q.id);
  });

  it('never caches a full-text search, so its per-address limit still counts every one', async () => {
    const SEARCH = `query Search($q: String) { questions(first: 5, search: $q) { edges { node { id } } } }`;
    for (let i = 0; i < 2; i++) {
      const r = await guest(t, SEARCH, { q: 'project manager' });
      expect(r.errors).toBeUndefined();
      expect(cacheOf(r)).toBeNull();
      expect(r.headers.get('cache-control')).toBe('private, no-store');
    }
  });

  it('never caches a mutation', async () => {
    const q = await ask(t, member);
    const input = {
      targetType: 'QUESTION',
      targetId: q.id,
      body: 'Same words twice, two comments.',
      guestName: 'Gus',
      guestEmail: `twice-${Date.now()}@example.test`,
    };
    const one = await guest(t, COMMENT, { input });
    const two = await guest(t, COMMENT, { input });
    expect(one.errors).toBeUndefined();
    expect(two.errors).toBeUndefined();
    expect(two.data!.addComment.id).not.toBe(one.data!.addComment.id);
    for (const r of [one, two]) {
      expect(cacheOf(r)).toBeNull();
      expect(r.headers.get('cache-control')).toBe('private, no-store');
    }
    const overGet = await guestGet(t, { query: COMMENT, variables: { input } });
    expect(overGet.status).toBe(405);
  });
});

describe('two instances sharing Redis', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    a = await TestApp.start({ anonCacheSeconds: 30, redisUrl: REDIS_URL }, db.url);
    b = await TestApp.start({ anonCacheSeconds: 30, redisUrl: REDIS_URL }, db.url);
  });

  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  it("share entries and their invalidation: a read stored through A is served by B, and B's write drops it for A", async () => {
    const [member, mentor] = await Promise.all([a.createUser('MEMBER'), a.createUser('MENTOR')]);
    const q = await ask(a, member);
    expect(cacheOf(await guest(a, PAGE, { id: q.id }))).toBe('MISS');
    const fromB = await guest(b, PAGE, { id: q.id });
    expect(cacheOf(fromB)).toBe('HIT');
    expect(fromB.data!.question.answers.edges).toEqual([]);

    const posted = await answer(b, mentor, q.id);
    const fromA = await guest(a, PAGE, { id: q.id });
    expect(cacheOf(fromA)).toBe('MISS');
    expect(fromA.data!.question.answers.edges.map((e: any) => e.node.id)).toEqual([posted.id]);
    const againB = await guest(b, PAGE, { id: q.id });
    expect(cacheOf(againB)).toBe('HIT');
    expect(againB.text).toBe(fromA.text);

    // And the other way round: a write through A drops what B stored.
    const SCORES = `query Scores($id: ID!) { question(id: $id) { id answers(first: 5) { edges { node { id score } } } } }`;
    expect((await guest(b, SCORES, { id: q.id })).data!.question.answers.edges[0].node.score).toBe(0);
    expect(cacheOf(await guest(b, SCORES, { id: q.id }))).toBe('HIT');
    expect((await vote(a, member, posted.id, 'ANSWER', 1)).errors).toBeUndefined();
    const scored = await guest(b, SCORES, { id: q.id });
    expect(cacheOf(scored)).toBe('MISS');
    expect(scored.data!.question.answers.edges[0].node.score).toBe(1);
  });
});

describe('Redis unreachable', () => {
  let down: TestApp;

  beforeAll(async () => {
    // A port nothing listens on: bound, then released.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    down = await TestApp.start({ anonCacheSeconds: 30, redisUrl: `redis://127.0.0.1:${port}` }, db.url);
  });

  afterAll(async () => {
    await down?.close();
  });

  it('serves guests uncached, and writes still succeed', async () => {
    const [member, mentor] = await Promise.all([down.createUser('MEMBER'), down.createUser('MENTOR')]);
    const q = await ask(down, member);
    for (let i = 0; i < 2; i++) {
      const r = await guest(down, PAGE, { id: q.id });
      expect(r.data!.question.id).toBe(q.id);
      expect(cacheOf(r)).toBe('MISS');
    }
    const posted = await answer(down, mentor, q.id);
    expect((await guest(down, PAGE, { id: q.id })).data!.question.answers.edges.map((e: any) => e.node.id)).toEqual([
      posted.id,
    ]);
  });
});
