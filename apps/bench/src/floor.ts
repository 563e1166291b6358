import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import pg from 'pg';

/*
 * The floor: node:http + pg running the best hand-written SQL we know for the feed page, a tag's
 * feed, the question page and an article (one statement each), answering exactly the JSON the
 * GraphQL API answers for queries.ts's FEED, TAG_FEED, QUESTION and ARTICLE. It verifies the same bearer token (HS256) to know the viewer.
 * Run as its own process: FLOOR_DATABASE_URL, FLOOR_PORT, JWT_SECRET.
 */

const FEED_SQL = (tagged: boolean) => `SELECT ${
  tagged
    ? `coalesce((SELECT question_count FROM tags WHERE name = $3), 0)`
    : `(SELECT value FROM qa_counters WHERE name = 'questions')`
}::int AS total,
    q.id, q.title, q.created_at, q.score, q.answer_count, q.view_count, q.closed_at IS NOT NULL AS closed, q.accepted_answer_id,
    q.tags, u.handle, u.reputation, v.value AS vote, aa.id AS accepted_id
  FROM questions q
  JOIN users u ON u.id = q.author_id
  LEFT JOIN votes v ON v.post_id = q.id AND v.user_id = $1::uuid
  LEFT JOIN answers aa ON aa.id = q.accepted_answer_id AND aa.deleted_at IS NULL
  WHERE q.deleted_at IS NULL${tagged ? ' AND q.tags @> ARRAY[$3]::varchar[]' : ''}
  ORDER BY q.created_at DESC, q.id DESC
  LIMIT $2`;
const ALL_FEED_SQL = FEED_SQL(false);
const TAG_FEED_SQL = FEED_SQL(true);

const ARTICLE_SQL = `SELECT a.id, a.slug, a.title, a.summary, a.body, a.created_at, a.updated_at,
    u.handle, u.display_name, t.slug AS topic_slug, t.name AS topic_name
  FROM kb_articles a
  JOIN users u ON u.id = a.author_id
  JOIN kb_topics t ON t.id = a.topic_id
  WHERE a.slug = $1 AND a.status = 'PUBLISHED'`;

const commentsOf = (
  post: string,
) => `(SELECT coalesce(json_agg(json_build_array(c.body, cu.handle) ORDER BY c.created_at, c.id), '[]')
    FROM (SELECT * FROM comments c0 WHERE c0.post_id = ${post} AND c0.status = 'PUBLISHED' AND c0.deleted_at IS NULL
          ORDER BY c0.created_at, c0.id LIMIT 20) c
    LEFT JOIN users cu ON cu.id = c.author_id)`;

const QUESTION_SQL = `SELECT q.id, q.title, q.body, q.created_at, q.score, q.closed_at IS NOT NULL AS closed, q.accepted_answer_id, q.tags,
    q.comment_count, q.answer_count, u.handle, u.reputation, mp.user_id IS NOT NULL AS mentor, mp.verified_at IS NOT NULL AS verified,
    v.value AS vote, ${commentsOf('q.id')} AS comments,
    (SELECT coalesce(json_agg(json_build_array(a.id, a.body, a.score, av.value, a.is_accepted, au.handle, au.reputation,
              amp.user_id IS NOT NULL, amp.verified_at IS NOT NULL, a.comment_count, ${commentsOf('a.id')})
            ORDER BY a.is_accepted DESC, a.score DESC, a.created_at, a.id), '[]')
       FROM (SELECT * FROM answers a0 WHERE a0.question_id = q.id AND a0.deleted_at IS NULL
             ORDER BY a0.is_accepted DESC, a0.score DESC, a0.created_at, a0.id LIMIT 30) a
       JOIN users au ON au.id = a.author_id
       LEFT JOIN mentor_profiles amp ON amp.user_id = a.author_id
       LEFT JOIN votes av ON av.post_id = a.id AND av.user_id = $2::uuid) AS answers
  FROM questions q
  JOIN users u ON u.id = q.author_id
  LEFT JOIN mentor_profiles mp ON mp.user_id = q.author_id
  LEFT JOIN votes v ON v.post_id = q.id AND v.user_id = $2::uuid
  WHERE q.id = $1::uuid AND q.deleted_at IS NULL`;

type Row = Record<string, unknown>;
type CommentTuple = [string, string | null];
type AnswerTuple = [
  string,
  string,
  number,
  number | null,
  boolean,
  string,
  number,
  boolean,
  boolean,
  number,
  CommentTuple[],
];

const status = (r: Row) => (r.closed ? 'CLOSED' : r.accepted_answer_id ? 'ANSWERED' : 'OPEN');
const comments = (total: number, list: CommentTuple[]) => ({
  totalCount: total,
  edges: list.map(([body, handle]) => ({ node: { body, author: handle === null ? null : { handle } } })),
});

