import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TestApp, codeOf, type TestUser } from './support/test-app.js';
import { createIsolatedDatabase } from './support/isolated-database.js';
import { ACCEPT, ANSWER, ASK, COMMENT, answer, ask, questionInput } from './support/qa.js';

let t: TestApp;
let mod: TestUser;
let admin: TestUser;
let author: TestUser;
let other: TestUser;
let database: Awaited<ReturnType<typeof createIsolatedDatabase>>;

const DELETE = `mutation($input: DeletePostInput!) { deletePost(input: $input) { postId postType hidden hiddenAt reason } }`;
const HIDE = `mutation($input: HidePostInput!) { hidePost(input: $input) { postId postType hidden hiddenAt reason } }`;
const RESTORE = `mutation($input: RestorePostInput!) { restorePost(input: $input) { postId postType hidden reason } }`;
const QUESTION = `query($id: ID!) { question(id: $id) { id answerCount answers(first: 10) { edges { node { id } } } comments(first: 10) { edges { node { id } } } } }`;
const LOG = `query($targetId: ID, $action: ModerationAction) { moderationLog(targetId: $targetId, action: $action) {
  edges { node { action targetType targetId reason details actor { handle } } } } }`;
const WORDS = `query { moderationWords }`;
const SET_WORDS = `mutation($input: SetModerationWordsInput!) { setModerationWords(input: $input) }`;
const SET_ROLE = `mutation($input: SetRoleInput!) { setRole(input: $input) { handle role } }`;
const FLAG = `mutation($input: FlagInput!) { flag(input: $input) }`;

const row = async (table: string, id: string) =>
  (
    (await t.dataSource.query(
      `SELECT deleted_at AS "deletedAt", deleted_by AS "deletedBy", delete_reason AS "deleteReason" FROM ${table} WHERE id = $1`,
      [id],
    )) as any[]
  )[0];

beforeAll(async () => {
  database = await createIsolatedDatabase('posts');
  t = await TestApp.start({}, database.url);
  [mod, admin, author, other] = await Promise.all([
    t.createUser('MODERATOR'),
    t.createUser('ADMIN'),
    t.createUser(),
    t.createUser(),
  ]);
  // The author has an approved comment, so their comments publish at once.
  const q = await ask(t, other);
  await t.dataSource.query(
    `INSERT INTO comments (post_type, post_id, question_id, author_id, body, status) VALUES ('QUESTION', $1, $1, $2, 'An earlier approved comment.', 'PUBLISHED')`,
    [q.id, author.user.id],
  );
});
afterAll(async () => {
  await t.close();
  await database.drop();
});

