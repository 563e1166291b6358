import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TestApp, codeOf, type GqlResult, type TestUser } from './support/test-app.js';
import { createIsolatedDatabase } from './support/isolated-database.js';
import { ANSWER, ASK, COMMENT, VOTE, answer, ask, questionInput } from './support/qa.js';

let t: TestApp;
let mod: TestUser;
let mod2: TestUser;
let admin: TestUser;
let asker: TestUser;
let database: Awaited<ReturnType<typeof createIsolatedDatabase>>;

const SUSPEND = `mutation($input: SuspendUserInput!) { suspendUser(input: $input) { id reason endsAt liftedAt user { handle } } }`;
const LIFT = `mutation($input: LiftSuspensionInput!) { liftSuspension(input: $input) { id liftedAt user { handle } } }`;
const LOG = `query($first: Int, $after: String, $actorHandle: String, $targetId: ID, $action: ModerationAction) {
  moderationLog(first: $first, after: $after, actorHandle: $actorHandle, targetId: $targetId, action: $action) {
    edges { cursor node { id action targetType targetId reason details createdAt actor { handle } } } pageInfo { hasNextPage endCursor } } }`;
const QUEUE = `query($first: Int, $after: String) { moderationQueue(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor }
  edges { cursor node { id body status createdAt guestName guestEmail holdReason author { handle }
    authorHistory { approvedCount rejectedCount spamCount accountAgeDays memberSince spamMarked } question { id title } } } } }`;
const MODERATE = `mutation($input: ModerateCommentInput!) { moderateComment(input: $input) { id status } }`;
const CLOSE = `mutation($input: CloseQuestionInput!) { closeQuestion(input: $input) { id status closedAt closeReason } }`;
const REOPEN = `mutation($id: ID!) { reopenQuestion(id: $id) { id status closedAt closeReason } }`;

beforeAll(async () => {
  database = await createIsolatedDatabase('moderation');
  t = await TestApp.start({}, database.url);
  [mod, mod2, admin, asker] = await Promise.all([
    t.createUser('MODERATOR'),
    t.createUser('MODERATOR'),
    t.createUser('ADMIN'),
    t.createUser(),
  ]);
});
afterAll(async () => {
  await t.close();
  await database.drop();
});

let guestComments = 0;
async function comment(
  user: TestUser | null,
  targetId: string,
  body = 'Have you looked at the PMI talent triangle? It helped me a lot.',
) {
  const input: Record<string, unknown> = { targetId, targetType: 'QUESTION', body };
  // A new guest email each time: guests may leave only 3 comments an hour per email.
  if (!user) Object.assign(input, { guestName: 'Gus', guestEmail: `gus+${(guestComments += 1)}@example.test` });
  const res = await t.gql(COMMENT, { input }, user ? { token: user.token } : {});
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.addComment as { id: string; status: string };
}

/** Every queue item, through all pages (the queue is shared with other suites). */
async function wholeQueue(token: string): Promise<any[]> {
  const nodes: any[] = [];
  let after: string | null = null;
  for (;;) {
    const res: GqlResult = await t.gql(QUEUE, { first: 5, after }, { token });
    expect(res.errors).toBeUndefined();
    const conn: { edges: { node: unknown }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } =
      res.data!.moderationQueue;
    nodes.push(...conn.edges.map((e: any) => e.node));
    if (!conn.pageInfo.hasNextPage) return nodes;
    after = conn.pageInfo.endCursor;
  }
}

async function logFor(targetId: string, token = mod.token) {
  const res = await t.gql(LOG, { targetId }, { token });
  expect(res.errors).toBeUndefined();
  return res.data!.moderationLog.edges.map((e: any) => e.node);
}

