import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';

export const ROOT = join(import.meta.dirname, '../../../../..');
export const API_DIST = join(ROOT, 'dist/api/apps/api/src');
export const BENCH_SEED = 1;
export const JWT_SECRET = 'crossroads-bench-secret-not-for-production-0123456789';

export interface Server {
  /** postgres://… of the server's `postgres` database. */
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export const withDatabase = (serverUrl: string, name: string) => {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

export async function query<T = Record<string, unknown>>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, application_name: 'crossroads-bench' });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** DATABASE_URL's server (default: the local PostgreSQL), or the embedded PostgreSQL when none answers. */
export async function connectServer(log: (msg: string) => void): Promise<Server> {
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  try {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
    await client.connect();
    await client.end();
    return { url, embedded: false, stop: async () => undefined };
  } catch {
    log(`No PostgreSQL answers at ${new URL(url).host}: using the embedded PostgreSQL (in .data/bench)`);
    const platform = (await import(pathToFileURL(join(ROOT, 'dist/api/libs/api/platform/src/index.js')).href)) as {
      openDatabase(
        c: { databaseUrl?: string; dataDir: string },
        log: (m: string) => void,
      ): Promise<{ url: string; close(): Promise<void> }>;
    };
    const db = await platform.openDatabase({ dataDir: join(ROOT, '.data/bench') }, () => undefined);
    return { url: withDatabase(db.url, 'postgres'), embedded: true, stop: () => db.close() };
  }
}

