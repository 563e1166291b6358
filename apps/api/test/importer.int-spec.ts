import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { importStackExchange, type ImportSummary } from '@crossroads/api-importer';
import { findProjectRoot } from '@crossroads/api-platform';
import { TestApp } from './support/test-app.js';
import { createIsolatedDatabase } from './support/isolated-database.js';
import { counterMismatches } from './support/counter-checks.js';
import { SqlCounter } from './support/sql-counter.js';

const SITE = 'history.meta.stackexchange.com';
const DUMP = join(findProjectRoot(), '..', 'shared', 'data', 'stackexchange', SITE);

let db: { url: string; drop: () => Promise<void> };
let t: TestApp;
let first: ImportSummary;
let second: ImportSummary;
let before: Record<string, number>;
let afterFirst: Record<string, number>;
let fingerprint: string;
let firstStatements: string[];

const totals = async () => {
  const [row] = await t.dataSource.query(`SELECT
    (SELECT count(*)::int FROM questions) AS questions, (SELECT count(*)::int FROM answers) AS answers,
    (SELECT count(*)::int FROM comments) AS comments, (SELECT count(*)::int FROM users) AS users,
    (SELECT count(*)::int FROM questions WHERE accepted_answer_id IS NOT NULL) AS accepted,
    (SELECT count(*)::int FROM answers WHERE is_accepted) AS "acceptedFlags",
    (SELECT count(*)::int FROM post_sources) AS sources, (SELECT coalesce(sum(ndoc), 0)::int FROM search_words) AS words`);
  return row as Record<string, number>;
};
// Every column of every imported row: equal before and after a re-run means nothing was updated.
const fingerprintOf = async () => {
  const [row] = await t.dataSource.query(`SELECT md5(
      (SELECT string_agg(q::text, '|' ORDER BY q.id) FROM questions q) || (SELECT string_agg(a::text, '|' ORDER BY a.id) FROM answers a) ||
      (SELECT string_agg(c::text, '|' ORDER BY c.id) FROM comments c) || (SELECT string_agg(u::text, '|' ORDER BY u.id) FROM users u) ||
      (SELECT string_agg(t::text, '|' ORDER BY t.name) FROM tags t) || (SELECT string_agg(x::text, '|' ORDER BY x.name) FROM qa_counters x)) AS md5`);
  return row.md5 as string;
};

beforeAll(async () => {
  db = await createIsolatedDatabase('importer');
  t = await TestApp.start({}, db.url);
  before = await totals();
  firstStatements = await SqlCounter.during(async () => {
    first = await importStackExchange({ databaseUrl: db.url, dir: DUMP });
  });
  afterFirst = await totals();
  fingerprint = await fingerprintOf();
  second = await importStackExchange({ databaseUrl: db.url, dir: DUMP });
}, 120_000);
afterAll(async () => {
  await t?.close();
  await db?.drop();
});

