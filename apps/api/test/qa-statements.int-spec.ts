import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { VIEW_FLUSH_TAG } from '@crossroads/api-qa';
import { SqlCounter, pageStatementCount } from './support/sql-counter.js';
import { TestApp, type TestUser } from './support/test-app.js';
import { ACCEPT, COMMENT, answer, ask, vote } from './support/qa.js';

let t: TestApp;
let viewer: TestUser;
beforeAll(async () => {
  SqlCounter.install();
  // No job workers here: the counter sees every statement of the process, and background jobs
  // (notifications made from this suite's events) are not part of the requests measured.
  t = await TestApp.start({ jobWorkers: false });
  viewer = await t.createUser();
});
afterAll(() => t.close());

const isViewFlush = (sql: string) => sql.includes(VIEW_FLUSH_TAG);

const FEED = `query($first: Int, $tag: String) { questions(first: $first, tag: $tag) { totalCount edges { node {
  id title author { handle reputation } tags { name } score viewerVote answerCount viewCount acceptedAnswer { id } status } } } }`;

const PAGE = `query($id: ID!) { question(id: $id) { id title viewerVote author { handle } tags { name }
  comments { totalCount edges { node { body author { handle } } } }
  answers(first: 30) { totalCount edges { node { id body score viewerVote isAccepted author { handle reputation }
    comments { totalCount edges { node { body author { handle } } } } } } } } }`;

// Each test first writes 50 questions or 30 answers through the API: a budget for failure that holds
// at a load of 30 on the shared 2-core machine (the statement counts are what these tests assert).
const SETUP_HEAVY = 120_000;

describe('SQL statements per page (no N+1)', () => {
  it('the counter sees the statements TypeORM sends', async () => {
    const seen = await SqlCounter.during(() => t.dataSource.query('SELECT 1 AS probe'));
    expect(seen).toEqual(['SELECT 1 AS probe']);
  });

  it(
    'a feed page costs the same few statements for 5 and 50 questions (≤ 4)',
    async () => {
      const tag = `count-${Date.now().toString(36)}`;
      const authors = await Promise.all(Array.from({ length: 10 }, () => t.createUser()));
      for (let i = 0; i < 50; i++) {
        const q = await ask(t, authors[i % 10], { tags: [tag, `extra-${i % 7}`] });
        if (i % 3 === 0) await vote(t, viewer, q.id, 'QUESTION', 1);
        if (i % 5 === 0) {
          const a = await answer(t, viewer, q.id);
          await t.gql(ACCEPT, { id: a.id }, { token: authors[i % 10].token });
        }
      }
      const counts: number[] = [];
      for (const first of [5, 50]) {
        let result: any;
        const statements = await SqlCounter.during(async () => {
          result = await t.gql(FEED, { first, tag }, { token: viewer.token });
        }, isViewFlush);
        expect(result.errors).toBeUndefined();
        expect(result.data.questions.edges).toHaveLength(first);
        expect(result.data.questions.edges.some((e: any) => e.node.viewerVote === 1)).toBe(true);
        expect(result.data.questions.edges.some((e: any) => e.node.acceptedAnswer)).toBe(true);
        counts.push(pageStatementCount(statements));
      }
      process.stdout.write(`feed statements: N=5 → ${counts[0]}, N=50 → ${counts[1]}\n`);
      expect(counts[0]).toBeLessThanOrEqual(4);
      expect(counts[1]).toBe(counts[0]);

      // Follow fields (notifications lib) cost one statement per field, whatever the page size.
      const FOLLOW_FEED = `query($first: Int, $tag: String) { questions(first: $first, tag: $tag) { edges { node { id viewerFollows followerCount tags { name viewerFollows followerCount } } } } }`;
      const followCounts: number[] = [];
      for (const first of [5, 50]) {
        let result: any;
        const statements = await SqlCounter.during(async () => {
          result = await t.gql(FOLLOW_FEED, { first, tag }, { token: viewer.token });
        }, isViewFlush);
        expect(result.errors).toBeUndefined();
        followCounts.push(pageStatementCount(statements));
      }
      process.stdout.write(`feed + follow fields statements: N=5 → ${followCounts[0]}, N=50 → ${followCounts[1]}\n`);
      expect(followCounts[1]).toBe(followCounts[0]);
      expect(followCounts[0]).toBeLessThanOrEqual(counts[0] + 4);
    },
    SETUP_HEAVY,
  );

  it(
    'a question page (30 answers, their comments, authors, viewer votes) costs the same for 1 and 30 answers (≤ 6)',
    async () => {
      const asker = await t.createUser();
      const measure = async (answers: number) => {
        const q = await ask(t, asker);
        const commenters = await Promise.all(Array.from({ length: 3 }, () => t.createUser()));
        for (const c of commenters)
          await t.dataSource.query(
            `INSERT INTO comments (post_type, post_id, question_id, author_id, body, status) VALUES ('QUESTION', $1, $1, $2, 'An approved earlier comment.', 'PUBLISHED')`,
            [q.id, c.user.id],
          );
        for (let i = 0; i < answers; i++) {
          const answerer = await t.createUser();
          const a = await answer(t, answerer, q.id);
          await vote(t, viewer, a.id, 'ANSWER', i % 2 ? 1 : -1);
          for (const c of commenters.slice(0, 2))
            await t.gql(
              COMMENT,
              { input: { targetId: a.id, targetType: 'ANSWER', body: 'A useful comment on this answer.' } },
              { token: c.token },
            );
        }
        let result: any;
        const statements = await SqlCounter.during(async () => {
          result = await t.gql(PAGE, { id: q.id }, { token: viewer.token });
        }, isViewFlush);
        expect(result.errors).toBeUndefined();
        expect(result.data.question.answers.edges).toHaveLength(answers);
        expect(result.data.question.comments.edges).toHaveLength(3);
        expect(result.data.question.answers.edges[0].node.comments.edges).toHaveLength(2);
        expect(result.data.question.answers.edges.every((e: any) => e.node.viewerVote !== 0)).toBe(true);
        return pageStatementCount(statements);
      };
      const one = await measure(1);
      const thirty = await measure(30);
      process.stdout.write(`question page statements: 1 answer → ${one}, 30 answers → ${thirty}\n`);
      expect(one).toBeLessThanOrEqual(6);
      expect(thirty).toBe(one);
    },
    SETUP_HEAVY,
  );
});
