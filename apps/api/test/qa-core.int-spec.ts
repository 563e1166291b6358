import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ViewCounterService } from '@crossroads/api-qa';
import { TestApp, codeOf, type TestUser } from './support/test-app.js';
import {
  ACCEPT,
  ASK,
  COMMENT,
  UNACCEPT,
  answer,
  ask,
  questionInput,
  reputationMismatches,
  vote,
} from './support/qa.js';

let t: TestApp;
let alice: TestUser;
let bob: TestUser;
let carol: TestUser;
let moderator: TestUser;

beforeAll(async () => {
  t = await TestApp.start();
  [alice, bob, carol, moderator] = await Promise.all([
    t.createUser(),
    t.createUser(),
    t.createUser(),
    t.createUser('MODERATOR'),
  ]);
});
afterAll(() => t.close());

const fieldOf = (res: { errors?: Array<{ extensions?: Record<string, any> }> }) => res.errors?.[0]?.extensions?.field;

describe('asking questions', () => {
  it('creates tags on first use, lower-cased, and counts their questions exactly', async () => {
    const tag = `pm-${Date.now().toString(36)}`;
    const q1 = await ask(t, alice, { tags: [tag.toUpperCase(), 'career-change'] });
    expect(q1.tags.map((x: any) => x.name)).toEqual([tag, 'career-change']);
    expect(q1.status).toBe('OPEN');
    await ask(t, bob, { tags: [tag] });
    const tags = await t.gql(
      `query($q: String) { tags(query: $q) { totalCount edges { node { name questionCount } } } }`,
      { q: tag.slice(0, 8) },
    );
    expect(tags.data?.tags.edges.find((e: any) => e.node.name === tag).node.questionCount).toBe(2);
  });

  it.each([
    ['title', { title: 'too short' }],
    ['title', { title: 'x'.repeat(151) }],
    ['body', { body: 'short body' }],
    ['tags', { tags: [] }],
    ['tags', { tags: ['a1', 'b2', 'c3', 'd4', 'e5', 'f6'] }],
    ['tags', { tags: ['bad tag!'] }],
    ['tags', { tags: ['x'] }],
    ['tags', { tags: ['x'.repeat(26)] }],
  ])('refuses a bad %s with BAD_USER_INPUT naming the field', async (field, overrides) => {
    const before = await t.dataSource.query(`SELECT count(*)::int AS n FROM questions`);
    const res = await t.gql(ASK, { input: questionInput(overrides) }, { token: alice.token });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(fieldOf(res)).toBe(field);
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM questions`)).toEqual(before);
  });

  it('requires signing in to ask', async () => {
    expect(codeOf(await t.gql(ASK, { input: questionInput() }))).toBe('UNAUTHENTICATED');
  });

  it('answers NOT_FOUND for a missing question, also for a malformed id', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'nope']) {
      const res = await t.gql(`query($id: ID!) { question(id: $id) { id } }`, { id });
      expect(codeOf(res)).toBe('NOT_FOUND');
    }
    const res = await t.gql(
      `mutation($i: PostAnswerInput!) { postAnswer(input: $i) { id } }`,
      {
        i: { questionId: '00000000-0000-4000-8000-000000000000', body: 'x'.repeat(40) },
      },
      { token: bob.token },
    );
    expect(codeOf(res)).toBe('NOT_FOUND');
  });
});

describe('the feed', () => {
  const FEED = `query($first: Int, $after: String, $sort: QuestionSort, $tag: String) {
    questions(first: $first, after: $after, sort: $sort, tag: $tag) { totalCount edges { cursor node { id score } } pageInfo { hasNextPage endCursor } } }`;
  let tag: string;
  let ids: string[];

  beforeAll(async () => {
    tag = `feed-${Date.now().toString(36)}`;
    ids = [];
    for (let i = 0; i < 7; i++) ids.push((await ask(t, alice, { tags: [tag] })).id);
    // Equal scores on purpose (ties are broken by id), and one answered question.
    await vote(t, bob, ids[2], 'QUESTION', 1);
    await vote(t, carol, ids[2], 'QUESTION', 1);
    await vote(t, bob, ids[4], 'QUESTION', 1);
    await vote(t, bob, ids[5], 'QUESTION', 1);
    const a = await answer(t, bob, ids[6]);
    await t.gql(ACCEPT, { id: a.id }, { token: alice.token });
  });

  it.each(['NEWEST', 'ACTIVE', 'VOTES', 'UNANSWERED'])(
    'pages %s with keyset cursors, without duplicates or gaps',
    async (sort) => {
      const all = await t.gql(FEED, { first: 50, sort, tag });
      const expected = all.data?.questions.edges.map((e: any) => e.node.id);
      expect(expected.length).toBe(sort === 'UNANSWERED' ? 6 : 7);
      expect(all.data?.questions.totalCount).toBe(expected.length);
      const seen: string[] = [];
      let after: string | undefined;
      for (;;) {
        const page = await t.gql(FEED, { first: 2, after, sort, tag });
        expect(page.errors).toBeUndefined();
        seen.push(...page.data!.questions.edges.map((e: any) => e.node.id));
        if (!page.data?.questions.pageInfo.hasNextPage) break;
        after = page.data?.questions.pageInfo.endCursor;
      }
      expect(seen).toEqual(expected);
      if (sort === 'VOTES')
        expect(all.data?.questions.edges.map((e: any) => e.node.score)).toEqual(
          [...all.data!.questions.edges.map((e: any) => e.node.score)].sort((x, y) => y - x),
        );
      if (sort === 'NEWEST') expect(expected).toEqual([...ids].reverse());
    },
  );

  it('refuses a bad cursor (naming after), a cursor of another sort, and first over 50', async () => {
    const bad = await t.gql(FEED, { after: 'garbage' });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(fieldOf(bad)).toBe('after');
    const page = await t.gql(FEED, { first: 1, sort: 'NEWEST', tag });
    const other = await t.gql(FEED, { first: 1, sort: 'VOTES', tag, after: page.data?.questions.pageInfo.endCursor });
    expect(fieldOf(other)).toBe('after');
    for (const first of [51, 0]) {
      const res = await t.gql(FEED, { first });
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(fieldOf(res)).toBe('first');
    }
  });

  it('batches view counts: no write per view, flushed later', async () => {
    const id = ids[0];
    const read = () => t.gql(`query($id: ID!) { question(id: $id) { viewCount } }`, { id });
    await read();
    await read();
    const [{ view_count: stored }] = await t.dataSource.query(`SELECT view_count FROM questions WHERE id = $1`, [id]);
    expect(stored).toBe(0);
    expect((await read()).data?.question.viewCount).toBe(3);
    await t.app.get(ViewCounterService).flush();
    const [{ view_count: flushed }] = await t.dataSource.query(`SELECT view_count FROM questions WHERE id = $1`, [id]);
    expect(flushed).toBe(3);
  });
});

describe('answers and acceptance', () => {
  const PAGE = `query($id: ID!) { question(id: $id) { status acceptedAnswer { id } answers { edges { node { id isAccepted score } } } } }`;

  it('orders accepted first, then score, then oldest; only the question author accepts; accept is changeable and withdrawable', async () => {
    const [alice, bob, carol, moderator] = await Promise.all([
      t.createUser(),
      t.createUser(),
      t.createUser(),
      t.createUser(),
    ]);
    const q = await ask(t, alice);
    const a1 = await answer(t, bob, q.id);
    const a2 = await answer(t, carol, q.id);
    const a3 = await answer(t, moderator, q.id);
    await vote(t, alice, a3.id, 'ANSWER', 1);
    let page = await t.gql(PAGE, { id: q.id });
    expect(page.data?.question.answers.edges.map((e: any) => e.node.id)).toEqual([a3.id, a1.id, a2.id]);

    expect(codeOf(await t.gql(ACCEPT, { id: a2.id }, { token: bob.token }))).toBe('FORBIDDEN');
    const accepted = await t.gql(ACCEPT, { id: a2.id }, { token: alice.token });
    expect(accepted.data?.acceptAnswer).toMatchObject({ status: 'ANSWERED', acceptedAnswer: { id: a2.id } });
    page = await t.gql(PAGE, { id: q.id });
    expect(page.data?.question.answers.edges.map((e: any) => e.node.id)).toEqual([a2.id, a3.id, a1.id]);
    const rep = async (u: TestUser) =>
      (await t.dataSource.query(`SELECT reputation FROM users WHERE id = $1`, [u.user.id]))[0].reputation;
    expect(await rep(carol)).toBe(15);
    expect(await rep(alice)).toBe(2);

    await t.gql(ACCEPT, { id: a1.id }, { token: alice.token });
    expect(await rep(carol)).toBe(0);
    expect(await rep(bob)).toBe(15);
    const withdrawn = await t.gql(UNACCEPT, { id: q.id }, { token: alice.token });
    expect(withdrawn.data?.unacceptAnswer).toMatchObject({ status: 'OPEN', acceptedAnswer: null });
    expect(await rep(bob)).toBe(0);
    expect(await rep(alice)).toBe(0);
    expect(await reputationMismatches(t)).toEqual([]);
    expect(codeOf(await t.gql(ACCEPT, { id: '00000000-0000-4000-8000-000000000000' }, { token: alice.token }))).toBe(
      'NOT_FOUND',
    );
  });
});

describe('revisions', () => {
  const EDIT = `mutation($i: EditQuestionInput!) { editQuestion(input: $i) { title tags { name } revisions { title body tags editor { handle } createdAt } } }`;

  it('keeps the previous version with editor and time; authors and moderators may edit, others not', async () => {
    const q = await ask(t, alice);
    const edited = await t.gql(
      EDIT,
      { i: { id: q.id, title: 'A completely new title for this question' } },
      { token: alice.token },
    );
    expect(edited.errors).toBeUndefined();
    expect(edited.data?.editQuestion.revisions).toEqual([
      expect.objectContaining({
        title: q.title,
        body: q.body,
        tags: q.tags.map((x: any) => x.name),
        editor: { handle: alice.user.handle },
      }),
    ]);
    expect(codeOf(await t.gql(EDIT, { i: { id: q.id, body: 'y'.repeat(40) } }, { token: bob.token }))).toBe(
      'FORBIDDEN',
    );
    const byMod = await t.gql(EDIT, { i: { id: q.id, tags: ['moderated'] } }, { token: moderator.token });
    expect(byMod.data?.editQuestion.tags).toEqual([{ name: 'moderated' }]);
    expect(byMod.data?.editQuestion.revisions).toHaveLength(2);
    expect(byMod.data?.editQuestion.revisions[0].editor.handle).toBe(moderator.user.handle);
    expect(fieldOf(await t.gql(EDIT, { i: { id: q.id, title: 'short' } }, { token: alice.token }))).toBe('title');

    const a = await answer(t, bob, q.id);
    const EDIT_ANSWER = `mutation($i: EditAnswerInput!) { editAnswer(input: $i) { body revisions { body editor { handle } } } }`;
    expect(codeOf(await t.gql(EDIT_ANSWER, { i: { id: a.id, body: 'z'.repeat(40) } }, { token: carol.token }))).toBe(
      'FORBIDDEN',
    );
    const ea = await t.gql(EDIT_ANSWER, { i: { id: a.id, body: 'z'.repeat(40) } }, { token: bob.token });
    expect(ea.data?.editAnswer.revisions).toHaveLength(1);
  });
});

describe('comments', () => {
  const LIST = `query($id: ID!) { question(id: $id) { comments { totalCount edges { node { id status guestName guestEmail } } } } }`;
  const add = (input: Record<string, unknown>, token?: string) => t.gql(COMMENT, { input }, { token });
  let questionId: string;
  beforeAll(async () => {
    questionId = (await ask(t, alice)).id;
  });
  const body = 'This is a thoughtful comment about the question.';

  it('holds guest comments, requires guest name and email, and never shows the email but to moderators', async () => {
    expect(
      fieldOf(await add({ targetId: questionId, targetType: 'QUESTION', body, guestEmail: 'g@example.test' })),
    ).toBe('guestName');
    expect(fieldOf(await add({ targetId: questionId, targetType: 'QUESTION', body, guestName: 'Gus' }))).toBe(
      'guestEmail',
    );
    const res = await add({
      targetId: questionId,
      targetType: 'QUESTION',
      body,
      guestName: 'Gus',
      guestEmail: 'gus-secret@example.test',
    });
    expect(res.data?.addComment).toMatchObject({ status: 'PENDING', guestName: 'Gus', guestEmail: null, author: null });
    expect(res.text).not.toContain('gus-secret');
    await t.dataSource.query(`UPDATE comments SET status = 'PUBLISHED' WHERE id = $1`, [res.data?.addComment.id]);
    for (const token of [undefined, bob.token]) {
      const list = await t.gql(LIST, { id: questionId }, { token });
      expect(list.text).not.toContain('gus-secret');
      expect(list.data?.question.comments.edges[0].node.guestName).toBe('Gus');
    }
    const asMod = await t.gql(LIST, { id: questionId }, { token: moderator.token });
    expect(asMod.data?.question.comments.edges[0].node.guestEmail).toBe('gus-secret@example.test');
  });

  it('holds a first-time commenter, publishes after an approved comment, holds 2 links and word-list matches', async () => {
    const dave = await t.createUser();
    const first = await add({ targetId: questionId, targetType: 'QUESTION', body }, dave.token);
    expect(first.data?.addComment).toMatchObject({ status: 'PENDING', author: { handle: dave.user.handle } });
    let list = await t.gql(LIST, { id: questionId });
    expect(list.data?.question.comments.edges.map((e: any) => e.node.id)).not.toContain(first.data?.addComment.id);

    await t.dataSource.query(`UPDATE comments SET status = 'PUBLISHED' WHERE id = $1`, [first.data?.addComment.id]);
    const second = await add(
      { targetId: questionId, targetType: 'QUESTION', body: 'A second, perfectly ordinary comment.' },
      dave.token,
    );
    expect(second.data?.addComment.status).toBe('PUBLISHED');
    list = await t.gql(LIST, { id: questionId });
    expect(list.data?.question.comments.edges.map((e: any) => e.node.id)).toContain(second.data?.addComment.id);

    const links = await add(
      { targetId: questionId, targetType: 'QUESTION', body: 'See https://a.example and https://b.example' },
      dave.token,
    );
    expect(links.data?.addComment.status).toBe('PENDING');
    const oneLink = await add(
      { targetId: questionId, targetType: 'QUESTION', body: 'See https://a.example for details.' },
      dave.token,
    );
    expect(oneLink.data?.addComment.status).toBe('PUBLISHED');
    const word = await add(
      { targetId: questionId, targetType: 'QUESTION', body: 'Best CASINO bonuses right here!' },
      dave.token,
    );
    expect(word.data?.addComment.status).toBe('PENDING');
    const notWhole = await add(
      { targetId: questionId, targetType: 'QUESTION', body: 'Casinos-free wording: occasional.' },
      dave.token,
    );
    expect(notWhole.data?.addComment.status).toBe('PUBLISHED');
  });

  it('validates the body length and the target', async () => {
    expect(fieldOf(await add({ targetId: questionId, targetType: 'QUESTION', body: 'too short' }, bob.token))).toBe(
      'body',
    );
    expect(fieldOf(await add({ targetId: questionId, targetType: 'QUESTION', body: 'x'.repeat(601) }, bob.token))).toBe(
      'body',
    );
    expect(
      codeOf(await add({ targetId: '00000000-0000-4000-8000-000000000000', targetType: 'ANSWER', body }, bob.token)),
    ).toBe('NOT_FOUND');
    expect(fieldOf(await add({ targetId: questionId, targetType: 'COMMENT', body }, bob.token))).toBe('targetType');
  });
});
