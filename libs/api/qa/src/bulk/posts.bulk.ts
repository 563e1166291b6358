import { rows as run, type Db } from '@crossroads/api-platform';
import type { QaPostType } from '../common/post-type.js';

/**
 * Bulk writes of qa's posts for the importer, in the caller's transaction and with qa's triggers on
 * (they keep the counters, tag counts and search vectors). The caller vouches for the rows: they have
 * been validated and clipped to qa's limits.
 */

/** Creates the tags that do not exist yet; returns how many were created. */
export async function ensureTags(db: Db, names: readonly string[]): Promise<number> {
  if (!names.length) return 0;
  const [row] = await run<{ n: number }>(
    db,
    `WITH ins AS (INSERT INTO tags (name) SELECT DISTINCT unnest($1::varchar[]) ORDER BY 1 ON CONFLICT (name) DO NOTHING RETURNING 1)
     SELECT count(*)::int AS n FROM ins`,
    [[...names]],
  );
  return row?.n ?? 0;
}

export interface BulkQuestion {
  id: string;
  authorId: string;
  title: string;
  body: string;
  tags: string[];
  score: number;
  viewCount: number;
  closedAt: Date | null;
  createdAt: Date;
  updatedAt: Date | null;
  lastActivityAt: Date | null;
}

export async function bulkInsertQuestions(db: Db, rows: readonly BulkQuestion[]): Promise<void> {
  if (!rows.length) return;
  await run(
    db,
    `INSERT INTO questions (id, author_id, title, body, tags, score, view_count, closed_at, created_at, updated_at, last_activity_at)
     SELECT id, author, title, body, string_to_array(tags, ' ')::varchar[], score, views, closed, created, coalesce(edited, created), coalesce(active, created)
       FROM unnest($1::uuid[], $2::uuid[], $3::varchar[], $4::text[], $5::text[], $6::int[], $7::int[], $8::timestamptz[], $9::timestamptz[], $10::timestamptz[], $11::timestamptz[])
         AS t(id, author, title, body, tags, score, views, closed, created, edited, active)`,
    [
      rows.map((r) => r.id),
      rows.map((r) => r.authorId),
      rows.map((r) => r.title),
      rows.map((r) => r.body),
      rows.map((r) => r.tags.join(' ')),
      rows.map((r) => r.score),
      rows.map((r) => r.viewCount),
      rows.map((r) => r.closedAt?.toISOString() ?? null),
      rows.map((r) => r.createdAt.toISOString()),
      rows.map((r) => r.updatedAt?.toISOString() ?? null),
      rows.map((r) => r.lastActivityAt?.toISOString() ?? null),
    ],
  );
}

export interface BulkAnswer {
  id: string;
  questionId: string;
  authorId: string;
  body: string;
  score: number;
  createdAt: Date;
  updatedAt: Date | null;
}

export async function bulkInsertAnswers(db: Db, rows: readonly BulkAnswer[]): Promise<void> {
  if (!rows.length) return;
  await run(
    db,
    `INSERT INTO answers (id, question_id, author_id, body, score, created_at, updated_at)
     SELECT id, question, author, body, score, created, coalesce(edited, created)
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::int[], $6::timestamptz[], $7::timestamptz[]) AS t(id, question, author, body, score, created, edited)`,
    [
      rows.map((r) => r.id),
      rows.map((r) => r.questionId),
      rows.map((r) => r.authorId),
      rows.map((r) => r.body),
      rows.map((r) => r.score),
      rows.map((r) => r.createdAt.toISOString()),
      rows.map((r) => r.updatedAt?.toISOString() ?? null),
    ],
  );
}

/**
 * Marks accepted answers where the question has none yet. Pairs whose answer is not an answer to
 * that question are left out of the result; `marked` is false where the question already had one.
 */
export async function bulkMarkAccepted(
  db: Db,
  pairs: ReadonlyArray<{ questionId: string; answerId: string }>,
): Promise<Array<{ questionId: string; answerId: string; marked: boolean }>> {
  if (!pairs.length) return [];
  return run(
    db,
    `WITH v AS (SELECT * FROM unnest($1::uuid[], $2::uuid[]) AS v(qid, aid)),
          m AS (SELECT v.qid, v.aid FROM v JOIN answers an ON an.id = v.aid AND an.question_id = v.qid),
          upd AS (UPDATE questions q SET accepted_answer_id = m.aid FROM m WHERE q.id = m.qid AND q.accepted_answer_id IS NULL RETURNING m.qid, m.aid),
          acc AS (UPDATE answers a SET is_accepted = true FROM upd WHERE a.id = upd.aid AND NOT a.is_accepted RETURNING a.id)
     SELECT m.qid AS "questionId", m.aid AS "answerId", (upd.qid IS NOT NULL) AS marked FROM m LEFT JOIN upd ON upd.qid = m.qid`,
    [pairs.map((p) => p.questionId), pairs.map((p) => p.answerId)],
  );
}

/** The question of each of these answers. */
export async function questionsOfAnswers(db: Db, answerIds: readonly string[]): Promise<Map<string, string>> {
  if (!answerIds.length) return new Map();
  const found = await run<{ id: string; questionId: string }>(
    db,
    `SELECT id, question_id AS "questionId" FROM answers WHERE id = ANY($1::uuid[])`,
    [[...answerIds]],
  );
  return new Map(found.map((r) => [r.id, r.questionId]));
}

export interface BulkComment {
  id: string;
  postType: QaPostType;
  postId: string;
  questionId: string;
  authorId: string;
  body: string;
  createdAt: Date;
}

/** Published comments (imported ones were public where they came from). */
export async function bulkInsertComments(db: Db, rows: readonly BulkComment[]): Promise<void> {
  if (!rows.length) return;
  await run(
    db,
    `INSERT INTO comments (id, post_type, post_id, question_id, author_id, body, status, created_at, updated_at)
     SELECT id, kind, post, question, author, body, 'PUBLISHED', created, created
       FROM unnest($1::uuid[], $2::qa_post_type[], $3::uuid[], $4::uuid[], $5::uuid[], $6::varchar[], $7::timestamptz[]) AS t(id, kind, post, question, author, body, created)`,
    [
      rows.map((r) => r.id),
      rows.map((r) => r.postType),
      rows.map((r) => r.postId),
      rows.map((r) => r.questionId),
      rows.map((r) => r.authorId),
      rows.map((r) => r.body),
      rows.map((r) => r.createdAt.toISOString()),
    ],
  );
}

/** Every question ever written, deleted ones too (for tools that only fill an empty database). */
export async function countAllQuestions(db: Db): Promise<number> {
  const [row] = await run<{ n: number }>(db, `SELECT count(*)::int AS n FROM questions`);
  return row?.n ?? 0;
}