describe('soft delete and restore', () => {
  it('authors delete their own question, answer and comment: hidden from reads, kept with who and why; others cannot', async () => {
    const q = await ask(t, author);
    const a = await answer(t, other, q.id);
    const mine = await answer(t, author, q.id);
    const c = (
      await t.gql(
        COMMENT,
        { input: { targetId: q.id, targetType: 'QUESTION', body: 'A comment from the author themselves.' } },
        { token: author.token },
      )
    ).data!.addComment;
    expect(c.status).toBe('PUBLISHED');

    expect(
      codeOf(await t.gql(DELETE, { input: { targetId: a.id, targetType: 'ANSWER' } }, { token: author.token })),
    ).toBe('FORBIDDEN');
    expect(
      codeOf(await t.gql(DELETE, { input: { targetId: q.id, targetType: 'QUESTION' } }, { token: mod.token })),
    ).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(DELETE, { input: { targetId: q.id, targetType: 'QUESTION' } }))).toBe('UNAUTHENTICATED');
    expect(
      codeOf(await t.gql(DELETE, { input: { targetId: q.id, targetType: 'ANSWER' } }, { token: author.token })),
    ).toBe('NOT_FOUND');
    expect(
      codeOf(await t.gql(DELETE, { input: { targetId: 'nope', targetType: 'ANSWER' } }, { token: author.token })),
    ).toBe('BAD_USER_INPUT');

    const delAnswer = await t.gql(
      DELETE,
      { input: { targetId: mine.id, targetType: 'ANSWER', reason: 'Posted it twice' } },
      { token: author.token },
    );
    expect(delAnswer.data?.deletePost).toMatchObject({
      postId: mine.id,
      postType: 'ANSWER',
      hidden: true,
      reason: 'Posted it twice',
    });
    const delComment = await t.gql(
      DELETE,
      { input: { targetId: c.id, targetType: 'COMMENT' } },
      { token: author.token },
    );
    expect(delComment.data?.deletePost).toMatchObject({ hidden: true, reason: 'Deleted by its author.' });
    const page = (await t.gql(QUESTION, { id: q.id })).data!.question;
    expect(page.answerCount).toBe(1);
    expect(page.answers.edges.map((e: any) => e.node.id)).toEqual([a.id]);
    expect(page.comments.edges).toEqual([]);
    expect(await row('answers', mine.id)).toMatchObject({ deletedBy: author.user.id, deleteReason: 'Posted it twice' });
    expect((await row('answers', mine.id)).deletedAt).not.toBeNull();
    // Deleting again: it is gone for the author.
    expect(
      codeOf(await t.gql(DELETE, { input: { targetId: mine.id, targetType: 'ANSWER' } }, { token: author.token })),
    ).toBe('NOT_FOUND');

    const delQuestion = await t.gql(
      DELETE,
      { input: { targetId: q.id, targetType: 'QUESTION' } },
      { token: author.token },
    );
    expect(delQuestion.data?.deletePost.hidden).toBe(true);
    expect(codeOf(await t.gql(QUESTION, { id: q.id }))).toBe('NOT_FOUND');
    expect(
      ((await t.dataSource.query(`SELECT count(*)::int AS n FROM questions WHERE id = $1`, [q.id])) as any[])[0].n,
    ).toBe(1);
  });

  it('moderators hide and restore any post with a reason, logged; members cannot; counters follow', async () => {
    const q = await ask(t, author);
    const a = await answer(t, other, q.id);
    expect(
      codeOf(
        await t.gql(
          HIDE,
          { input: { targetId: a.id, targetType: 'ANSWER', reason: 'Rude answer' } },
          { token: author.token },
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      codeOf(await t.gql(HIDE, { input: { targetId: a.id, targetType: 'ANSWER', reason: 'x' } }, { token: mod.token })),
    ).toBe('BAD_USER_INPUT');
    const hidden = await t.gql(
      HIDE,
      { input: { targetId: a.id, targetType: 'ANSWER', reason: 'Rude answer' } },
      { token: mod.token },
    );
    expect(hidden.data?.hidePost).toMatchObject({ postId: a.id, hidden: true, reason: 'Rude answer' });
    expect(
      codeOf(
        await t.gql(
          HIDE,
          { input: { targetId: a.id, targetType: 'ANSWER', reason: 'Rude answer' } },
          { token: mod.token },
        ),
      ),
    ).toBe('CONFLICT');
    expect((await t.gql(QUESTION, { id: q.id })).data!.question.answerCount).toBe(0);
    expect(await row('answers', a.id)).toMatchObject({ deletedBy: mod.user.id, deleteReason: 'Rude answer' });

    expect(
      codeOf(
        await t.gql(
          RESTORE,
          { input: { targetId: a.id, targetType: 'ANSWER', reason: 'On second look it is fine' } },
          { token: other.token },
        ),
      ),
    ).toBe('FORBIDDEN');
    const restored = await t.gql(
      RESTORE,
      { input: { targetId: a.id, targetType: 'ANSWER', reason: 'On second look it is fine' } },
      { token: mod.token },
    );
    expect(restored.data?.restorePost).toEqual({ postId: a.id, postType: 'ANSWER', hidden: false, reason: null });
    expect(
      codeOf(
        await t.gql(
          RESTORE,
          { input: { targetId: a.id, targetType: 'ANSWER', reason: 'again please' } },
          { token: mod.token },
        ),
      ),
    ).toBe('CONFLICT');
    expect((await t.gql(QUESTION, { id: q.id })).data!.question.answerCount).toBe(1);
    expect(await row('answers', a.id)).toEqual({ deletedAt: null, deletedBy: null, deleteReason: null });

    const log = (await t.gql(LOG, { targetId: a.id }, { token: mod.token })).data!.moderationLog.edges.map(
      (e: any) => e.node,
    );
    expect(log.map((e: any) => [e.action, e.reason, e.actor.handle])).toEqual([
      ['RESTORE_POST', 'On second look it is fine', mod.user.handle],
      ['HIDE_POST', 'Rude answer', mod.user.handle],
    ]);
    expect(JSON.parse(log[0].details)).toMatchObject({ hiddenBy: mod.user.id, hideReason: 'Rude answer' });
  });

  it("a moderator restores an author's deletion; the flag hide records its reason and restorePost resolves the flags", async () => {
    const q = await ask(t, author);
    await t.gql(DELETE, { input: { targetId: q.id, targetType: 'QUESTION' } }, { token: author.token });
    await t.gql(
      RESTORE,
      { input: { targetId: q.id, targetType: 'QUESTION', reason: 'Author asked us to' } },
      { token: mod.token },
    );
    expect((await t.gql(QUESTION, { id: q.id })).data?.question.id).toBe(q.id);

    const flaggers = await Promise.all([
      t.createEstablishedUser(),
      t.createEstablishedUser(),
      t.createEstablishedUser(),
    ]);
    for (const f of flaggers)
      await t.gql(FLAG, { input: { targetId: q.id, targetType: 'QUESTION', reason: 'SPAM' } }, { token: f.token });
    expect(await row('questions', q.id)).toMatchObject({
      deletedBy: null,
      deleteReason: expect.stringContaining('Hidden automatically: flagged'),
    });
    expect(codeOf(await t.gql(QUESTION, { id: q.id }))).toBe('NOT_FOUND');
    const restored = await t.gql(
      RESTORE,
      { input: { targetId: q.id, targetType: 'QUESTION', reason: 'Not spam at all' } },
      { token: mod.token },
    );
    expect(restored.data?.restorePost.hidden).toBe(false);
    expect(
      (
        (await t.dataSource.query(`SELECT open_flags AS n, hidden_at AS h FROM flagged_posts WHERE post_id = $1`, [
          q.id,
        ])) as any[]
      )[0],
    ).toEqual({ n: 0, h: null });
    expect(
      (
        (await t.dataSource.query(`SELECT count(*)::int AS n FROM flags WHERE post_id = $1 AND resolved_at IS NULL`, [
          q.id,
        ])) as any[]
      )[0].n,
    ).toBe(0);
  });
});

