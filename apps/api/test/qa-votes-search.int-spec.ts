import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TestApp, codeOf, type TestUser } from './support/test-app.js';
import { answer, ask, reputationMismatches, vote } from './support/qa.js';

let t: TestApp;
let alice: TestUser;
let bob: TestUser;

beforeAll(async () => {
  t = await TestApp.start();
  [alice, bob] = await Promise.all([t.createUser(), t.createUser()]);
});
afterAll(() => t.close());

const rep = async (u: TestUser) =>
  (await t.dataSource.query(`SELECT reputation FROM users WHERE id = $1`, [u.user.id]))[0].reputation as number;

describe('votes', () => {
  it('50 parallel upvotes from 50 users: score 50 and 50 vote rows', async () => {
    const q = await ask(t, alice);
    const voters = await Promise.all(Array.from({ length: 50 }, () => t.createUser()));
    const results = await Promise.all(voters.map((v) => vote(t, v, q.id, 'QUESTION', 1)));
    expect(results.map((r) => r.errors)).toEqual(voters.map(() => undefined));
    const [{ score }] = await t.dataSource.query(`SELECT score FROM questions WHERE id = $1`, [q.id]);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM votes WHERE post_id = $1`, [q.id]);
    expect(score).toBe(50);
    expect(n).toBe(50);
    expect(await rep(alice)).toBe(250);
    expect(await reputationMismatches(t)).toEqual([]);
  });

  it('50 parallel upvotes by one user leave one vote', async () => {
    const q = await ask(t, alice);
    const results = await Promise.all(Array.from({ length: 50 }, () => vote(t, bob, q.id, 'QUESTION', 1)));
    expect(results.every((r) => r.data?.vote === 1)).toBe(true);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM votes WHERE post_id = $1`, [q.id]);
    const [{ score }] = await t.dataSource.query(`SELECT score FROM questions WHERE id = $1`, [q.id]);
    expect([n, score]).toEqual([1, 1]);
    expect(await reputationMismatches(t)).toEqual([]);
  });

  it('changes and withdraws votes, moving reputation by the ledger; viewerVote shows the vote', async () => {
    const owner = await t.createUser();
    const voter = await t.createUser();
    const q = await ask(t, owner);
    const a = await answer(t, owner, q.id);
    expect((await vote(t, voter, a.id, 'ANSWER', 1)).data?.vote).toBe(1);
    expect(await rep(owner)).toBe(10);
    expect((await vote(t, voter, a.id, 'ANSWER', -1)).data?.vote).toBe(-1);
    expect(await rep(owner)).toBe(-2);
    const seen = await t.gql(
      `query($id: ID!) { question(id: $id) { viewerVote answers { edges { node { viewerVote score } } } } }`,
      { id: q.id },
      { token: voter.token },
    );
    expect(seen.data?.question).toEqual({
      viewerVote: 0,
      answers: { edges: [{ node: { viewerVote: -1, score: -1 } }] },
    });
    expect((await vote(t, voter, a.id, 'ANSWER', 0)).data?.vote).toBe(0);
    expect(await rep(owner)).toBe(0);
    await vote(t, voter, q.id, 'QUESTION', 1);
    expect(await rep(owner)).toBe(5);
    const [{ sum }] = await t.dataSource.query(
      `SELECT coalesce(sum(points), 0)::int AS sum FROM reputation_events WHERE user_id = $1`,
      [owner.user.id],
    );
    expect(sum).toBe(5);
    expect(await reputationMismatches(t)).toEqual([]);
  });

  it('refuses votes on your own post (FORBIDDEN), bad values, comments and missing posts', async () => {
    const q = await ask(t, alice);
    expect(codeOf(await vote(t, alice, q.id, 'QUESTION', 1))).toBe('FORBIDDEN');
    const bad = await vote(t, bob, q.id, 'QUESTION', 2);
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].extensions?.field).toBe('value');
    expect(bad.errors?.[0].extensions?.field).toBe('value');
    expect(codeOf(await vote(t, bob, q.id, 'COMMENT' as never, 1))).toBe('BAD_USER_INPUT');
    expect(codeOf(await vote(t, bob, '00000000-0000-4000-8000-000000000000', 'ANSWER', 1))).toBe('NOT_FOUND');
    expect(
      codeOf(await t.gql(`mutation { vote(input: { targetId: "${q.id}", targetType: QUESTION, value: 1 }) }`)),
    ).toBe('UNAUTHENTICATED');
  });
});

describe('search', () => {
  const SEARCH = `query($s: String, $first: Int, $after: String) { questions(search: $s, first: $first, after: $after) {
    totalCount didYouMean edges { node { id title } } pageInfo { hasNextPage endCursor } } }`;
  const word = `zq${Date.now().toString(36)}`;
  let inTitle: { id: string };
  let inBody: { id: string };
  let phrase: { id: string };

  beforeAll(async () => {
    inBody = await ask(t, alice, {
      title: 'Moving from operations into a PMO analyst role',
      body: `Which skills does a ${word} coordinator need for this kind of role?`,
    });
    inTitle = await ask(t, alice, {
      title: `Becoming a ${word} coordinator after ten years`,
      body: 'I have run service teams for a decade and want a change now.',
    });
    phrase = await ask(t, alice, {
      title: 'Stakeholder management for a first portfolio',
      body: `Any advice on stakeholder management in a ${word} context, please?`,
    });
  });

  it('ranks title matches above body matches and counts the matches', async () => {
    const res = await t.gql(SEARCH, { s: `${word} coordinator` });
    expect(res.errors).toBeUndefined();
    expect(res.data?.questions.edges.map((e: any) => e.node.id)).toEqual([inTitle.id, inBody.id]);
    expect(res.data?.questions.totalCount).toBe(2);
    expect(res.data?.questions.didYouMean).toBeNull();
  });

  it('supports "quoted phrases" and -exclusions, and pages the ranked results', async () => {
    const quoted = await t.gql(SEARCH, { s: `"stakeholder management" ${word}` });
    expect(quoted.data?.questions.edges.map((e: any) => e.node.id)).toEqual([phrase.id]);
    const excluded = await t.gql(SEARCH, { s: `${word} -coordinator` });
    expect(excluded.data?.questions.edges.map((e: any) => e.node.id)).toEqual([phrase.id]);
    const p1 = await t.gql(SEARCH, { s: word, first: 2 });
    const p2 = await t.gql(SEARCH, { s: word, first: 2, after: p1.data?.questions.pageInfo.endCursor });
    const ids = [...p1.data!.questions.edges, ...p2.data!.questions.edges].map((e: any) => e.node.id);
    expect(new Set(ids).size).toBe(3);
    expect(p2.data?.questions.pageInfo.hasNextPage).toBe(false);
  });

  it('corrects typos: did you mean, with the corrected results', async () => {
    const typo = `${word.slice(0, -1)} coordinatr`;
    const res = await t.gql(SEARCH, { s: typo });
    expect(res.errors).toBeUndefined();
    expect(res.data?.questions.didYouMean).toBe(`${word} coordinator`);
    expect(res.data?.questions.edges.map((e: any) => e.node.id)).toEqual([inTitle.id, inBody.id]);
  });

  it('suggests similar questions for a title being typed', async () => {
    const res = await t.gql(`query($title: String!) { similarQuestions(title: $title) { id } }`, {
      title: `${word} coordinator role`,
    });
    expect(res.data?.similarQuestions.map((q: any) => q.id)).toContain(inTitle.id);
  });
});
