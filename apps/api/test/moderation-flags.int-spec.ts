import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TestApp, codeOf, type TestUser } from './support/test-app.js';
import { createIsolatedDatabase } from './support/isolated-database.js';
import { COMMENT, answer, ask } from './support/qa.js';
import { LIMITS } from '@crossroads/shared-domain';

let t: TestApp;
let mod: TestUser;
let author: TestUser;
let database: Awaited<ReturnType<typeof createIsolatedDatabase>>;

const FLAG = `mutation($input: FlagInput!) { flag(input: $input) }`;
const RESOLVE = `mutation($input: ResolveFlagsInput!) { resolveFlags(input: $input) { postId postType openFlagCount hidden } }`;
const QUEUE = `query($first: Int, $after: String) { flagQueue(first: $first, after: $after) { pageInfo { hasNextPage endCursor }
  edges { node { postId postType openFlagCount firstFlaggedAt hidden flags { reason text flagger { handle } } } } } }`;
const QUESTION = `query($id: ID!) { question(id: $id) { id } }`;
const LOG = `query($targetId: ID) { moderationLog(targetId: $targetId) { edges { node { action targetType reason } } } }`;

beforeAll(async () => {
  database = await createIsolatedDatabase('flags');
  t = await TestApp.start({}, database.url);
  [mod, author] = await Promise.all([t.createUser('MODERATOR'), t.createUser()]);
});
afterAll(async () => {
  await t.close();
  await database.drop();
});

const flag = (user: TestUser | null, targetId: string, targetType = 'QUESTION', reason = 'SPAM', text?: string) =>
  t.gql(
    FLAG,
    { input: { targetId, targetType, reason, ...(text ? { text } : {}) } },
    user ? { token: user.token } : {},
  );