describe('importing the history.meta Stack Exchange dump', () => {
  it('imports every question, answer, comment and user, skipping nothing', () => {
    expect(first.site).toBe(SITE);
    expect(first.questions).toEqual({ created: 556, existing: 0 });
    expect(first.answers).toEqual({ created: 1095, existing: 0 });
    expect(first.comments).toEqual({ created: 3454, existing: 0 });
    // 2,295 users from Users.xml, plus one placeholder for posts whose owner was deleted.
    expect(first.users.created).toBe(2296);
    expect(first.skipped).toEqual([]);
    expect(first.acceptedAnswers).toBeGreaterThan(100);
    expect(afterFirst.questions - before.questions).toBe(556);
    expect(afterFirst.answers - before.answers).toBe(1095);
    expect(afterFirst.comments - before.comments).toBe(3454);
    expect(afterFirst.accepted - before.accepted).toBe(first.acceptedAnswers);
    expect(afterFirst.acceptedFlags - before.acceptedFlags).toBe(first.acceptedAnswers);
  });

  it('a second run adds nothing and changes nothing', async () => {
    expect(second.questions).toEqual({ created: 0, existing: 556 });
    expect(second.answers).toEqual({ created: 0, existing: 1095 });
    expect(second.comments).toEqual({ created: 0, existing: 3454 });
    expect(second.users.created).toBe(0);
    expect(second.acceptedAnswers).toBe(0);
    expect(await totals()).toEqual(afterFirst);
    expect(await fingerprintOf()).toBe(fingerprint);
  });

  it('keeps counters, tag counts, accepted flags and the search vector consistent with the rows', async () => {
    expect(await counterMismatches((sql) => t.dataSource.query(sql))).toEqual({});
    expect(afterFirst.words).toBeGreaterThan(before.words);
  });

  it('imports authors as placeholder accounts that cannot sign in', async () => {
    const rows = await t.dataSource.query(
      `SELECT u.display_name, u.password_hash, u.email, u.handle FROM post_sources ps JOIN users u ON u.id = ps.target_id WHERE ps.site = $1 AND ps.kind = 'USER' AND ps.source_id = '12'`,
      [SITE],
    );
    expect(rows).toEqual([
      { display_name: 'Sorcerer Blob', password_hash: null, email: null, handle: 'sorcerer-blob' },
    ]);
  });

  it('shows the questions, answers, comments and their attribution through the API', async () => {
    const [{ id }] = await t.dataSource.query(
      `SELECT target_id AS id FROM post_sources WHERE site = $1 AND kind = 'QUESTION' AND source_id = '1'`,
      [SITE],
    );
    const res = await t.gql(
      `query($id: ID!) { question(id: $id) { title status answerCount author { displayName }
         source { site originalId url authorName authorUrl license licenseUrl }
         answers(first: 10) { edges { node { isAccepted source { url authorName authorUrl license } } } }
         comments(first: 10) { totalCount } } }`,
      { id },
    );
    expect(res.errors).toBeUndefined();
    const q = res.data!.question;
    expect(q.title).toBe('Should we include sources in answers?');
    expect(q.author.displayName).toBe('Sorcerer Blob');
    expect(q.source).toEqual({
      site: SITE,
      originalId: '1',
      url: `https://${SITE}/questions/1`,
      authorName: 'Sorcerer Blob',
      authorUrl: `https://${SITE}/users/12`,
      license: 'CC BY-SA 3.0',
      licenseUrl: 'https://creativecommons.org/licenses/by-sa/3.0/',
    });
    expect(q.answerCount).toBe(6);
    expect(q.answers.edges).toHaveLength(6);
    for (const { node } of q.answers.edges) {
      expect(node.source.url).toMatch(new RegExp(`^https://${SITE.replace(/\./g, '\\.')}/a/\\d+$`));
      expect(node.source.license).toBe('CC BY-SA 3.0');
    }
    expect(q.comments.totalCount).toBe(4);
  });

  it('licenses posts from 2018-05-02 on under CC BY-SA 4.0', async () => {
    const [{ id }] = await t.dataSource.query(
      `SELECT target_id AS id FROM post_sources WHERE site = $1 AND kind = 'QUESTION' AND source_id = '3730'`,
      [SITE],
    );
    const res = await t.gql(`query($id: ID!) { question(id: $id) { source { url license } } }`, { id });
    expect(res.data!.question.source).toEqual({ url: `https://${SITE}/questions/3730`, license: 'CC BY-SA 4.0' });
  });

  it('has no source for posts written on Crossroads', async () => {
    const user = await t.createUser();
    const res = await t.gql(
      `mutation($input: AskQuestionInput!) { askQuestion(input: $input) { source { url } } }`,
      {
        input: {
          title: 'A question asked on Crossroads itself',
          body: 'Written here, so there is nothing to attribute.',
          tags: ['career-change'],
        },
      },
      { token: user.token },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.askQuestion.source).toBeNull();
  });

  it('imports in bulk, not row by row', () => {
    // Speed is measured by the CLI and the benchmarks; here the shape: a few statements per batch.
    const rows = first.questions.created + first.answers.created + first.comments.created;
    expect(rows).toBeGreaterThan(5_000);
    expect(firstStatements.length).toBeLessThan(rows / 10);
  });
});
