import type { EntityManager } from 'typeorm';
import { col, rows, selectList, table, type Db, type RowOf } from '@crossroads/api-platform';

/* The only SQL on tags (their question_count is kept by the questions trigger). */

export const tagsTable = table('tags', {
  name: col.text(),
  description: col.text().nullable(),
  questionCount: col.int(),
  createdAt: col.timestamp(),
});
export type TagRow = RowOf<typeof tagsTable>;

const TAG_COLUMNS = selectList(tagsTable, 't');

/** Creates the tags that do not exist yet (in name order, so concurrent askers never deadlock). */
export async function ensureTags(m: EntityManager, names: string[]): Promise<void> {
  await rows(
    m,
    `INSERT INTO tags (name) SELECT DISTINCT unnest($1::varchar[]) ORDER BY 1 ON CONFLICT (name) DO NOTHING`,
    [names],
  );
}

export function tagsByName(db: Db, names: readonly string[]): Promise<TagRow[]> {
  return rows<TagRow>(db, `SELECT ${TAG_COLUMNS} FROM tags t WHERE t.name = ANY($1::varchar[])`, [[...names]]);
}

/** A LEFT JOIN LATERAL page row: the tag's columns are null when no tag matches. */
type TagPageRow = { totalCount: number } & { [K in keyof TagRow]: TagRow[K] | null };

/**
 * Tags whose name starts with `prefix`, most used first (then by name), after the keyset
 * (questionCount, name) if any, `limit` of them; with how many match in all. One statement.
 */
export async function tagPage(
  db: Db,
  prefix: string,
  after: readonly [number, string] | null,
  limit: number,
): Promise<{ totalCount: number; tags: TagRow[] }> {
  const keyset = after ? `AND (t.question_count < $2 OR (t.question_count = $2 AND t.name > $3))` : '';
  const found = await rows<TagPageRow>(
    db,
    `SELECT x.total AS "totalCount", p.* FROM (SELECT count(*)::int AS total FROM tags t WHERE t.name LIKE $1) x
       LEFT JOIN LATERAL (SELECT ${TAG_COLUMNS} FROM tags t WHERE t.name LIKE $1 ${keyset}
         ORDER BY t.question_count DESC, t.name LIMIT ${limit}) p ON true
       ORDER BY p."questionCount" DESC, p.name`,
    [`${prefix}%`, ...(after ?? [])],
  );
  const tags: TagRow[] = [];
  for (const { totalCount: _total, ...tag } of found) if (isTag(tag)) tags.push(tag);
  return { totalCount: found[0]?.totalCount ?? 0, tags };
}

const isTag = (r: { [K in keyof TagRow]: TagRow[K] | null }): r is TagRow => r.name !== null;
