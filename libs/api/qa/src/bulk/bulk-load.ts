import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { QaPostType } from '../common/post-type.js';
import { REPUTATION_POINTS } from '../reputation/reputation.service.js';
import type { ReputationKind } from '../reputation/reputation-event.entity.js';

/**
 * The fastest way into qa's tables, for generated benchmark volume: COPY with qa's per-row triggers
 * off for the caller's transaction (session_replication_role = replica, which needs a superuser).
 * What the triggers and services would maintain, qa derives here from the batch: scores, answer,
 * positive-answer and comment counts, the accepted answer, last activity, search vectors, and the
 * reputation ledger (returned per user for the accounts context's cached reputation). After the
 * last batch, `finishBulkLoad` recomputes tag counts and qa's counters set-based.
 *
 * Votes and acceptances must concern posts of the same batch; every voter earns reputation
 * (generated accounts are old enough).
 */
export interface LoadQuestion {
  id: string;
  authorId: string;
  title: string;
  body: string;
  tags: string[];
  viewCount: number;
  createdAt: Date;
}

export interface LoadAnswer {
  id: string;
  questionId: string;
  authorId: string;
  body: string;
  createdAt: Date;
  /** When the question's author accepted it (at most one per question), or null. */
  acceptedAt: Date | null;
}

export interface LoadComment {
  id: string;
  postType: QaPostType;
  postId: string;
  questionId: string;
  authorId: string;
  body: string;
  createdAt: Date;
}

export interface LoadVote {
  userId: string;
  postId: string;
  postType: QaPostType;
  value: 1 | -1;
  createdAt: Date;
}

export interface LoadBatch {
  questions: LoadQuestion[];
  answers: LoadAnswer[];
  comments: LoadComment[];
  votes: LoadVote[];
}

export interface LoadedBatch {
  reputationEvents: number;
  /** Points per user earned in this batch: the caller moves the accounts' cached reputation by them. */
  reputation: Map<string, number>;
}

const SPECIAL = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** COPY text format: backslash, tab, newline and carriage return escaped; null as \N. */
function esc(value: string | number | boolean | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return SPECIAL.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]) : value;
}
const line = (values: Array<string | number | boolean | null>) => values.map(esc).join('\t') + '\n';

/** Streams the rows as COPY text, formatting 2,000 at a time (the lines never all sit in memory). */
async function copy<T>(
  client: pg.ClientBase,
  sql: string,
  rows: readonly T[],
  toLine: (row: T) => string,
): Promise<void> {
  if (!rows.length) return;
  const stream = client.query(copyFrom(sql));
  async function* chunks() {
    for (let i = 0; i < rows.length; i += 2000) {
      let text = '';
      for (let j = i; j < Math.min(i + 2000, rows.length); j++) text += toLine(rows[j]);
      yield text;
    }
  }
  await pipeline(Readable.from(chunks()), stream);
}

