import type { EntityManager } from 'typeorm';
import { col, rows, selectList, table, type Db, type RowOf } from '@crossroads/api-platform';
import type { QaPostType } from '../common/post-type.js';

/* The only SQL on revisions: what a post looked like before each edit. */

export const revisionsTable = table('revisions', {
  id: col.uuid(),
  postType: col.enum<QaPostType>('qa_post_type'),
  postId: col.uuid(),
  editorId: col.uuid(),
  title: col.text().nullable(),
  body: col.text(),
  tags: col.textArray().nullable(),
  createdAt: col.timestamp(),
});
export type RevisionRow = RowOf<typeof revisionsTable>;

const REVISION_COLUMNS = selectList(revisionsTable, 'r');

export type NewRevision = Omit<RevisionRow, 'id' | 'createdAt'>;

export async function insertRevision(m: EntityManager, rev: NewRevision): Promise<void> {
  await rows(
    m,
    `INSERT INTO revisions (post_type, post_id, editor_id, title, body, tags) VALUES ($1, $2, $3, $4, $5, $6)`,
    [rev.postType, rev.postId, rev.editorId, rev.title, rev.body, rev.tags],
  );
}

/** The revisions of the posts, newest first. */
export function revisionsOfPosts(db: Db, postIds: readonly string[]): Promise<RevisionRow[]> {
  return rows<RevisionRow>(
    db,
    `SELECT ${REVISION_COLUMNS} FROM revisions r WHERE r.post_id = ANY($1::uuid[]) ORDER BY r.created_at DESC, r.id DESC`,
    [[...postIds]],
  );
}
