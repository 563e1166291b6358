import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kind, parse, print, visit, type DefinitionNode, type FragmentDefinitionNode } from 'graphql';
import { TestApp, codeOf, type GqlResult, type TestUser } from './support/test-app.js';
import { answer, ask } from './support/qa.js';

let t: TestApp;
let alice: TestUser;
let bob: TestUser;
const questionIds: string[] = []; // newest first
const answerIds: string[] = []; // newest first
let deletedQuestionId: string;
let deletedAnswerId: string;
let answerOnDeletedQuestionId: string;

const QUESTIONS = `query($handle: String!, $first: Int, $after: String) {
  user(handle: $handle) { questions(first: $first, after: $after) { totalCount edges { cursor node { id title } } pageInfo { hasNextPage endCursor } } }
}`;
const ANSWERS = `query($handle: String!, $first: Int, $after: String) {
  user(handle: $handle) { answers(first: $first, after: $after) { totalCount edges { cursor node { id question { id title } } } pageInfo { hasNextPage endCursor } } }
}`;

/** Walks a list page by page; returns the ids in order and the pages' sizes. */
async function walk(query: string, field: 'questions' | 'answers', handle: string, first: number) {
  const ids: string[] = [];
  const sizes: number[] = [];
  let after: string | null = null;
  for (let i = 0; i < 20; i++) {
    const res: GqlResult = await t.gql(query, { handle, first, after });
    expect(res.errors).toBeUndefined();
    const conn: any = res.data!.user[field];
    ids.push(...conn.edges.map((e: any) => e.node.id));
    sizes.push(conn.edges.length);
    if (!conn.pageInfo.hasNextPage) return { ids, sizes, totalCount: conn.totalCount };
    after = conn.pageInfo.endCursor;
  }
  throw new Error('too many pages');
}

beforeAll(async () => {
  t = await TestApp.start();
  [alice, bob] = await Promise.all([t.createUser(), t.createUser()]);
  const base = Date.now() - 3_600_000;
  // five questions by alice; two share a created_at so the id breaks the tie
  const asked: { id: string; at: number }[] = [];
  for (let i = 0; i < 5; i++) {
    const q = await ask(t, alice);
    const at = base + (i === 3 ? 2 : i) * 60_000;
    await t.dataSource.query(`UPDATE questions SET created_at = $2 WHERE id = $1`, [q.id, new Date(at)]);
    asked.push({ id: q.id, at });
  }
  const hidden = await ask(t, alice);
  deletedQuestionId = hidden.id;
  await t.dataSource.query(`UPDATE questions SET deleted_at = now() WHERE id = $1`, [hidden.id]);
  questionIds.push(...asked.sort((a, b) => b.at - a.at || (b.id < a.id ? -1 : b.id > a.id ? 1 : 0)).map((q) => q.id));

  // bob's question, answered by alice four times (one answer hidden) and once on a hidden question
  const target = await ask(t, bob);
  const other = await ask(t, bob);
  const answered: { id: string; at: number }[] = [];
  for (let i = 0; i < 4; i++) {
    const a = await answer(t, alice, i % 2 ? target.id : other.id);
    const at = base + i * 60_000;
    await t.dataSource.query(`UPDATE answers SET created_at = $2 WHERE id = $1`, [a.id, new Date(at)]);
    answered.push({ id: a.id, at });
  }
  deletedAnswerId = answered.splice(1, 1)[0].id;
  await t.dataSource.query(`UPDATE answers SET deleted_at = now() WHERE id = $1`, [deletedAnswerId]);
  const onHidden = await ask(t, bob);
  answerOnDeletedQuestionId = (await answer(t, alice, onHidden.id)).id;
  await t.dataSource.query(`UPDATE questions SET deleted_at = now() WHERE id = $1`, [onHidden.id]);
  answerIds.push(...answered.sort((a, b) => b.at - a.at).map((a) => a.id));
});
afterAll(() => t.close());

