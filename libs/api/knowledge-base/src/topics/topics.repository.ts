import { col, maybeOne, one, rows, selectList, table, type Db, type RowOf } from '@crossroads/api-platform';

/** kb_topics, as the knowledge base reads it. */
export const topicsTable = table('kb_topics', {
  id: col.uuid(),
  slug: col.text(),
  name: col.text(),
  description: col.text().nullable(),
  position: col.int(),
  createdAt: col.timestamp(),
  updatedAt: col.timestamp(),
});
export type TopicRow = RowOf<typeof topicsTable>;

const COLUMNS = selectList(topicsTable, 't');

export function listTopics(db: Db): Promise<TopicRow[]> {
  return rows<TopicRow>(db, `SELECT ${COLUMNS} FROM kb_topics t ORDER BY t.position, t.name, t.id`);
}

export function topicBySlug(db: Db, slug: string, lock = false): Promise<TopicRow | undefined> {
  return maybeOne<TopicRow>(db, `SELECT ${COLUMNS} FROM kb_topics t WHERE t.slug = $1${lock ? ' FOR UPDATE' : ''}`, [
    slug,
  ]);
}

export function lockTopicById(db: Db, id: string): Promise<TopicRow | undefined> {
  return maybeOne<TopicRow>(db, `SELECT ${COLUMNS} FROM kb_topics t WHERE t.id = $1 FOR UPDATE`, [id]);
}

/** Locks the topic row only (serializes position changes within it). */
export async function lockTopicRow(db: Db, id: string): Promise<void> {
  await rows(db, `SELECT 1 FROM kb_topics WHERE id = $1 FOR UPDATE`, [id]);
}

export function topicsByIds(db: Db, ids: readonly string[]): Promise<TopicRow[]> {
  return rows<TopicRow>(db, `SELECT ${COLUMNS} FROM kb_topics t WHERE t.id = ANY($1::uuid[])`, [[...ids]]);
}

/** A new topic; last when `position` is null. */
export function insertTopic(
  db: Db,
  t: Pick<TopicRow, 'slug' | 'name' | 'description'> & { position: number | null },
): Promise<TopicRow> {
  return one<TopicRow>(
    db,
    `INSERT INTO kb_topics AS t (slug, name, description, position)
     VALUES ($1, $2, $3, coalesce($4, (SELECT coalesce(max(position), 0) + 1 FROM kb_topics)))
     RETURNING ${COLUMNS}`,
    [t.slug, t.name, t.description, t.position],
  );
}

export function updateTopic(
  db: Db,
  t: Pick<TopicRow, 'id' | 'slug' | 'name' | 'description' | 'position'>,
): Promise<TopicRow> {
  return one<TopicRow>(
    db,
    `UPDATE kb_topics AS t SET slug = $2, name = $3, description = $4, position = $5, updated_at = now() WHERE t.id = $1 RETURNING ${COLUMNS}`,
    [t.id, t.slug, t.name, t.description, t.position],
  );
}

/** Published articles per topic (the help-centre home), one statement for all topics. */
export function publishedArticleCounts(db: Db, topicIds: readonly string[]): Promise<{ topicId: string; n: number }[]> {
  return rows(
    db,
    `SELECT a.topic_id AS "topicId", count(*)::int AS n FROM kb_articles a WHERE a.status = 'PUBLISHED' AND a.topic_id = ANY($1::uuid[]) GROUP BY a.topic_id`,
    [[...topicIds]],
  );
}

/** A demo topic unless its slug exists; its id either way. */
export async function ensureTopic(
  db: Db,
  t: Pick<TopicRow, 'slug' | 'name' | 'description' | 'position'>,
): Promise<{ id: string; inserted: boolean }> {
  const inserted = await rows<{ id: string }>(
    db,
    `INSERT INTO kb_topics (slug, name, description, position) VALUES ($1, $2, $3, $4) ON CONFLICT (slug) DO NOTHING RETURNING id`,
    [t.slug, t.name, t.description, t.position],
  );
  const { id } = await one<{ id: string }>(db, `SELECT id FROM kb_topics WHERE slug = $1`, [t.slug]);
  return { id, inserted: inserted.length > 0 };
}