export function feedJson(rows: Row[], first: number, viewerId: string | null): string {
  const page = rows.slice(0, first);
  const last = page[page.length - 1];
  return JSON.stringify({
    data: {
      questions: {
        totalCount: rows.length ? Number(rows[0].total) : 0,
        edges: page.map((r) => ({
          node: {
            id: r.id,
            title: r.title,
            createdAt: (r.created_at as Date).toISOString(),
            score: r.score,
            answerCount: r.answer_count,
            viewCount: r.view_count,
            status: status(r),
            viewerVote: viewerId ? Number(r.vote ?? 0) : null,
            author: { handle: r.handle, reputation: r.reputation },
            tags: (r.tags as string[]).map((name) => ({ name })),
            acceptedAnswer: r.accepted_id ? { id: r.accepted_id } : null,
          },
        })),
        pageInfo: {
          hasNextPage: rows.length > first,
          endCursor: last
            ? Buffer.from(
                JSON.stringify(['questions:NEWEST', (last.created_at as Date).getTime(), last.id]),
                'utf8',
              ).toString('base64url')
            : null,
        },
      },
    },
  });
}

export function questionJson(r: Row | undefined, viewerId: string | null): string {
  if (!r) return JSON.stringify({ data: { question: null } });
  const vote = (v: unknown) => (viewerId ? Number(v ?? 0) : null);
  const answers = r.answers as AnswerTuple[];
  return JSON.stringify({
    data: {
      question: {
        id: r.id,
        title: r.title,
        body: r.body,
        createdAt: (r.created_at as Date).toISOString(),
        score: r.score,
        viewerVote: vote(r.vote),
        status: status(r),
        author: {
          handle: r.handle,
          reputation: r.reputation,
          mentorProfile: r.mentor ? { verified: r.verified } : null,
        },
        tags: (r.tags as string[]).map((name) => ({ name })),
        comments: comments(Number(r.comment_count), r.comments as CommentTuple[]),
        answers: {
          totalCount: r.answer_count,
          edges: answers.map(
            ([id, body, score, v, isAccepted, handle, reputation, mentor, verified, commentCount, list]) => ({
              node: {
                id,
                body,
                score,
                viewerVote: vote(v),
                isAccepted,
                author: { handle, reputation, mentorProfile: mentor ? { verified } : null },
                comments: comments(commentCount, list),
              },
            }),
          ),
        },
      },
    },
  });
}

export function articleJson(r: Row | undefined): string {
  if (!r) return JSON.stringify({ data: { article: null } });
  return JSON.stringify({
    data: {
      article: {
        id: r.id,
        slug: r.slug,
        title: r.title,
        summary: r.summary,
        body: r.body,
        createdAt: (r.created_at as Date).toISOString(),
        updatedAt: (r.updated_at as Date).toISOString(),
        author: { handle: r.handle, displayName: r.display_name },
        topic: { slug: r.topic_slug, name: r.topic_name },
      },
    },
  });
}

/** The viewer of a bearer token signed with `secret` (HS256), or null. */
export function viewerOf(header: string | undefined, secret: string): string | null {
  const token = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
  if (!token) return null;
  const [head, payload, signature] = token.split('.');
  if (!signature) return null;
  const expected = createHmac('sha256', secret).update(`${head}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub?: string; exp?: number };
  if (!claims.sub || (claims.exp !== undefined && claims.exp * 1000 < Date.now())) return null;
  return claims.sub;
}

async function body(req: IncomingMessage): Promise<{ variables?: Record<string, unknown> }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { variables?: Record<string, unknown> };
}

export function startFloor(databaseUrl: string, port: number, secret: string) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 20, application_name: 'crossroads-bench-floor' });
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const send = (code: number, json: string) => {
      res.writeHead(code, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(json),
      });
      res.end(json);
    };
    void (async () => {
      try {
        const { variables = {} } = await body(req);
        const viewer = viewerOf(req.headers.authorization, secret);
        if (req.url === '/feed' || req.url === '/tag-feed') {
          const first = Math.min(Math.max(Number(variables.first ?? 20), 1), 50);
          const { rows } =
            req.url === '/feed'
              ? await pool.query(ALL_FEED_SQL, [viewer, first + 1])
              : await pool.query(TAG_FEED_SQL, [viewer, first + 1, String(variables.tag)]);
          send(200, `${feedJson(rows, first, viewer)}\n`); // the API ends its bodies with a newline too
        } else if (req.url === '/article') {
          const { rows } = await pool.query(ARTICLE_SQL, [String(variables.slug)]);
          send(200, `${articleJson(rows[0])}\n`);
        } else if (req.url === '/question') {
          const { rows } = await pool.query(QUESTION_SQL, [String(variables.id), viewer]);
          send(200, `${questionJson(rows[0], viewer)}\n`);
        } else send(404, '{"error":"not found"}');
      } catch (e) {
        send(500, JSON.stringify({ error: (e as Error).message }));
      }
    })();
  });
  server.listen(port, '127.0.0.1');
  return server;
}

if (process.env.FLOOR_DATABASE_URL) {
  const server = startFloor(
    process.env.FLOOR_DATABASE_URL,
    Number(process.env.FLOOR_PORT),
    process.env.JWT_SECRET ?? '',
  );
  server.on('listening', () => process.stdout.write('floor ready\n'));
  process.on('SIGTERM', () => process.exit(0));
}