/** Runs a built API command (node dist/…) and fails with its output when it fails. */
export function runNode(script: string, args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(API_DIST, script), ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${script} failed (${code}):\n${out.slice(-2000)}`)),
    );
  });
}

const MARK = (questions: number) => `crossroads-bench: ${questions} questions, seed ${BENCH_SEED}, complete`;

/**
 * crossroads_bench_<size>: reused when a previous run filled it completely (marked by a comment on
 * the database), else created afresh, migrated, filled by the generator and analysed.
 */
export async function ensureBenchDatabase(
  server: Server,
  label: string,
  questions: number,
  fresh: boolean,
  log: (msg: string) => void,
) {
  const name = `crossroads_bench_${label}`;
  const url = withDatabase(server.url, name);
  const [existing] = await query<{ mark: string | null }>(
    server.url,
    `SELECT shobj_description(oid, 'pg_database') AS mark FROM pg_database WHERE datname = $1`,
    [name],
  );
  const env = { DATABASE_URL: url, NODE_ENV: 'development' };
  if (existing && existing.mark === MARK(questions) && !fresh) {
    log(`Reusing ${name} (${questions} questions); --fresh rebuilds it`);
    await runNode('cli/db-migrate.js', [], env);
    return { name, url, generated: null as null | string };
  }
  if (existing) await query(server.url, `DROP DATABASE "${name}" WITH (FORCE)`);
  log(`Filling ${name} with ${questions} generated questions`);
  const generation = await generateInto(server, name, questions);
  await query(url, 'VACUUM ANALYZE');
  await query(server.url, `COMMENT ON DATABASE "${name}" IS '${MARK(questions)}'`);
  return { name, url, generated: generation.summary };
}

/** A new database `name`, migrated and filled by `generate-data` (seed BENCH_SEED), timed. */
export async function generateInto(server: Server, name: string, questions: number): Promise<Generation> {
  await query(server.url, `CREATE DATABASE "${name}"`);
  const started = Date.now();
  const out = await runNode('cli/generate-data.js', ['--questions', String(questions), '--seed', String(BENCH_SEED)], {
    DATABASE_URL: withDatabase(server.url, name),
    NODE_ENV: 'development',
  });
  const ms = Date.now() - started;
  const summary = out.split('\n').find((l) => l.startsWith('Generated')) ?? `generated in ${(ms / 1000).toFixed(1)} s`;
  return { questions, ms, summary };
}

/** How long `generate-data` took to fill a fresh database (migrations and the load, VACUUM ANALYZE after it not counted). */
export interface Generation {
  questions: number;
  ms: number;
  summary: string;
}

export interface Fixtures {
  /** `sessionId`: a live session (refresh-token family) of theirs, which the API checks on every request. */
  viewer: { id: string; handle: string; sessionId: string };
  /** Questions made for the question page: one with 1 answer, one with 30 (old, so off the first feed pages). */
  oneAnswer: string;
  thirtyAnswers: string;
  /** The busiest tag (its feed is a guest read), and a published article's slug (about 6 KB of Markdown). */
  tag: string;
  article: string;
  /** Established users (old accounts, reputation) for the mutation load, with their tokens (minted on read: they live 15 minutes). */
  members: Array<{ id: string; handle: string; readonly token: string }>;
}

/** Bench-only rows, made once per database (idempotent): fixture questions, members, mentor profiles. */
export async function ensureFixtures(url: string, members: number): Promise<Fixtures> {
  const client = new pg.Client({ connectionString: url, application_name: 'crossroads-bench' });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT pg_advisory_xact_lock(4242)`);
    await client.query(
      `INSERT INTO users (handle, display_name, role, reputation, created_at)
       SELECT 'bench-' || i, 'Bench member ' || i, 'MEMBER', 5000, now() - interval '400 days' FROM generate_series(1, $1) i
       ON CONFLICT DO NOTHING`,
      [Math.max(members, 40)],
    );
    const users = (await client.query(`SELECT id, handle FROM users WHERE handle LIKE 'bench-%' ORDER BY id`))
      .rows as Array<{ id: string; handle: string }>;
    const byHandle = new Map(users.map((u) => [u.handle, u.id]));
    // Mentor profiles (some verified) so author badges and suggested mentors have something to show.
    const tags = (await client.query(`SELECT name FROM tags ORDER BY question_count DESC, name LIMIT 12`)).rows.map(
      (r: { name: string }) => r.name,
    );
    await client.query(
      `INSERT INTO mentor_profiles (user_id, headline, years_experience, expertise, verified_at)
       SELECT u.id, 'Benchmark mentor ' || u.handle, 10, ARRAY[($1::varchar[])[(i % 12) + 1], ($1::varchar[])[((i + 5) % 12) + 1]],
              CASE WHEN i % 2 = 0 THEN now() END
       FROM (SELECT id, handle, row_number() OVER (ORDER BY handle) AS i FROM users WHERE handle LIKE 'bench-%' ORDER BY handle LIMIT 20) u
       ON CONFLICT DO NOTHING`,
      [tags],
    );
    const fixture = async (answers: number) => {
      const title = `Benchmark fixture question with ${answers} answer${answers === 1 ? '' : 's'} and their comments`;
      const found = (await client.query(`SELECT id FROM questions WHERE title = $1`, [title])).rows[0] as
        { id: string } | undefined;
      if (found) return found.id;
      const asker = byHandle.get('bench-1');
      const [q] = (
        await client.query(
          `INSERT INTO questions (author_id, title, body, tags, created_at, updated_at, last_activity_at)
           VALUES ($1, $2, $3, $4, '2001-01-01', '2001-01-01', '2001-01-01') RETURNING id`,
          [
            asker,
            title,
            'A question made by the benchmark so that the question page has a known shape. '.repeat(4),
            tags.slice(0, 3),
          ],
        )
      ).rows as Array<{ id: string }>;
      for (let c = 0; c < 3; c++) {
        await client.query(
          `INSERT INTO comments (post_type, post_id, question_id, author_id, body, status, created_at) VALUES ('QUESTION', $1, $1, $2, $3, 'PUBLISHED', '2001-01-02'::timestamptz + $4 * interval '1 minute')`,
          [q.id, byHandle.get(`bench-${c + 2}`), `A comment on the question, number ${c + 1}.`, c],
        );
      }
      for (let a = 0; a < answers; a++) {
        const [ans] = (
          await client.query(
            `INSERT INTO answers (question_id, author_id, body, score, created_at, updated_at) VALUES ($1, $2, $3, $4, '2001-01-03'::timestamptz + $5 * interval '1 minute', '2001-01-03') RETURNING id`,
            [
              q.id,
              byHandle.get(`bench-${(a % 35) + 5}`),
              `Answer ${a + 1}: a considered answer written for the benchmark. `.repeat(6),
              (a * 7) % 11,
              a,
            ],
          )
        ).rows as Array<{ id: string }>;
        for (let c = 0; c < 2; c++) {
          await client.query(
            `INSERT INTO comments (post_type, post_id, question_id, author_id, body, status, created_at) VALUES ('ANSWER', $1, $2, $3, $4, 'PUBLISHED', '2001-01-04'::timestamptz + $5 * interval '1 minute')`,
            [ans.id, q.id, byHandle.get(`bench-${c + 2}`), `A comment on answer ${a + 1}.`, c],
          );
        }
      }
      return q.id;
    };
    const oneAnswer = await fixture(1);
    const thirtyAnswers = await fixture(30);
    const article = 'bench-from-support-to-project-management';
    await client.query(
      `INSERT INTO kb_topics (slug, name, description) VALUES ('bench-career-paths', 'Career paths (benchmark)', 'Articles made by the benchmark.')
       ON CONFLICT (slug) DO NOTHING`,
    );
    const section = (n: number) =>
      `## Step ${n}: what changes\n\nA benchmark article section with **emphasis**, a [link](https://example.org/${n}) and a list:\n\n- plan the move\n- find a mentor\n- ask the community\n\n${'Moving from customer service into project management rewards the skills you already use every day. '.repeat(6)}\n`;
    await client.query(
      `INSERT INTO kb_articles (topic_id, slug, title, summary, body, tags, author_id, status, published_at, created_at, updated_at)
       SELECT t.id, $1::varchar, 'From customer support to project management (benchmark)', 'A benchmark article of about 6 KB.', $2, $3,
              $4, 'PUBLISHED', '2001-01-05', '2001-01-05', '2001-01-05'
       FROM kb_topics t WHERE t.slug = 'bench-career-paths'
       AND NOT EXISTS (SELECT 1 FROM kb_articles WHERE slug = $1::varchar)`,
      [article, [1, 2, 3, 4, 5, 6, 7, 8].map(section).join('\n'), tags.slice(0, 2), byHandle.get('bench-1')],
    );
    await client.query('COMMIT');
    // The viewer: the generated user with the most votes, so viewerVote varies on the feed.
    const [viewer] = (
      await client.query(
        `SELECT u.id, u.handle FROM users u JOIN (SELECT user_id, count(*) n FROM votes GROUP BY user_id ORDER BY n DESC LIMIT 1) v ON v.user_id = u.id`,
      )
    ).rows as Array<{ id: string; handle: string }>;
    // A live session per signed-in user of the run: access tokens name it (sid), and the API refuses tokens of unknown sessions.
    const session = async (userId: string) =>
      (
        (
          await client.query(
            `INSERT INTO refresh_tokens (family_id, user_id, token_hash, expires_at)
             VALUES (gen_random_uuid(), $1, encode(sha256(gen_random_uuid()::text::bytea), 'hex'), now() + interval '1 day') RETURNING family_id`,
            [userId],
          )
        ).rows[0] as { family_id: string }
      ).family_id;
    const signedIn = [];
    for (const u of users.slice(0, members)) {
      const sessionId = await session(u.id);
      signedIn.push({
        ...u,
        get token() {
          return accessToken({ ...u, sessionId });
        },
      });
    }
    return {
      viewer: { ...viewer, sessionId: await session(viewer.id) },
      oneAnswer,
      thirtyAnswers,
      tag: tags[0],
      article,
      members: signedIn,
    };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    await client.end();
  }
}

/**
 * An access token as the API signs them (HS256, issuer and audience pinned, the session in `sid`),
 * valid 15 minutes, the longest the API accepts: mint one per measurement phase.
 */
export function accessToken(user: { id: string; handle: string; sessionId: string }, role = 'MEMBER'): string {
  const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    sub: user.id,
    sid: user.sessionId,
    handle: user.handle,
    role,
    iat: now,
    exp: now + 900,
    aud: 'crossroads-api',
    iss: 'crossroads',
  };
  const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`;
  return `${unsigned}.${createHmac('sha256', JWT_SECRET).update(unsigned).digest('base64url')}`;
}
