import type { EntityManager } from 'typeorm';
import { returning } from '@crossroads/api-platform';
import { COMMENT_COLUMNS, commentFromRow } from '../common/sql.js';
import type { CommentEntity } from './comment.entity.js';

/*
 * SQL on the comments table for the held-comments queue that moderation works (the older public
 * read paths still live in comments.service.ts).
 */

const HELD = `c.status = 'PENDING' AND c.deleted_at IS NULL`;

/** Held comments oldest first (comments_status_created_idx), after the keyset (createdAt, id) if any. */
export async function heldPage(db: EntityManager, after: [Date, string] | null, limit: number): Promise<CommentEntity[]> {
  const rows = (await db.query(
    `SELECT ${COMMENT_COLUMNS} FROM comments c WHERE ${HELD} ${after ? `AND (c.created_at, c.id) > ($1, $2)` : ''}
     ORDER BY c.created_at, c.id LIMIT ${limit}`,
    after ?? [],
  )) as Record<string, unknown>[];
  return rows.map(commentFromRow);
}

export async function heldCount(db: EntityManager): Promise<number> {
  const [{ total }] = (await db.query(`SELECT count(*)::int AS total FROM comments c WHERE ${HELD}`)) as { total: number }[];
  return total;
}

/** Decides a held comment; undefined when it is not held (any more). */
export async function decideHeld(m: EntityManager, id: string, status: 'PUBLISHED' | 'REJECTED' | 'SPAM'): Promise<CommentEntity | undefined> {
  const [row] = await returning(m, `UPDATE comments c SET status = $2, updated_at = now() WHERE c.id = $1 AND ${HELD} RETURNING ${COMMENT_COLUMNS}`, [id, status]);
  return row && commentFromRow(row);
}

export async function liveStatus(m: EntityManager, id: string): Promise<string | undefined> {
  const [row] = (await m.query(`SELECT status FROM comments WHERE id = $1 AND deleted_at IS NULL`, [id])) as { status: string }[];
  return row?.status;
}

export async function postAuthorId(m: EntityManager, comment: CommentEntity): Promise<string> {
  const [post] = (await m.query(`SELECT author_id AS "authorId" FROM ${comment.postType === 'QUESTION' ? 'questions' : 'answers'} WHERE id = $1`, [
    comment.postId,
  ])) as { authorId: string }[];
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
  return (await db.query(
    `SELECT author_id AS "authorId",
            count(*) FILTER (WHERE status = 'PUBLISHED')::int AS "approvedCount",
            count(*) FILTER (WHERE status = 'REJECTED')::int AS "rejectedCount",
            count(*) FILTER (WHERE status = 'SPAM')::int AS "spamCount"
     FROM comments WHERE author_id = ANY($1::uuid[]) GROUP BY author_id`,
    [[...authorIds]],
  )) as AuthorCommentCounts[];
}
