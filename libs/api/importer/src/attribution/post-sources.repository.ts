import { col, rows, table, type Db, type RowOf } from '@crossroads/api-platform';

/* Reads of post_sources (written by the Stack Exchange import). */

/** The columns the attribution reads. */
export const postSourcesTable = table('post_sources', {
  targetId: col.uuid(),
  site: col.text(),
  sourceId: col.text(),
  url: col.text(),
  authorName: col.text().nullable(),
  authorUrl: col.text().nullable(),
  license: col.text().nullable(),
});
export type PostSourceRow = RowOf<typeof postSourcesTable>;

/** The sources of imported questions and answers among `targetIds`. */
export function postSourcesOf(db: Db, targetIds: readonly string[]): Promise<PostSourceRow[]> {
  return rows<PostSourceRow>(
    db,
    `SELECT target_id AS "targetId", site, source_id AS "sourceId", url, author_name AS "authorName", author_url AS "authorUrl", license
           FROM post_sources WHERE target_id = ANY($1::uuid[]) AND kind IN ('QUESTION', 'ANSWER')`,
    [[...targetIds]],
  );
}