const commentOn = async (user: TestUser, questionId: string, body: string) =>
  (await t.gql(COMMENT, { input: { targetId: questionId, targetType: 'QUESTION', body } }, { token: user.token })).data!
    .addComment;

describe('moderation word list', () => {
  it('moderators read it, only admins replace it (logged), and the hold policy uses the new list at once', async () => {
    const initial = (await t.gql(WORDS, {}, { token: mod.token })).data!.moderationWords;
    expect(initial).toContain('casino');
    expect(codeOf(await t.gql(WORDS, {}, { token: author.token }))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(SET_WORDS, { input: { words: ['blorptastic'] } }, { token: mod.token }))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await t.gql(SET_WORDS, { input: { words: ['x'] } }, { token: admin.token }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(SET_WORDS, { input: { words: ['<script>'] } }, { token: admin.token }))).toBe(
      'BAD_USER_INPUT',
    );

    const q = await ask(t, other);
    // Primes this instance's cache with the old list.
    expect((await commentOn(author, q.id, 'A blorptastic answer, truly.')).status).toBe('PUBLISHED');
    const set = await t.gql(
      SET_WORDS,
      { input: { words: ['  Blorptastic ', 'casino', 'mega   deal', 'casino'] } },
      { token: admin.token },
    );
    expect(set.data?.setModerationWords).toEqual(['blorptastic', 'casino', 'mega deal']);
    expect((await t.gql(WORDS, {}, { token: mod.token })).data!.moderationWords).toEqual([
      'blorptastic',
      'casino',
      'mega deal',
    ]);

    expect(await commentOn(author, q.id, 'What a BLORPTASTIC idea for a PMO.')).toMatchObject({ status: 'PENDING' });
    expect(await commentOn(author, q.id, 'Such a MEGA  DEAL for everyone here.')).toMatchObject({ status: 'PENDING' });
    expect(await commentOn(author, q.id, 'Ultrablorptastic is not a listed word.')).toMatchObject({
      status: 'PUBLISHED',
    });
    expect(await commentOn(author, q.id, 'Viagra is no longer on the word list.')).toMatchObject({
      status: 'PUBLISHED',
    });

    const [entry] = (
      await t.gql(LOG, { action: 'SET_MODERATION_WORDS' }, { token: mod.token })
    ).data!.moderationLog.edges.map((e: any) => e.node);
    expect(entry).toMatchObject({ targetType: 'WORD_LIST', actor: { handle: admin.user.handle } });
    expect(JSON.parse(entry.details)).toMatchObject({
      added: ['blorptastic', 'mega deal'],
      removed: expect.arrayContaining(['viagra', 'payday loan']),
    });
  });
});