describe('suspensions', () => {
  it('blocks every write of a suspended member (FORBIDDEN with the end date) but not reads; lifting restores writes', async () => {
    const member = await t.createUser();
    const q = await ask(t, asker);
    const res = await t.gql(
      SUSPEND,
      { input: { handle: member.user.handle, reason: 'Repeated rudeness', days: 7 } },
      { token: mod.token },
    );
    expect(res.errors).toBeUndefined();
    const endsAt = new Date(res.data!.suspendUser.endsAt).getTime();
    expect(Math.abs(endsAt - (Date.now() + 7 * 86_400_000))).toBeLessThan(60_000);

    const writes = [
      await t.gql(ASK, { input: questionInput() }, { token: member.token }),
      await t.gql(
        ANSWER,
        { input: { questionId: q.id, body: 'Try shadowing a project manager for a few weeks first.' } },
        { token: member.token },
      ),
      await t.gql(
        COMMENT,
        { input: { targetId: q.id, targetType: 'QUESTION', body: 'Good question, following this one.' } },
        { token: member.token },
      ),
      await t.gql(VOTE, { input: { targetId: q.id, targetType: 'QUESTION', value: 1 } }, { token: member.token }),
    ];
    for (const w of writes) {
      expect(codeOf(w)).toBe('FORBIDDEN');
      expect(w.errors![0].extensions!.suspendedUntil).toBe(res.data!.suspendUser.endsAt);
      expect(w.errors![0].message).toContain('suspended');
    }
    const read = await t.gql(
      `query($id: ID!) { question(id: $id) { id title } }`,
      { id: q.id },
      { token: member.token },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data!.question.id).toBe(q.id);

    const lifted = await t.gql(
      LIFT,
      { input: { handle: member.user.handle, reason: 'Apologised' } },
      { token: mod.token },
    );
    expect(lifted.errors).toBeUndefined();
    expect(lifted.data!.liftSuspension.liftedAt).not.toBeNull();
    expect(
      (await t.gql(VOTE, { input: { targetId: q.id, targetType: 'QUESTION', value: 1 } }, { token: member.token }))
        .errors,
    ).toBeUndefined();

    const again = await t.gql(LIFT, { input: { handle: member.user.handle } }, { token: mod.token });
    expect(codeOf(again)).toBe('CONFLICT');

    const log = await logFor(member.user.id);
    expect(log.map((e: any) => e.action)).toEqual(['LIFT_SUSPENSION', 'SUSPEND']);
    expect(log[1]).toMatchObject({
      targetType: 'USER',
      reason: 'Repeated rudeness',
      actor: { handle: mod.user.handle },
    });
    expect(JSON.parse(log[1].details).days).toBe(7);
    expect(log[0].reason).toBe('Apologised');
  });

  it('suspends forever when days is omitted (suspendedUntil null) and the hold policy refuses comments', async () => {
    const member = await t.createUser();
    const res = await t.gql(
      SUSPEND,
      { input: { handle: member.user.handle, reason: 'Spam account' } },
      { token: mod.token },
    );
    expect(res.data!.suspendUser.endsAt).toBeNull();
    const q = await ask(t, asker);
    const w = await t.gql(
      COMMENT,
      { input: { targetId: q.id, targetType: 'QUESTION', body: 'Buy cheap stuff here now.' } },
      { token: member.token },
    );
    expect(codeOf(w)).toBe('FORBIDDEN');
    expect(w.errors![0].extensions!.suspendedUntil).toBeNull();
    expect(w.errors![0].message).toContain('permanently');
    // session mutations stay open
    const logout = await t.gql(`mutation { logout }`, {}, { token: member.token });
    expect(codeOf(logout)).not.toBe('FORBIDDEN');
  });

  it('validates input and enforces the role rules', async () => {
    const member = await t.createUser();
    const other = await t.createUser();
    const cases: Array<[TestUser, Record<string, unknown>, string]> = [
      [member, { handle: other.user.handle, reason: 'nope' }, 'FORBIDDEN'],
      [mod, { handle: mod2.user.handle, reason: 'moderators cannot' }, 'FORBIDDEN'],
      [mod, { handle: admin.user.handle, reason: 'nor admins' }, 'FORBIDDEN'],
      [mod, { handle: mod.user.handle, reason: 'not themselves' }, 'FORBIDDEN'],
      [mod, { handle: 'no-such-user-xyz', reason: 'who?' }, 'NOT_FOUND'],
      [mod, { handle: other.user.handle, reason: 'x', days: 1 }, 'BAD_USER_INPUT'],
      [mod, { handle: other.user.handle, reason: 'too long', days: 3651 }, 'BAD_USER_INPUT'],
      [mod, { handle: other.user.handle, reason: 'too short', days: 0 }, 'BAD_USER_INPUT'],
    ];
    for (const [actor, input, code] of cases) {
      const res = await t.gql(SUSPEND, { input }, { token: actor.token });
      expect([input, codeOf(res)]).toEqual([input, code]);
    }
    expect(codeOf(await t.gql(SUSPEND, { input: { handle: other.user.handle, reason: 'x' } }))).toBe('UNAUTHENTICATED');
    const byAdmin = await t.gql(
      SUSPEND,
      { input: { handle: mod2.user.handle, reason: 'admins may', days: 1 } },
      { token: admin.token },
    );
    expect(byAdmin.errors).toBeUndefined();
    expect((await t.gql(LIFT, { input: { handle: mod2.user.handle } }, { token: admin.token })).errors).toBeUndefined();
  });
});

