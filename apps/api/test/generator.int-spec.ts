import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateData, type GenerateSummary } from '@crossroads/api-importer';
import { TestApp } from './support/test-app.js';
import { createIsolatedDatabase } from './support/isolated-database.js';
import { counterMismatches } from './support/counter-checks.js';

let db: { url: string; drop: () => Promise<void> };
let t: TestApp;
let summary: GenerateSummary;

beforeAll(async () => {
  db = await createIsolatedDatabase('generator');
  t = await TestApp.start({}, db.url);
  summary = await generateData({ databaseUrl: db.url, questions: 300, chunkSize: 120 });
}, 60_000);
afterAll(async () => {
  await t?.close();
  await db?.drop();
});

describe('the data generator (300 questions)', () => {
  it('writes questions with answers, comments, votes and a reputation ledger', async () => {
    expect(summary.questions).toBe(300);
    const [row] = await t.dataSource
      .query(`SELECT (SELECT count(*)::int FROM questions) AS q, (SELECT count(*)::int FROM answers) AS a,
      (SELECT count(*)::int FROM comments) AS c, (SELECT count(*)::int FROM votes) AS v, (SELECT count(*)::int FROM reputation_events) AS r,
      (SELECT count(*)::int FROM questions WHERE accepted_answer_id IS NOT NULL) AS accepted`);
    expect(row).toMatchObject({
      q: 300,
      a: summary.answers,
      c: summary.comments,
      v: summary.votes,
      r: summary.reputationEvents,
    });
    expect(summary.answers).toBeGreaterThan(200);
    expect(summary.votes).toBeGreaterThan(300);
    expect(row.accepted).toBeGreaterThan(20);
  });

  it('keeps every counter, score and reputation consistent with the rows', async () => {
    expect(await counterMismatches((sql) => t.dataSource.query(sql))).toEqual({});
    const scores = await t.dataSource.query(
      `SELECT a.id FROM answers a WHERE a.score <> (SELECT coalesce(sum(v.value), 0) FROM votes v WHERE v.post_id = a.id)`,
    );
    expect(scores).toEqual([]);
    const ownVotes = await t.dataSource
      .query(`SELECT 1 FROM votes v JOIN questions q ON q.id = v.post_id WHERE q.author_id = v.user_id
      UNION ALL SELECT 1 FROM votes v JOIN answers a ON a.id = v.post_id WHERE a.author_id = v.user_id`);
    expect(ownVotes).toEqual([]);
  });

  it('draws tags from a long tail', async () => {
    const tags = await t.dataSource.query(
      `SELECT question_count AS n FROM tags WHERE question_count > 0 ORDER BY 1 DESC`,
    );
    expect(tags.length).toBeGreaterThan(20);
    expect(tags[0].n).toBeGreaterThan(5 * tags[Math.floor(tags.length / 2)].n);
  });

  it('is searchable and served through the API like real posts', async () => {
    const res = await t.gql(
      `{ questions(first: 5, search: "stakeholder management") { totalCount edges { node { title author { displayName } tags { name } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.questions.totalCount).toBeGreaterThan(0);
    const words = await t.dataSource.query(`SELECT ndoc FROM search_words WHERE word = 'stakeholder'`);
    expect(words[0]?.ndoc).toBeGreaterThan(0);
  });
});
