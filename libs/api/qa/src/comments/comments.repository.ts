import type { EntityManager } from 'typeorm';
import { type Db, type Row, rows } from '@crossroads/api-platform';
import type { QaPostType } from '../common/post-type.js';
import { COMMENT_COLUMNS, COMMENT_PREVIEW_SIZE, commentFromRow } from '../common/sql.js';
import type { CommentEntity } from './comment.entity.js';

/* The only SQL on the comments table (and the post a comment goes on). */

const HELD = `c.status = 'PENDING' AND c.deleted_at IS NULL`;

/**
 * Held comments oldest first (comments_status_created_idx), after the keyset (createdAt, id) if any,
 * with how many are held in all: one statement.
 */
export async function heldPage(
  db: EntityManager,
  after: [Date, string] | null,
  limit: number,
): Promise<{ comments: CommentEntity[]; totalCount: number }> {
  const found = await rows<Row>(
    db,
    `SELECT (SELECT count(*)::int FROM comments c WHERE ${HELD}) AS "totalCount", p.* FROM (SELECT 1) one
     LEFT JOIN LATERAL (SELECT ${COMMENT_COLUMNS} FROM comments c WHERE ${HELD} ${after ? `AND (c.created_at, c.id) > ($1, $2)` : ''}
                        ORDER BY c.created_at, c.id LIMIT ${limit}) p ON true
     ORDER BY p."createdAt", p.id`,
    after ?? [],
  );
  return {
    totalCount: Number(found[0]?.totalCount ?? 0),
    comments: found.filter((r) => r.id !== null).map(commentFromRow),
  };
}

export async function heldCount(db: EntityManager): Promise<number> {
  const [{ total }] = await rows<{ total: number }>(db, `SELECT count(*)::int AS total FROM comments c WHERE ${HELD}`);
  return total;
}

/** Decides a held comment; undefined when it is not held (any more). */
export async function decideHeld(
  m: EntityManager,
  id: string,
  status: 'PUBLISHED' | 'REJECTED' | 'SPAM',
): Promise<CommentEntity | undefined> {
  const [row] = await rows(
    m,
    `UPDATE comments c SET status = $2, updated_at = now() WHERE c.id = $1 AND ${HELD} RETURNING ${COMMENT_COLUMNS}`,
    [id, status],
  );
  return row && commentFromRow(row);
}

export async function liveStatus(m: EntityManager, id: string): Promise<string | undefined> {
  const [row] = await rows<{ status: string }>(m, `SELECT status FROM comments WHERE id = $1 AND deleted_at IS NULL`, [
    id,
  ]);
  return row?.status;
}

export async function postAuthorId(m: EntityManager, comment: CommentEntity): Promise<string> {
  const [post] = await rows<{ authorId: string }>(
    m,
    `SELECT author_id AS "authorId" FROM ${comment.postType === 'QUESTION' ? 'questions' : 'answers'} WHERE id = $1`,
    [comment.postId],
  );
  return post.authorId;
}

export interface AuthorCommentCounts {
  authorId: string;
  approvedCount: number;
  rejectedCount: number;
  spamCount: number;
}

/** Each member's comments by outcome, in one grouped query (comments_author_status_idx). */
export async function countsByAuthor(db: EntityManager, authorIds: readonly string[]): Promise<AuthorCommentCounts[]> {
  return await rows<AuthorCommentCounts>(
    db,
    `SELECT author_id AS "authorId",
            count(*) FILTER (WHERE status = 'PUBLISHED')::int AS "approvedCount",
            count(*) FILTER (WHERE status = 'REJECTED')::int AS "rejectedCount",
            count(*) FILTER (WHERE status = 'SPAM')::int AS "spamCount"
     FROM comments WHERE author_id = ANY($1::uuid[]) GROUP BY author_id`,
    [[...authorIds]],
  );
}