describe('moderation log', () => {
  it('is for moderators only, filters by actor, target and action, and pages newest first', async () => {
    const member = await t.createUser();
    expect(codeOf(await t.gql(LOG, {}, { token: member.token }))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(LOG, {}))).toBe('UNAUTHENTICATED');
    const actor = await t.createUser('MODERATOR');
    const targets = await Promise.all([t.createUser(), t.createUser(), t.createUser()]);
    for (const target of targets) {
      expect(
        (
          await t.gql(
            SUSPEND,
            { input: { handle: target.user.handle, reason: 'log paging', days: 2 } },
            { token: actor.token },
          )
        ).errors,
      ).toBeUndefined();
    }
    const first = await t.gql(LOG, { actorHandle: actor.user.handle, first: 2 }, { token: mod.token });
    const page1 = first.data!.moderationLog;
    expect(page1.edges.map((e: any) => e.node.targetId)).toEqual([targets[2].user.id, targets[1].user.id]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await t.gql(
      LOG,
      { actorHandle: actor.user.handle, first: 2, after: page1.pageInfo.endCursor },
      { token: mod.token },
    );
    expect(second.data!.moderationLog.edges.map((e: any) => e.node.targetId)).toEqual([targets[0].user.id]);
    expect(second.data!.moderationLog.pageInfo.hasNextPage).toBe(false);
    const byAction = await t.gql(
      LOG,
      { actorHandle: actor.user.handle, action: 'LIFT_SUSPENSION' },
      { token: mod.token },
    );
    expect(byAction.data!.moderationLog.edges).toEqual([]);
    expect(codeOf(await t.gql(LOG, { after: 'garbage' }, { token: mod.token }))).toBe('BAD_USER_INPUT');
  });
});