/** Loads one batch inside the caller's transaction (BEGIN … COMMIT around it). */
export async function bulkLoadPosts(client: pg.ClientBase, batch: LoadBatch): Promise<LoadedBatch> {
  await client.query(`SET LOCAL session_replication_role = replica`).catch((e: Error) => {
    throw new Error(`a bulk load needs a superuser connection (to bypass the per-row triggers): ${e.message}`);
  });

  const authorOf = new Map<string, string>();
  const score = new Map<string, number>();
  const comments = new Map<string, number>();
  for (const q of batch.questions) authorOf.set(q.id, q.authorId);
  for (const a of batch.answers) authorOf.set(a.id, a.authorId);
  for (const v of batch.votes) score.set(v.postId, (score.get(v.postId) ?? 0) + v.value);
  for (const c of batch.comments) comments.set(c.postId, (comments.get(c.postId) ?? 0) + 1);

  const reputation = new Map<string, number>();
  const ledger: Array<[userId: string, kind: ReputationKind, postId: string, actorId: string, at: string]> = [];
  const award = (userId: string, kind: ReputationKind, postId: string, actorId: string, at: string) => {
    ledger.push([userId, kind, postId, actorId, at]);
    reputation.set(userId, (reputation.get(userId) ?? 0) + REPUTATION_POINTS[kind]);
  };
  // Dates as COPY text once each (a post's votes share their Date).
  const isoOf = new Map<Date, string>();
  const iso = (d: Date) => {
    let text = isoOf.get(d);
    if (text === undefined) isoOf.set(d, (text = d.toISOString()));
    return text;
  };
  for (const v of batch.votes) {
    const author = authorOf.get(v.postId);
    if (!author) throw new Error(`bulkLoadPosts: vote on post ${v.postId}, which is not in the batch`);
    award(
      author,
      v.value < 0 ? 'POST_DOWNVOTED' : v.postType === 'QUESTION' ? 'QUESTION_UPVOTED' : 'ANSWER_UPVOTED',
      v.postId,
      v.userId,
      iso(v.createdAt),
    );
  }

  const perQuestion = new Map<string, { answers: number; positive: number; accepted: string | null; last: number }>();
  for (const q of batch.questions)
    perQuestion.set(q.id, { answers: 0, positive: 0, accepted: null, last: q.createdAt.getTime() });
  for (const a of batch.answers) {
    const q = perQuestion.get(a.questionId);
    if (!q) throw new Error(`bulkLoadPosts: answer ${a.id} to question ${a.questionId}, which is not in the batch`);
    q.answers += 1;
    if ((score.get(a.id) ?? 0) > 0) q.positive += 1;
    q.last = Math.max(q.last, a.createdAt.getTime());
    if (a.acceptedAt) {
      if (q.accepted) throw new Error(`bulkLoadPosts: question ${a.questionId} has two accepted answers`);
      q.accepted = a.id;
      const asker = authorOf.get(a.questionId) as string;
      award(a.authorId, 'ANSWER_ACCEPTED', a.id, asker, iso(a.acceptedAt));
      award(asker, 'ACCEPTED_AN_ANSWER', a.id, asker, iso(a.acceptedAt));
    }
  }

  await client.query(
    `CREATE TEMP TABLE IF NOT EXISTS qa_bulk_questions (LIKE questions INCLUDING DEFAULTS) ON COMMIT DELETE ROWS`,
  );
  await copy(
    client,
    `COPY qa_bulk_questions (id, author_id, title, body, tags, score, answer_count, positive_answer_count, comment_count, view_count, accepted_answer_id, created_at, updated_at, last_activity_at) FROM STDIN`,
    batch.questions,
    (q) => {
      const s = perQuestion.get(q.id) as { answers: number; positive: number; accepted: string | null; last: number };
      const at = iso(q.createdAt);
      return line([
        q.id,
        q.authorId,
        q.title,
        q.body,
        `{${q.tags.join(',')}}`,
        score.get(q.id) ?? 0,
        s.answers,
        s.positive,
        comments.get(q.id) ?? 0,
        q.viewCount,
        s.accepted,
        at,
        at,
        new Date(s.last).toISOString(),
      ]);
    },
  );
  // The search vector as qa's trigger computes it (qa_questions_search_vector).
  await client.query(
    `INSERT INTO questions (id, author_id, title, body, tags, score, answer_count, positive_answer_count, comment_count, view_count, accepted_answer_id, created_at, updated_at, last_activity_at, search_vector)
     SELECT id, author_id, title, body, tags, score, answer_count, positive_answer_count, comment_count, view_count, accepted_answer_id, created_at, updated_at, last_activity_at,
            setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(body, '')), 'B')
       FROM qa_bulk_questions`,
  );
  await copy(
    client,
    `COPY answers (id, question_id, author_id, body, score, is_accepted, comment_count, created_at, updated_at) FROM STDIN`,
    batch.answers,
    (a) =>
      line([
        a.id,
        a.questionId,
        a.authorId,
        a.body,
        score.get(a.id) ?? 0,
        a.acceptedAt !== null,
        comments.get(a.id) ?? 0,
        iso(a.createdAt),
        iso(a.createdAt),
      ]),
  );
  await copy(
    client,
    `COPY comments (id, post_type, post_id, question_id, author_id, body, status, created_at, updated_at) FROM STDIN`,
    batch.comments,
    (c) =>
      line([
        c.id,
        c.postType,
        c.postId,
        c.questionId,
        c.authorId,
        c.body,
        'PUBLISHED',
        iso(c.createdAt),
        iso(c.createdAt),
      ]),
  );
  await copy(
    client,
    `COPY votes (user_id, post_id, post_type, value, created_at, updated_at) FROM STDIN`,
    batch.votes,
    (v) => line([v.userId, v.postId, v.postType, v.value, iso(v.createdAt), iso(v.createdAt)]),
  );
  await copy(
    client,
    `COPY reputation_events (id, user_id, kind, points, post_id, actor_id, created_at) FROM STDIN`,
    ledger,
    ([userId, kind, postId, actorId, at]) =>
      line([randomUUID(), userId, kind, REPUTATION_POINTS[kind], postId, actorId, at]),
  );
  return { reputationEvents: ledger.length, reputation };
}

/** After bulk loads: tag counts and qa's counters (what the per-row triggers keep), set-based. */
export async function finishBulkLoad(client: Pick<pg.ClientBase, 'query'>): Promise<void> {
  await client.query(`UPDATE tags t SET question_count = coalesce(x.n, 0)
    FROM tags t2 LEFT JOIN (SELECT unnest(tags) AS name, count(*)::int AS n FROM questions WHERE deleted_at IS NULL GROUP BY 1) x ON x.name = t2.name
    WHERE t.name = t2.name AND t.question_count IS DISTINCT FROM coalesce(x.n, 0)`);
  await client.query(
    `UPDATE qa_counters SET value = (SELECT count(*) FROM questions WHERE deleted_at IS NULL) WHERE name = 'questions'`,
  );
  await client.query(
    `UPDATE qa_counters SET value = (SELECT count(*) FROM questions WHERE deleted_at IS NULL AND accepted_answer_id IS NULL AND positive_answer_count = 0) WHERE name = 'unanswered'`,
  );
}
