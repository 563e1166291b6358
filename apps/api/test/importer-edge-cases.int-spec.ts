import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importStackExchange, type ImportSummary } from '@crossroads/api-importer';
import { TestApp } from './support/test-app.js';
import { createIsolatedDatabase } from './support/isolated-database.js';
import { counterMismatches } from './support/counter-checks.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'stackexchange');

let db: { url: string; drop: () => Promise<void> };
let t: TestApp;

beforeAll(async () => {
  db = await createIsolatedDatabase('importer_edges');
  t = await TestApp.start({}, db.url);
}, 60_000);
afterAll(async () => {
  await t?.close();
  await db?.drop();
});

const run = (fixture: string): Promise<ImportSummary> =>
  importStackExchange({ databaseUrl: db.url, dir: join(FIXTURES, fixture), site: `${fixture}.example.com` });

/** The imported question with this original id, through the API. */
async function question(fixture: string, sourceId: string, fields: string): Promise<any> {
  const [{ id }] = await t.dataSource.query(
    `SELECT target_id AS id FROM post_sources WHERE site = $1 AND kind = 'QUESTION' AND source_id = $2`,
    [`${fixture}.example.com`, sourceId],
  );
  const res = await t.gql(`query($id: ID!) { question(id: $id) { ${fields} } }`, { id });
  expect(res.errors).toBeUndefined();
  return res.data!.question;
}

