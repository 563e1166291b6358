import type { EntityManager } from 'typeorm';
import type { PostType } from '../common/post-type.js';
import { affected, rows, type Db } from '@crossroads/api-platform';

/** The only SQL on the visibility columns (deleted_at / deleted_by / delete_reason) of qa's three post tables. */
const TABLE: Record<PostType, string> = { QUESTION: 'questions', ANSWER: 'answers', COMMENT: 'comments' };

export interface PostVisibilityRow {
  authorId: string | null;
  /** The question itself, or the question the answer or comment is on. */
  questionId: string;
  deletedAt: Date | null;
  deletedBy: string | null;
  deleteReason: string | null;
}

export async function lockVisibility(
  m: EntityManager,
  type: PostType,
  id: string,
): Promise<PostVisibilityRow | undefined> {
  const [post] = await rows<PostVisibilityRow>(
    m,
    `SELECT author_id AS "authorId", ${type === 'QUESTION' ? 'id' : 'question_id'} AS "questionId", deleted_at AS "deletedAt", deleted_by AS "deletedBy", delete_reason AS "deleteReason"
     FROM ${TABLE[type]} WHERE id = $1 FOR UPDATE`,
    [id],
  );
  return post;
}

/** A visible post's author (null for guests); undefined when it is hidden, held or absent. */
export async function visibleAuthor(
  m: EntityManager,
  type: PostType,
  id: string,
): Promise<{ authorId: string | null } | undefined> {
  const [post] = await rows<{ authorId: string | null }>(
    m,
    `SELECT author_id AS "authorId" FROM ${TABLE[type]} WHERE id = $1 AND deleted_at IS NULL${type === 'COMMENT' ? ` AND status = 'PUBLISHED'` : ''}`,
    [id],
  );
  return post;
}

export async function setHidden(
  m: EntityManager,
  type: PostType,
  id: string,
  by: string,
  reason: string,
): Promise<Date> {
  const [row] = await rows<{ deletedAt: Date }>(
    m,
    `UPDATE ${TABLE[type]} SET deleted_at = now(), deleted_by = $2, delete_reason = $3 WHERE id = $1 RETURNING deleted_at AS "deletedAt"`,
    [id, by, reason],
  );
  return row.deletedAt;
}

/** Hides a visible post with no one's name on it; false when it was already hidden. */
export async function setHiddenIfVisible(
  m: EntityManager,
  type: PostType,
  id: string,
  reason: string,
): Promise<boolean> {
  const hidden = await affected(
    m,
    `UPDATE ${TABLE[type]} SET deleted_at = now(), deleted_by = NULL, delete_reason = $2 WHERE id = $1 AND deleted_at IS NULL`,
    [id, reason],
  );
  return hidden > 0;
}

/** Hides the post, or puts a name and reason on a hide that had none. */
export async function setHiddenBy(
  m: EntityManager,
  type: PostType,
  id: string,
  by: string,
  reason: string,
): Promise<void> {
  await affected(
    m,
    `UPDATE ${TABLE[type]} SET deleted_at = coalesce(deleted_at, now()), deleted_by = $2, delete_reason = $3
     WHERE id = $1 AND (deleted_at IS NULL OR deleted_by IS NULL)`,
    [id, by, reason],
  );
}

export async function clearHidden(m: EntityManager, type: PostType, id: string): Promise<void> {
  await affected(
    m,
    `UPDATE ${TABLE[type]} SET deleted_at = NULL, deleted_by = NULL, delete_reason = NULL WHERE id = $1`,
    [id],
  );
}

export interface PostQuestionTitle {
  type: PostType;
  id: string;
  /** The question itself, or the question the answer or comment is on. */
  questionId: string;
  title: string;
}

/**
 * The question titles of many posts in one statement (primary keys; the answer's or comment's
 * question by its primary key). A hidden question, answer or comment is left out unless `includeHidden`.
 */
export async function questionTitles(
  db: Db,
  ids: Record<PostType, readonly string[]>,
  includeHidden: boolean,
): Promise<PostQuestionTitle[]> {
  const visible = (alias: string) => (includeHidden ? '' : ` AND ${alias}.deleted_at IS NULL`);
  return rows<PostQuestionTitle>(
    db,
    `SELECT 'QUESTION' AS type, q.id, q.id AS "questionId", q.title FROM questions q WHERE q.id = ANY($1::uuid[])${visible('q')}
     UNION ALL
     SELECT 'ANSWER', a.id, q.id, q.title FROM answers a JOIN questions q ON q.id = a.question_id WHERE a.id = ANY($2::uuid[])${visible('a')}${visible('q')}
     UNION ALL
     SELECT 'COMMENT', c.id, q.id, q.title FROM comments c JOIN questions q ON q.id = c.question_id WHERE c.id = ANY($3::uuid[])${visible('c')}${visible('q')}`,
    [ids.QUESTION, ids.ANSWER, ids.COMMENT],
  );
}

/** A member's questions in the last `seconds`, and how long ago the latest was asked. */
export async function recentQuestions(
  m: EntityManager,
  authorId: string,
  seconds: number,
): Promise<{ n: number; sinceLast: number | null }> {
  const [row] = await rows<{ n: number; sinceLast: number | null }>(
    m,
    `SELECT count(*)::int AS n, extract(epoch FROM clock_timestamp() - max(created_at))::float8 AS "sinceLast"
     FROM questions WHERE author_id = $1 AND created_at > now() - make_interval(secs => $2)`,
    [authorId, seconds],
  );
  return row;
}

/** A member's answers and comments in the last `seconds` (deleted ones count too). */
export async function recentAnswersAndComments(m: EntityManager, authorId: string, seconds: number): Promise<number> {
  const since = `now() - make_interval(secs => $2)`;
  const [row] = await rows<{ n: number }>(
    m,
    `SELECT (SELECT count(*) FROM answers WHERE author_id = $1 AND created_at > ${since})::int
          + (SELECT count(*) FROM comments WHERE author_id = $1 AND created_at > ${since})::int AS n`,
    [authorId, seconds],
  );
  return row.n;
}