describe('moderation queue and decisions', () => {
  it('lists held comments oldest first with context, hold reason and author history; guest email for moderators only', async () => {
    const q = await ask(t, asker);
    const newbie = await t.createUser('MEMBER', { newAccount: true });
    const guest = await comment(null, q.id);
    const first = await comment(newbie, q.id);
    expect([guest.status, first.status]).toEqual(['PENDING', 'PENDING']);

    const queue = await wholeQueue(mod.token);
    const times = queue.map((c) => new Date(c.createdAt).getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const mine = queue.filter((c) => c.question?.id === q.id);
    expect(mine.map((c) => c.id)).toEqual([guest.id, first.id]);
    expect(mine[0]).toMatchObject({
      holdReason: 'GUEST',
      guestName: 'Gus',
      guestEmail: expect.stringMatching(/^gus\+\d+@example\.test$/),
      author: null,
      authorHistory: null,
      question: { title: q.title },
    });
    expect(mine[1]).toMatchObject({ holdReason: 'FIRST_COMMENT', author: { handle: newbie.user.handle } });
    expect(mine[1].authorHistory).toMatchObject({
      approvedCount: 0,
      rejectedCount: 0,
      spamCount: 0,
      accountAgeDays: 0,
      spamMarked: false,
    });

    const member = await t.createUser();
    expect(codeOf(await t.gql(QUEUE, {}, { token: member.token }))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(QUEUE, {}))).toBe('UNAUTHENTICATED');
  });

  it('APPROVE publishes, REJECT rejects, each logged with the reason and counted in the author history', async () => {
    const q = await ask(t, asker);
    const author = await t.createUser();
    const c1 = await comment(author, q.id);
    const approve = await t.gql(
      MODERATE,
      { input: { commentId: c1.id, decision: 'APPROVE', reason: 'Helpful' } },
      { token: mod.token },
    );
    expect(approve.data!.moderateComment.status).toBe('PUBLISHED');
    // now an approved commenter: the next one is published at once; a linky one is held and rejected
    expect((await comment(author, q.id)).status).toBe('PUBLISHED');
    const c3 = await comment(author, q.id, 'see https://a.example and https://b.example');
    expect(c3.status).toBe('PENDING');
    const vague = await t.gql(
      MODERATE,
      { input: { commentId: c3.id, decision: 'REJECT', reason: 'no' } },
      { token: mod.token },
    );
    expect([codeOf(vague), vague.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'reason']);
    const reject = await t.gql(MODERATE, { input: { commentId: c3.id, decision: 'REJECT' } }, { token: mod.token });
    expect(reject.data!.moderateComment.status).toBe('REJECTED');

    const log1 = await logFor(c1.id);
    expect(log1).toHaveLength(1);
    expect(log1[0]).toMatchObject({
      action: 'APPROVE_COMMENT',
      targetType: 'COMMENT',
      reason: 'Helpful',
      actor: { handle: mod.user.handle },
    });
    expect((await logFor(c3.id))[0].action).toBe('REJECT_COMMENT');

    const c4 = await comment(author, q.id, 'casino night anyone?');
    const item = (await wholeQueue(mod.token)).find((c) => c.id === c4.id);
    expect(item).toMatchObject({
      holdReason: 'WORD_LIST',
      authorHistory: { approvedCount: 2, rejectedCount: 1, spamCount: 0 },
    });

    const again = await t.gql(MODERATE, { input: { commentId: c1.id, decision: 'REJECT' } }, { token: mod.token });
    expect(codeOf(again)).toBe('CONFLICT');
    const missing = await t.gql(
      MODERATE,
      { input: { commentId: '00000000-0000-4000-8000-000000000000', decision: 'REJECT' } },
      { token: mod.token },
    );
    expect(codeOf(missing)).toBe('NOT_FOUND');
    const member = await t.createUser();
    expect(
      codeOf(await t.gql(MODERATE, { input: { commentId: c4.id, decision: 'APPROVE' } }, { token: member.token })),
    ).toBe('FORBIDDEN');
    expect(
      codeOf(await t.gql(MODERATE, { input: { commentId: 'nope', decision: 'APPROVE' } }, { token: mod.token })),
    ).toBe('BAD_USER_INPUT');
  });

  it('two moderators deciding the same comment at once: exactly one wins, the other gets CONFLICT', async () => {
    const q = await ask(t, asker);
    for (let i = 0; i < 5; i++) {
      const c = await comment(null, q.id);
      const results = await Promise.all([
        t.gql(MODERATE, { input: { commentId: c.id, decision: 'APPROVE' } }, { token: mod.token }),
        t.gql(MODERATE, { input: { commentId: c.id, decision: 'SPAM' } }, { token: mod2.token }),
      ]);
      const codes = results.map((r) => (r.errors ? codeOf(r) : 'OK')).sort();
      expect(codes).toEqual(['CONFLICT', 'OK']);
      expect(await logFor(c.id)).toHaveLength(1);
    }
  });

  it('SPAM marks the author: their later comments are held until a moderator approves one', async () => {
    const q = await ask(t, asker);
    const author = await t.createUser();
    const c1 = await comment(author, q.id);
    await t.gql(MODERATE, { input: { commentId: c1.id, decision: 'APPROVE' } }, { token: mod.token });
    expect((await comment(author, q.id)).status).toBe('PUBLISHED');
    const c3 = await comment(author, q.id, 'casino bonus for everyone today');
    const spam = await t.gql(
      MODERATE,
      { input: { commentId: c3.id, decision: 'SPAM', reason: 'Casino spam' } },
      { token: mod.token },
    );
    expect(spam.data!.moderateComment.status).toBe('SPAM');
    const c4 = await comment(author, q.id);
    expect(c4.status).toBe('PENDING');
    const item = (await wholeQueue(mod.token)).find((c) => c.id === c4.id);
    expect(item).toMatchObject({
      holdReason: 'SPAM_MARKED',
      authorHistory: { spamMarked: true, spamCount: 1, approvedCount: 2 },
    });
    await t.gql(MODERATE, { input: { commentId: c4.id, decision: 'APPROVE' } }, { token: mod.token });
    expect((await comment(author, q.id)).status).toBe('PUBLISHED');
  });
});