describe('flags', () => {
  it('one flag per member and post; validates reason, target and own posts', async () => {
    const q = await ask(t, author);
    const [a, b] = await Promise.all([t.createUser(), t.createUser()]);
    expect((await flag(a, q.id)).data?.flag).toBe(true);
    expect(codeOf(await flag(a, q.id, 'QUESTION', 'RUDE'))).toBe('CONFLICT');
    expect(codeOf(await flag(b, q.id, 'QUESTION', 'OTHER'))).toBe('BAD_USER_INPUT');
    expect((await flag(b, q.id, 'QUESTION', 'OTHER', 'Looks like a homework dump')).data?.flag).toBe(true);
    expect(codeOf(await flag(author, q.id))).toBe('BAD_USER_INPUT');
    expect(codeOf(await flag(a, '00000000-0000-4000-8000-000000000000'))).toBe('NOT_FOUND');
    expect(codeOf(await flag(a, q.id, 'ANSWER'))).toBe('NOT_FOUND');
    expect(codeOf(await flag(a, q.id, 'QUESTION', 'WHATEVER'))).toBe('BAD_USER_INPUT');
    expect(codeOf(await flag(null, q.id))).toBe('UNAUTHENTICATED');

    const queue = await t.gql(QUEUE, { first: 50 }, { token: mod.token });
    const item = queue.data!.flagQueue.edges.map((e: any) => e.node).find((n: any) => n.postId === q.id);
    expect(item).toMatchObject({ postType: 'QUESTION', openFlagCount: 2, hidden: false });
    expect(item.flags).toEqual([
      { reason: 'SPAM', text: null, flagger: { handle: a.user.handle } },
      { reason: 'OTHER', text: 'Looks like a homework dump', flagger: { handle: b.user.handle } },
    ]);
    expect(codeOf(await t.gql(QUEUE, {}, { token: a.token }))).toBe('FORBIDDEN');
  });

  it('three distinct established flaggers hide a post until a moderator decides; DISMISS restores it, logged', async () => {
    const q = await ask(t, author);
    const flaggers = await Promise.all([
      t.createEstablishedUser(),
      t.createEstablishedUser(),
      t.createEstablishedUser(),
    ]);
    await Promise.all(flaggers.map((f) => flag(f, q.id, 'QUESTION', 'RUDE')));
    expect(codeOf(await t.gql(QUESTION, { id: q.id }))).toBe('NOT_FOUND');
    const queue = await t.gql(QUEUE, { first: 50 }, { token: mod.token });
    expect(queue.data!.flagQueue.edges.map((e: any) => e.node).find((n: any) => n.postId === q.id)).toMatchObject({
      openFlagCount: 3,
      hidden: true,
    });

    const member = flaggers[0];
    expect(
      codeOf(await t.gql(RESOLVE, { input: { postId: q.id, decision: 'DISMISS' } }, { token: member.token })),
    ).toBe('FORBIDDEN');
    // Every moderation reason takes LIMITS.moderation.reason (3–500), decisions included; nothing is decided.
    const short = await t.gql(
      RESOLVE,
      { input: { postId: q.id, decision: 'DISMISS', reason: 'ok' } },
      { token: mod.token },
    );
    expect([codeOf(short), short.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'reason']);
    const tooLong = 'x'.repeat(LIMITS.moderation.reason.max + 1);
    const long = await t.gql(
      RESOLVE,
      { input: { postId: q.id, decision: 'DISMISS', reason: tooLong } },
      { token: mod.token },
    );
    expect([codeOf(long), long.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'reason']);
    const dismissed = await t.gql(
      RESOLVE,
      { input: { postId: q.id, decision: 'DISMISS', reason: 'Not rude' } },
      { token: mod.token },
    );
    expect(dismissed.data!.resolveFlags).toMatchObject({ openFlagCount: 0, hidden: false });
    expect((await t.gql(QUESTION, { id: q.id })).data!.question.id).toBe(q.id);
    expect(codeOf(await t.gql(RESOLVE, { input: { postId: q.id, decision: 'HIDE' } }, { token: mod.token }))).toBe(
      'CONFLICT',
    );
    const after = await t.gql(QUEUE, { first: 50 }, { token: mod.token });
    expect(after.data!.flagQueue.edges.some((e: any) => e.node.postId === q.id)).toBe(false);
    const log = await t.gql(LOG, { targetId: q.id }, { token: mod.token });
    expect(log.data!.moderationLog.edges.map((e: any) => e.node)).toEqual([
      { action: 'DISMISS_FLAGS', targetType: 'QUESTION', reason: 'Not rude' },
    ]);
  });

  it('HIDE hides a flagged answer or comment; the queue pages oldest first', async () => {
    const q = await ask(t, author);
    const a = await answer(t, author, q.id);
    // the author needs an approved comment history for a published comment: approve the first one
    const first = await t.gql(
      COMMENT,
      { input: { targetId: q.id, targetType: 'QUESTION', body: 'A first comment to be approved.' } },
      { token: author.token },
    );
    await t.gql(
      `mutation($input: ModerateCommentInput!) { moderateComment(input: $input) { id } }`,
      { input: { commentId: first.data!.addComment.id, decision: 'APPROVE' } },
      { token: mod.token },
    );
    const flagger = await t.createUser();
    expect((await flag(flagger, a.id, 'ANSWER', 'NEEDS_IMPROVEMENT')).data?.flag).toBe(true);
    expect((await flag(flagger, first.data!.addComment.id, 'COMMENT', 'OFF_TOPIC')).data?.flag).toBe(true);

    const p1 = await t.gql(QUEUE, { first: 1 }, { token: mod.token });
    const seen: any[] = [...p1.data!.flagQueue.edges.map((e: any) => e.node)];
    let page = p1.data!.flagQueue;
    while (page.pageInfo.hasNextPage) {
      page = (await t.gql(QUEUE, { first: 1, after: page.pageInfo.endCursor }, { token: mod.token })).data!.flagQueue;
      seen.push(...page.edges.map((e: any) => e.node));
    }
    const times = seen.map((n) => new Date(n.firstFlaggedAt).getTime());
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect(seen.map((n) => n.postId).slice(-2)).toEqual([a.id, first.data!.addComment.id]);

    const hidden = await t.gql(
      RESOLVE,
      { input: { postId: a.id, decision: 'HIDE', reason: 'Low quality' } },
      { token: mod.token },
    );
    expect(hidden.data!.resolveFlags).toMatchObject({ postType: 'ANSWER', hidden: true });
    const answers = await t.gql(`query($id: ID!) { question(id: $id) { answerCount } }`, { id: q.id });
    expect(answers.data!.question.answerCount).toBe(0);
    await t.gql(RESOLVE, { input: { postId: first.data!.addComment.id, decision: 'HIDE' } }, { token: mod.token });
    const comments = await t.gql(`query($id: ID!) { question(id: $id) { comments { totalCount } } }`, { id: q.id });
    expect(comments.errors ?? comments.data!.question.comments.totalCount).toBe(0);
  });
});