describe('Stack Exchange import edge cases', () => {
  it('without Users.xml, names authors "user N" and still links their profiles', async () => {
    const s = await run('missing-users');
    expect(s.skipped).toEqual([]);
    expect(s.users.created).toBe(3);
    const q = await question(
      'missing-users',
      '10',
      `status author { displayName } source { authorName authorUrl license }
       acceptedAnswer { isAccepted author { displayName } source { url authorName license } comments(first: 5) { edges { node { body status author { displayName } } } } }`,
    );
    expect(q.status).toBe('ANSWERED');
    expect(q.author.displayName).toBe('user 7');
    expect(q.source).toEqual({
      authorName: 'user 7',
      authorUrl: 'https://missing-users.example.com/users/7',
      license: 'CC BY-SA 3.0',
    });
    expect(q.acceptedAnswer.isAccepted).toBe(true);
    expect(q.acceptedAnswer.author.displayName).toBe('user 9');
    expect(q.acceptedAnswer.source).toEqual({
      url: 'https://missing-users.example.com/a/12',
      authorName: 'user 9',
      license: 'CC BY-SA 4.0',
    });
    expect(q.acceptedAnswer.comments.edges).toEqual([
      {
        node: {
          body: 'The log of projects helped me in interviews too.',
          status: 'PUBLISHED',
          author: { displayName: 'user 7' },
        },
      },
    ]);
    const rows = await t.dataSource.query(
      `SELECT u.password_hash FROM post_sources ps JOIN users u ON u.id = ps.target_id WHERE ps.site = 'missing-users.example.com' AND ps.kind = 'USER'`,
    );
    expect(rows).toEqual([{ password_hash: null }, { password_hash: null }, { password_hash: null }]);
  });

  it('attributes a post whose owner was deleted to the name the dump kept, without a profile link', async () => {
    const s = await run('deleted-owner');
    expect(s.skipped).toEqual([]);
    const q = await question(
      'deleted-owner',
      '20',
      `author { displayName } source { authorName authorUrl } answers(first: 5) { edges { node { source { authorName authorUrl } } } }`,
    );
    expect(q.author.displayName).toBe('deleted user');
    expect(q.source).toEqual({ authorName: 'Former Member', authorUrl: null });
    expect(q.answers.edges[0].node.source).toEqual({
      authorName: 'Dana Planner',
      authorUrl: 'https://deleted-owner.example.com/users/1',
    });
    const [comment] = await t.dataSource.query(
      `SELECT ps.author_name, ps.author_url, c.status FROM post_sources ps JOIN comments c ON c.id = ps.target_id WHERE ps.site = 'deleted-owner.example.com' AND ps.kind = 'COMMENT'`,
    );
    expect(comment).toEqual({ author_name: 'Gone Away', author_url: null, status: 'PUBLISHED' });
  });

  it('decodes HTML entities and converts the HTML body to Markdown', async () => {
    await run('html-entities');
    const q = await question('html-entities', '30', 'title body author { displayName } source { license }');
    expect(q.title).toBe('R&D projects & budgets on a CV — worth it?');
    expect(q.body).toContain('Should I list **R&D** projects & their budgets');
    expect(q.body).toContain('Café — naïve');
    expect(q.body).toMatch(/```\nif \(a < b\) \{ \}\n/);
    expect(q.body).not.toMatch(/&amp;|&lt;|<p>|<strong>/);
    expect(q.author.displayName).toBe('Zoë & Co');
    expect(q.source.license).toBe('CC BY-SA 4.0');
  });

  it('imports a closed question as closed, with its score, views and dates', async () => {
    await run('closed-question');
    const q = await question('closed-question', '40', 'status closedAt score createdAt lastActivityAt tags { name }');
    expect(q).toEqual({
      status: 'CLOSED',
      closedAt: '2014-05-02T08:30:00.000Z',
      score: -2,
      createdAt: '2014-05-01T10:00:00.000Z',
      lastActivityAt: '2014-05-03T10:00:00.000Z',
      tags: [{ name: 'tools' }],
    });
    const [row] = await t.dataSource.query(
      `SELECT view_count FROM questions q JOIN post_sources ps ON ps.target_id = q.id WHERE ps.site = 'closed-question.example.com'`,
    );
    expect(row.view_count).toBe(77);
  });

  it('reads tags in the <a><b> and |a|b| forms, lower-cases them and reports invalid ones', async () => {
    const s = await run('angle-tags');
    expect(s.invalidTags).toEqual([{ postId: '50', tag: 'not a valid tag!' }]);
    expect((await question('angle-tags', '50', 'tags { name }')).tags.map((x: any) => x.name)).toEqual([
      'certification',
      'pmp',
      'prince2',
    ]);
    expect((await question('angle-tags', '51', 'tags { name questionCount }')).tags).toEqual([
      { name: 'agile', questionCount: 1 },
      { name: 'pmo', questionCount: 2 }, // also on the deleted-owner fixture's question
    ]);
  });

  it('reports bad rows with their ids and imports the rest', async () => {
    const s = await run('bad-row');
    expect(s.questions.created).toBe(1);
    expect(s.answers.created).toBe(1);
    expect(s.comments.created).toBe(1);
    const skipped = Object.fromEntries(s.skipped.map((r) => [`${r.file}:${r.id}`, r.reason]));
    expect(Object.keys(skipped).sort()).toEqual(
      [
        'Comments.xml:601',
        'Comments.xml:602',
        'Posts.xml:61',
        'Posts.xml:63',
        'Posts.xml:64',
        'Posts.xml:66',
        'Posts.xml:x62',
      ].sort(),
    );
    expect(skipped['Posts.xml:63']).toMatch(/question 9999 not imported/);
    expect(skipped['Posts.xml:66']).toMatch(/out of range/);
    expect((await question('bad-row', '60', 'answerCount')).answerCount).toBe(1);
    // Idempotent here too: the good rows are found, the bad ones reported again.
    const again = await run('bad-row');
    expect([again.questions, again.answers, again.comments]).toEqual([
      { created: 0, existing: 1 },
      { created: 0, existing: 1 },
      { created: 0, existing: 1 },
    ]);
    expect(again.skipped).toHaveLength(7);
  });

  it('leaves every counter consistent after all of them', async () => {
    expect(await counterMismatches((sql) => t.dataSource.query(sql))).toEqual({});
  });

  it('stops at a truncated Posts.xml naming the file and line, keeps the rows before the break, and completes idempotently once fixed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crossroads-truncated-'));
    try {
      const site = 'truncated.example.com';
      const full = readFileSync(join(FIXTURES, 'missing-users', 'Posts.xml'), 'utf8');
      copyFileSync(join(FIXTURES, 'missing-users', 'Comments.xml'), join(dir, 'Comments.xml'));
      // cut in the middle of the third row (line 6): questions 10 and answer 11 are complete before it
      writeFileSync(join(dir, 'Posts.xml'), full.slice(0, full.indexOf('<row Id="12"') + 40));
      const cut = importStackExchange({ databaseUrl: db.url, dir, site });
      await expect(cut).rejects.toThrow(/Posts\.xml.* line 6\b/);
      await expect(cut).rejects.toThrow(/2 complete rows before the break were imported/);
      // the command says so and exits non-zero (it finds the same rows again: nothing new)
      const cli = join(
        dirname(fileURLToPath(import.meta.url)),
        '../../../dist/api/apps/api/src/cli/import-stackexchange.js',
      );
      const child = spawn(process.execPath, [cli, '--dir', dir, '--site', site], {
        env: { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: 'silent' },
        stdio: 'pipe',
      });
      let out = '';
      child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
      child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
      expect(await new Promise<number | null>((r) => child.once('exit', (c) => r(c)))).toBe(1);
      expect(out).toMatch(/Posts\.xml is cut off or not well-formed at line 6\b/);
      expect(out).toMatch(/questions: 0 new, 1 already imported/);
      const sources = async () =>
        (
          await t.dataSource.query(
            `SELECT kind, source_id FROM post_sources WHERE site = $1 AND kind <> 'USER' ORDER BY kind, source_id`,
            [site],
          )
        ).map((r: any) => `${r.kind}:${r.source_id}`);
      // the rows before the break, and nothing from the files after it
      expect(await sources()).toEqual(['ANSWER:11', 'QUESTION:10']);

      writeFileSync(join(dir, 'Posts.xml'), full);
      const fixed = await importStackExchange({ databaseUrl: db.url, dir, site });
      expect([fixed.questions, fixed.answers, fixed.comments]).toEqual([
        { created: 0, existing: 1 },
        { created: 1, existing: 1 },
        { created: 1, existing: 0 },
      ]);
      expect(fixed.acceptedAnswers).toBe(1);
      expect(fixed.skipped).toEqual([]);
      expect(await sources()).toEqual(['ANSWER:11', 'ANSWER:12', 'COMMENT:100', 'QUESTION:10']);
      const [q] = await t.dataSource.query(
        `SELECT q.answer_count, a.is_accepted FROM questions q JOIN answers a ON a.id = q.accepted_answer_id JOIN post_sources ps ON ps.target_id = q.id WHERE ps.site = $1`,
        [site],
      );
      expect(q).toEqual({ answer_count: 2, is_accepted: true });

      const again = await importStackExchange({ databaseUrl: db.url, dir, site });
      expect([again.questions, again.answers, again.comments, again.acceptedAnswers]).toEqual([
        { created: 0, existing: 1 },
        { created: 0, existing: 2 },
        { created: 0, existing: 1 },
        0,
      ]);
      expect(await counterMismatches((sql) => t.dataSource.query(sql))).toEqual({});
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a folder without Posts.xml', async () => {
    await expect(importStackExchange({ databaseUrl: db.url, dir: FIXTURES, site: 'x.example.com' })).rejects.toThrow(
      /Posts\.xml not found/,
    );
  });
});