describe('closing and reopening questions', () => {
  it('closes (refusing new answers), reopens, validates the reason, logs both', async () => {
    const q = await ask(t, asker);
    const original = await ask(t, asker);
    const member = await t.createUser();
    expect(codeOf(await t.gql(CLOSE, { input: { id: q.id, reason: 'OFF_TOPIC' } }, { token: member.token }))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await t.gql(CLOSE, { input: { id: q.id, reason: 'DUPLICATE' } }, { token: mod.token }))).toBe(
      'BAD_USER_INPUT',
    );
    const self = await t.gql(
      CLOSE,
      { input: { id: q.id, reason: 'DUPLICATE', duplicateOfId: q.id } },
      { token: mod.token },
    );
    expect([codeOf(self), self.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'duplicateOfId']);
    const ghost = await t.gql(
      CLOSE,
      { input: { id: q.id, reason: 'DUPLICATE', duplicateOfId: '00000000-0000-4000-8000-000000000000' } },
      { token: mod.token },
    );
    expect([codeOf(ghost), ghost.errors![0].extensions!.field]).toEqual(['NOT_FOUND', 'duplicateOfId']);
    expect(
      codeOf(
        await t.gql(
          CLOSE,
          { input: { id: q.id, reason: 'UNCLEAR', duplicateOfId: original.id } },
          { token: mod.token },
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      codeOf(
        await t.gql(
          CLOSE,
          { input: { id: '00000000-0000-4000-8000-000000000000', reason: 'UNCLEAR' } },
          { token: mod.token },
        ),
      ),
    ).toBe('NOT_FOUND');

    const closed = await t.gql(
      CLOSE,
      { input: { id: q.id, reason: 'DUPLICATE', duplicateOfId: original.id } },
      { token: mod.token },
    );
    expect(closed.data!.closeQuestion).toMatchObject({ status: 'CLOSED', closeReason: 'DUPLICATE' });
    expect(codeOf(await t.gql(CLOSE, { input: { id: q.id, reason: 'UNCLEAR' } }, { token: mod.token }))).toBe(
      'CONFLICT',
    );
    const refused = await t.gql(
      ANSWER,
      { input: { questionId: q.id, body: 'An answer that comes too late for this closed question.' } },
      { token: member.token },
    );
    expect(codeOf(refused)).toBe('CONFLICT');

    expect(codeOf(await t.gql(REOPEN, { id: q.id }, { token: member.token }))).toBe('FORBIDDEN');
    const reopened = await t.gql(REOPEN, { id: q.id }, { token: mod.token });
    expect(reopened.data!.reopenQuestion).toMatchObject({ status: 'OPEN', closedAt: null, closeReason: null });
    expect(codeOf(await t.gql(REOPEN, { id: q.id }, { token: mod.token }))).toBe('CONFLICT');
    await answer(t, member, q.id);

    const log = await logFor(q.id);
    expect(log.map((e: any) => e.action)).toEqual(['REOPEN_QUESTION', 'CLOSE_QUESTION']);
    expect(JSON.parse(log[1].details).duplicateOfId).toBe(original.id);
  });
});