describe('role changes in the moderation log', () => {
  it('setRole writes a SET_ROLE entry in its own transaction; no change, no entry', async () => {
    const target = await t.createUser();
    const ok = await t.gql(
      SET_ROLE,
      { input: { handle: target.user.handle, role: 'MODERATOR' } },
      { token: admin.token },
    );
    expect(ok.data?.setRole.role).toBe('MODERATOR');
    await t.gql(SET_ROLE, { input: { handle: target.user.handle, role: 'MODERATOR' } }, { token: admin.token });
    const entries = (
      await t.gql(LOG, { targetId: target.user.id }, { token: mod.token })
    ).data!.moderationLog.edges.map((e: any) => e.node);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'SET_ROLE', targetType: 'USER', actor: { handle: admin.user.handle } });
    expect(JSON.parse(entries[0].details)).toEqual({ handle: target.user.handle, from: 'MEMBER', to: 'MODERATOR' });
  });
});

describe('new-account limits', () => {
  it('a new account asks at most 3 questions on its first day, 60 s apart: RATE_LIMITED with the wait', async () => {
    const newbie = await t.createUser('MEMBER', { newAccount: true });
    const askAs = (user: TestUser) => t.gql(ASK, { input: questionInput() }, { token: user.token });
    expect((await askAs(newbie)).errors).toBeUndefined();
    const tooSoon = await askAs(newbie);
    expect(codeOf(tooSoon)).toBe('RATE_LIMITED');
    expect(tooSoon.errors![0].message).toMatch(/60 seconds between questions/);
    const wait = tooSoon.errors![0].extensions!.retryAfterSeconds;
    expect(wait).toBeGreaterThan(50);
    expect(wait).toBeLessThanOrEqual(60);
    // A minute later (the earlier question backdated), the second and third questions pass; the fourth does not.
    await t.dataSource.query(
      `UPDATE questions SET created_at = created_at - interval '61 seconds' WHERE author_id = $1`,
      [newbie.user.id],
    );
    expect((await askAs(newbie)).errors).toBeUndefined();
    await t.dataSource.query(
      `UPDATE questions SET created_at = created_at - interval '61 seconds' WHERE author_id = $1`,
      [newbie.user.id],
    );
    expect((await askAs(newbie)).errors).toBeUndefined();
    await t.dataSource.query(
      `UPDATE questions SET created_at = created_at - interval '61 seconds' WHERE author_id = $1`,
      [newbie.user.id],
    );
    const fourth = await askAs(newbie);
    expect(codeOf(fourth)).toBe('RATE_LIMITED');
    expect(fourth.errors![0].message).toMatch(/at most 3 questions during their first day/);
    expect(fourth.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(86_000);
    // Deleting a question does not give the quota back.
    const [{ id }] = (await t.dataSource.query(`SELECT id FROM questions WHERE author_id = $1 LIMIT 1`, [
      newbie.user.id,
    ])) as { id: string }[];
    await t.gql(DELETE, { input: { targetId: id, targetType: 'QUESTION' } }, { token: newbie.token });
    expect(codeOf(await askAs(newbie))).toBe('RATE_LIMITED');
    // A day-old account is not limited.
    await t.dataSource.query(`UPDATE users SET created_at = now() - interval '25 hours' WHERE id = $1`, [
      newbie.user.id,
    ]);
    expect((await askAs(newbie)).errors).toBeUndefined();
  });

  it('parallel questions from a new account: exactly one passes', async () => {
    const newbie = await t.createUser('MEMBER', { newAccount: true });
    const results = await Promise.all(
      Array.from({ length: 5 }, () => t.gql(ASK, { input: questionInput() }, { token: newbie.token })),
    );
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.filter((r) => codeOf(r) === 'RATE_LIMITED').length).toBe(4);
  });

  it('a new account posts at most 20 answers and comments together on its first day; established accounts are not limited', async () => {
    const newbie = await t.createUser('MEMBER', { newAccount: true });
    const q = await ask(t, other);
    for (let i = 0; i < 12; i++)
      expect(
        (
          await t.gql(
            ANSWER,
            { input: { questionId: q.id, body: `Answer number ${i} with enough characters to pass.` } },
            { token: newbie.token },
          )
        ).errors,
      ).toBeUndefined();
    for (let i = 0; i < 8; i++)
      expect((await commentOn(newbie, q.id, `Comment number ${i} long enough.`)).id).toBeDefined();
    const limitedAnswer = await t.gql(
      ANSWER,
      { input: { questionId: q.id, body: 'One answer too many for a brand new account.' } },
      { token: newbie.token },
    );
    expect(codeOf(limitedAnswer)).toBe('RATE_LIMITED');
    expect(limitedAnswer.errors![0].message).toMatch(/at most 20 answers and comments/);
    expect(limitedAnswer.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(86_000);
    const limitedComment = await t.gql(
      COMMENT,
      { input: { targetId: q.id, targetType: 'QUESTION', body: 'One comment too many here.' } },
      { token: newbie.token },
    );
    expect(codeOf(limitedComment)).toBe('RATE_LIMITED');
    // The rejected attempts wrote nothing.
    expect(
      (
        (await t.dataSource.query(
          `SELECT (SELECT count(*) FROM answers WHERE author_id = $1) + (SELECT count(*) FROM comments WHERE author_id = $1) AS n`,
          [newbie.user.id],
        )) as any[]
      )[0].n,
    ).toBe('20');

    const veteran = await t.createUser();
    for (let i = 0; i < 4; i++)
      expect((await t.gql(ASK, { input: questionInput() }, { token: veteran.token })).errors).toBeUndefined();
    const newMod = await t.createUser('MODERATOR', { newAccount: true });
    for (let i = 0; i < 2; i++)
      expect((await t.gql(ASK, { input: questionInput() }, { token: newMod.token })).errors).toBeUndefined();
  });
});

describe('removing the accepted answer (issue 12, item 10)', () => {
  const STATUS = `query($id: ID!) { question(id: $id) { status acceptedAnswer { id } } }`;
  const status = async (id: string) => (await t.gql(STATUS, { id })).data!.question;
  const acceptanceEvents = async (answerId: string) =>
    (
      (await t.dataSource.query(`SELECT kind FROM reputation_events WHERE post_id = $1`, [answerId])) as {
        kind: string;
      }[]
    )
      .map((r) => r.kind)
      .sort();
  const accepted = async () => {
    const q = await ask(t, other);
    const a = await answer(t, author, q.id);
    expect((await t.gql(ACCEPT, { id: a.id }, { token: other.token })).data!.acceptAnswer.status).toBe('ANSWERED');
    expect(await acceptanceEvents(a.id)).toEqual(['ACCEPTED_AN_ANSWER', 'ANSWER_ACCEPTED']);
    return { q, a };
  };

  it("its author deleting it returns the question to OPEN and cancels the acceptance's reputation", async () => {
    const { q, a } = await accepted();
    expect(
      (await t.gql(DELETE, { input: { targetId: a.id, targetType: 'ANSWER' } }, { token: author.token })).data
        ?.deletePost.hidden,
    ).toBe(true);
    expect(await status(q.id)).toEqual({ status: 'OPEN', acceptedAnswer: null });
    expect(await acceptanceEvents(a.id)).toEqual([]);
  });

  it('a moderator hiding it returns the question to OPEN; restoring does not re-accept it', async () => {
    const { q, a } = await accepted();
    await t.gql(HIDE, { input: { targetId: a.id, targetType: 'ANSWER', reason: 'Plagiarised' } }, { token: mod.token });
    expect(await status(q.id)).toEqual({ status: 'OPEN', acceptedAnswer: null });
    await t.gql(
      RESTORE,
      { input: { targetId: a.id, targetType: 'ANSWER', reason: 'Cited after all' } },
      { token: mod.token },
    );
    expect(await status(q.id)).toEqual({ status: 'OPEN', acceptedAnswer: null });
    expect((await t.gql(ACCEPT, { id: a.id }, { token: other.token })).data!.acceptAnswer.status).toBe('ANSWERED');
  });

  it("flags that hide it (a moderator's flag) return the question to OPEN", async () => {
    const { q, a } = await accepted();
    await t.gql(FLAG, { input: { targetId: a.id, targetType: 'ANSWER', reason: 'SPAM' } }, { token: mod.token });
    expect(await status(q.id)).toEqual({ status: 'OPEN', acceptedAnswer: null });
    expect(await acceptanceEvents(a.id)).toEqual([]);
  });
});