describe('User.questions', () => {
  it('lists live questions newest first, with the count', async () => {
    const res = await t.gql(QUESTIONS, { handle: alice.user.handle });
    expect(res.errors).toBeUndefined();
    const conn = res.data!.user.questions;
    expect(conn.edges.map((e: any) => e.node.id)).toEqual(questionIds);
    expect(conn.totalCount).toBe(5);
    expect(conn.pageInfo.hasNextPage).toBe(false);
  });

  it.each([1, 2, 3, 5])('pages by %i without gaps or duplicates', async (first) => {
    const { ids, sizes } = await walk(QUESTIONS, 'questions', alice.user.handle, first);
    expect(ids).toEqual(questionIds);
    expect(sizes.slice(0, -1).every((n) => n === first)).toBe(true);
  });

  it('excludes hidden questions', async () => {
    const { ids } = await walk(QUESTIONS, 'questions', alice.user.handle, 50);
    expect(ids).not.toContain(deletedQuestionId);
  });

  it('is empty for a user without questions', async () => {
    const res = await t.gql(QUESTIONS, { handle: (await t.createUser()).user.handle });
    expect(res.data!.user.questions).toEqual({
      totalCount: 0,
      edges: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
  });
});

describe('User.answers', () => {
  it('lists live answers on live questions newest first, with their question', async () => {
    const res = await t.gql(ANSWERS, { handle: alice.user.handle });
    expect(res.errors).toBeUndefined();
    const conn = res.data!.user.answers;
    expect(conn.edges.map((e: any) => e.node.id)).toEqual(answerIds);
    expect(conn.totalCount).toBe(3);
    expect(
      conn.edges.every((e: any) => typeof e.node.question.title === 'string' && e.node.question.title.length > 0),
    ).toBe(true);
  });

  it.each([1, 2])('pages by %i without gaps or duplicates', async (first) => {
    const { ids } = await walk(ANSWERS, 'answers', alice.user.handle, first);
    expect(ids).toEqual(answerIds);
    expect(ids).not.toContain(deletedAnswerId);
    expect(ids).not.toContain(answerOnDeletedQuestionId);
  });
});

describe('cursors', () => {
  it.each([
    ['garbage', 'not a cursor!'],
    [
      'another list',
      Buffer.from(JSON.stringify(['answers', true, 0, 0, '0f5e2a3c-1b2d-4c5e-8f90-123456789abc'])).toString(
        'base64url',
      ),
    ],
  ])('refuses %s as BAD_USER_INPUT naming after', async (_label, after) => {
    for (const query of [QUESTIONS, ANSWERS]) {
      const res = await t.gql(query, { handle: alice.user.handle, first: 2, after });
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions?.field).toBe('after');
    }
  });

  it('refuses a questions cursor on the answers list', async () => {
    const page = await t.gql(QUESTIONS, { handle: alice.user.handle, first: 1 });
    const res = await t.gql(ANSWERS, {
      handle: alice.user.handle,
      after: page.data!.user.questions.pageInfo.endCursor,
    });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions?.field).toBe('after');
  });
});

/** A web client operation with the fragments it spreads, from libs/web/data-access/src/operations. */
function webOperation(name: string): string {
  const dir = fileURLToPath(new URL('../../../libs/web/data-access/src/operations/', import.meta.url));
  const definitions: DefinitionNode[] = ['qa.graphql', 'profile.graphql'].flatMap(
    (f) => parse(readFileSync(join(dir, f), 'utf8')).definitions,
  );
  const fragments = new Map(
    definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const operation = definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name);
  if (!operation) throw new Error(`no operation ${name}`);
  const needed = new Set<string>();
  const collect = (node: DefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        if (needed.has(spread.name.value)) return;
        needed.add(spread.name.value);
        collect(fragments.get(spread.name.value)!);
      },
    });
  collect(operation);
  return [operation, ...[...needed].map((n) => fragments.get(n)!)].map((d) => print(d)).join('\n');
}

describe("the web client's operations", () => {
  it('are accepted within the depth and cost limits', async () => {
    const [question] = await t.dataSource.query(
      `SELECT id FROM questions WHERE deleted_at IS NULL ORDER BY created_at DESC LIMIT 1`,
    );
    const page = await t.gql(webOperation('QuestionPage'), { id: question.id });
    expect(page.errors).toBeUndefined();
    const after =
      page.data!.question.answers.edges.at(-1)?.cursor ??
      Buffer.from(JSON.stringify(['answers', false, 0, 0, question.id])).toString('base64url');
    for (const [name, variables] of [
      ['QuestionMoreAnswers', { id: question.id, after }],
      ['PostRevisions', { id: question.id }],
      ['UserQuestions', { handle: alice.user.handle, first: 10 }],
      ['UserAnswers', { handle: alice.user.handle, first: 10 }],
    ] as const) {
      const res = await t.gql(webOperation(name), variables);
      expect({ name, errors: res.errors }).toEqual({ name, errors: undefined });
    }
  });
});