describe('weighted flags (product.md, Moderation)', () => {
  const openItem = async (postId: string) =>
    (await t.gql(QUEUE, { first: 50 }, { token: mod.token }))
      .data!.flagQueue.edges.map((e: any) => e.node)
      .find((n: any) => n.postId === postId);
  const visible = async (id: string) => (await t.gql(QUESTION, { id })).data?.question?.id === id;

  it('three fresh accounts cannot hide a post: their flags are recorded and queued', async () => {
    const q = await ask(t, author);
    const fresh = await Promise.all([
      t.createUser('MEMBER', { newAccount: true }),
      t.createUser('MEMBER', { newAccount: true }),
      t.createUser('MEMBER', { newAccount: true }),
    ]);
    for (const f of fresh) expect((await flag(f, q.id)).data?.flag).toBe(true);
    expect(await visible(q.id)).toBe(true);
    expect(await openItem(q.id)).toMatchObject({ openFlagCount: 3, hidden: false });
  });

  it('old accounts under 15 reputation, and 15-reputation accounts under 3 days old, do not hide either', async () => {
    const q = await ask(t, author);
    const flaggers = await Promise.all([
      t.createEstablishedUser('MEMBER', { reputation: 14, daysOld: 400 }),
      t.createEstablishedUser('MEMBER', { reputation: 900, daysOld: 2.9 }),
      t.createEstablishedUser('MEMBER', { reputation: 14, daysOld: 30 }),
    ]);
    for (const f of flaggers) await flag(f, q.id);
    expect(await visible(q.id)).toBe(true);
    expect(await openItem(q.id)).toMatchObject({ openFlagCount: 3, hidden: false });
  });

  it('three aged 15-reputation accounts hide a post', async () => {
    const q = await ask(t, author);
    const [a, b, c] = await Promise.all([
      t.createEstablishedUser(),
      t.createEstablishedUser(),
      t.createEstablishedUser(),
    ]);
    await flag(a, q.id);
    await flag(b, q.id);
    expect(await visible(q.id)).toBe(true);
    await flag(c, q.id);
    expect(await visible(q.id)).toBe(false);
    expect(await openItem(q.id)).toMatchObject({ openFlagCount: 3, hidden: true });
  });

  it('a trusted flagger (≥ 1,000 reputation) weighs 2', async () => {
    const q = await ask(t, author);
    const trusted = await t.createEstablishedUser('MEMBER', { reputation: 1_000 });
    await flag(trusted, q.id);
    expect(await visible(q.id)).toBe(true);
    await flag(await t.createEstablishedUser(), q.id);
    expect(await visible(q.id)).toBe(false);
  });

  it('a moderator’s flag hides at once, until a moderator decides', async () => {
    const q = await ask(t, author);
    const other = await t.createUser('MODERATOR');
    await flag(other, q.id, 'QUESTION', 'SPAM');
    expect(await visible(q.id)).toBe(false);
    expect(await openItem(q.id)).toMatchObject({ openFlagCount: 1, hidden: true });
  });

  it("a trusted author's post stays visible whatever members flag it; it is only queued", async () => {
    const trustedAuthor = await t.createEstablishedUser('MEMBER', { reputation: 1_500 });
    const q = await ask(t, trustedAuthor);
    const flaggers = await Promise.all([
      t.createEstablishedUser('MEMBER', { reputation: 2_000 }),
      t.createEstablishedUser('MEMBER', { reputation: 2_000 }),
      t.createEstablishedUser(),
      t.createEstablishedUser(),
    ]);
    for (const f of flaggers) await flag(f, q.id);
    expect(await visible(q.id)).toBe(true);
    expect(await openItem(q.id)).toMatchObject({ openFlagCount: 4, hidden: false });
  });
});