/** The live post a comment goes on: its question and author (an answer's question must be live too). */
export async function commentTarget(
  m: EntityManager,
  type: QaPostType,
  id: string,
): Promise<{ questionId: string; postAuthorId: string } | undefined> {
  const [post] = await rows<{ questionId: string; postAuthorId: string }>(
    m,
    type === 'QUESTION'
      ? `SELECT q.id AS "questionId", q.author_id AS "postAuthorId" FROM questions q WHERE q.id = $1 AND q.deleted_at IS NULL`
      : `SELECT a.question_id AS "questionId", a.author_id AS "postAuthorId" FROM answers a JOIN questions q ON q.id = a.question_id
         WHERE a.id = $1 AND a.deleted_at IS NULL AND q.deleted_at IS NULL`,
    [id],
  );
  return post;
}

export interface NewComment {
  postType: QaPostType;
  postId: string;
  questionId: string;
  authorId: string | null;
  guestName: string | null;
  guestEmail: string | null;
  body: string;
  status: 'PUBLISHED' | 'PENDING';
  holdReason: string | null;
}

export async function insert(m: EntityManager, c: NewComment): Promise<CommentEntity> {
  const [row] = await rows<Row>(
    m,
    `INSERT INTO comments AS c (post_type, post_id, question_id, author_id, guest_name, guest_email, body, status, hold_reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${COMMENT_COLUMNS}`,
    [c.postType, c.postId, c.questionId, c.authorId, c.guestName, c.guestEmail, c.body, c.status, c.holdReason],
  );
  return commentFromRow(row);
}

/**
 * Published comments of each post, oldest first, up to `limit` per post (COMMENT_PREVIEW_SIZE by
 * default), after the keyset (createdAt, id) if any: one windowed query for every post.
 */
export async function publishedOf(
  db: EntityManager,
  postIds: readonly string[],
  limit = COMMENT_PREVIEW_SIZE,
  after: [Date, string] | null = null,
): Promise<CommentEntity[]> {
  const found = await rows<Row>(
    db,
    `SELECT * FROM (SELECT ${COMMENT_COLUMNS}, row_number() OVER (PARTITION BY c.post_id ORDER BY c.created_at, c.id) AS rn
       FROM comments c WHERE c.post_id = ANY($1::uuid[]) AND c.status = 'PUBLISHED' AND c.deleted_at IS NULL ${after ? `AND (c.created_at, c.id) > ($2, $3)` : ''}) x
     WHERE x.rn <= ${Number(limit)} ORDER BY x."postId", x.rn`,
    [[...postIds], ...(after ?? [])],
  );
  return found.map(commentFromRow);
}

/** A live guest comment's contact (for the follow-up email). */
export async function guestContact(
  db: EntityManager,
  id: string,
): Promise<{ questionId: string; guestName: string; guestEmail: string } | undefined> {
  const [row] = await rows<{ questionId: string; guestName: string; guestEmail: string }>(
    db,
    `SELECT c.question_id AS "questionId", c.guest_name AS "guestName", c.guest_email AS "guestEmail" FROM comments c
     WHERE c.id = $1 AND c.author_id IS NULL AND c.guest_email IS NOT NULL AND c.deleted_at IS NULL`,
    [id],
  );
  return row;
}

export async function publishedById(db: Db, ids: readonly string[]): Promise<CommentEntity[]> {
  const found = await rows<Row>(
    db,
    `SELECT ${COMMENT_COLUMNS} FROM comments c WHERE c.id = ANY($1::uuid[]) AND c.status = 'PUBLISHED' AND c.deleted_at IS NULL`,
    [[...ids]],
  );
  return found.map(commentFromRow);
}

/** The comments among `ids` that still wait for moderation, oldest first (primary keys). */
export async function heldByIds(db: EntityManager, ids: readonly string[]): Promise<CommentEntity[]> {
  const found = await rows<Row>(
    db,
    `SELECT ${COMMENT_COLUMNS} FROM comments c WHERE c.id = ANY($1::uuid[]) AND ${HELD} ORDER BY c.created_at, c.id`,
    [[...ids]],
  );
  return found.map(commentFromRow);
}

/** Whether the member has a published comment (the hold policy's "approved before"). */
export async function hasPublishedComment(m: EntityManager, authorId: string): Promise<boolean> {
  const [found] = await rows<unknown>(
    m,
    `SELECT 1 FROM comments WHERE author_id = $1 AND status = 'PUBLISHED' LIMIT 1`,
    [authorId],
  );
  return Boolean(found);
}
