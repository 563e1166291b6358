import { col, maybeOne, one, rows, selectList, table, type Db, type RowOf } from '@crossroads/api-platform';
import type { FeedbackStatus } from './article-feedback.entity.js';

export const articleFeedbackTable = table('kb_article_feedback', {
  id: col.uuid(),
  articleId: col.uuid(),
  userId: col.uuid().nullable(),
  message: col.text(),
  status: col.enum<FeedbackStatus>('kb_feedback_status'),
  doneAt: col.timestamp().nullable(),
  doneById: col.uuid().nullable(),
  createdAt: col.timestamp(),
});
export type FeedbackRow = RowOf<typeof articleFeedbackTable>;

const COLUMNS = selectList(articleFeedbackTable, 'f');

export interface FeedbackFilter {
  /** Moderators see all feedback; anyone else only feedback on articles they wrote. */
  all: boolean;
  viewerId: string;
  articleId?: string;
  status?: FeedbackStatus;
}

export async function insertFeedback(db: Db, f: Pick<FeedbackRow, 'articleId' | 'userId' | 'message'>): Promise<void> {
  await rows(db, `INSERT INTO kb_article_feedback (article_id, user_id, message) VALUES ($1, $2, $3)`, [
    f.articleId,
    f.userId,
    f.message,
  ]);
}

function where(filter: FeedbackFilter): { where: string[]; params: unknown[] } {
  const params: unknown[] = [filter.all, filter.viewerId];
  const where = ['($1::boolean OR a.author_id = $2::uuid)'];
  if (filter.articleId) {
    params.push(filter.articleId);
    where.push(`f.article_id = $${params.length}`);
  }
  if (filter.status) {
    params.push(filter.status);
    where.push(`f.status = $${params.length}`);
  }
  return { where, params };
}

/** Newest first, `limit` rows after the (createdAt, id) keyset `after`. */
export function feedbackPage(
  db: Db,
  filter: FeedbackFilter,
  limit: number,
  after?: readonly [Date, string],
): Promise<FeedbackRow[]> {
  const { where: conditions, params } = where(filter);
  if (after) {
    params.push(...after);
    conditions.push(`(f.created_at, f.id) < ($${params.length - 1}, $${params.length})`);
  }
  return rows<FeedbackRow>(
    db,
    `SELECT ${COLUMNS} FROM kb_article_feedback f JOIN kb_articles a ON a.id = f.article_id
     WHERE ${conditions.join(' AND ')} ORDER BY f.created_at DESC, f.id DESC LIMIT ${limit}`,
    params,
  );
}

export async function feedbackCount(db: Db, filter: FeedbackFilter): Promise<number> {
  const { where: conditions, params } = where(filter);
  return (
    await one<{ n: number }>(
      db,
      `SELECT count(*)::int AS n FROM kb_article_feedback f JOIN kb_articles a ON a.id = f.article_id WHERE ${conditions.join(' AND ')}`,
      params,
    )
  ).n;
}

export function lockFeedback(db: Db, id: string): Promise<(FeedbackRow & { articleAuthorId: string }) | undefined> {
  return maybeOne(
    db,
    `SELECT ${COLUMNS}, a.author_id AS "articleAuthorId" FROM kb_article_feedback f JOIN kb_articles a ON a.id = f.article_id WHERE f.id = $1 FOR UPDATE OF f`,
    [id],
  );
}

export function markFeedbackDone(db: Db, id: string, doneById: string): Promise<FeedbackRow> {
  return one<FeedbackRow>(
    db,
    `UPDATE kb_article_feedback AS f SET status = 'DONE', done_at = now(), done_by_id = $2 WHERE f.id = $1 RETURNING ${COLUMNS}`,
    [id, doneById],
  );
}
