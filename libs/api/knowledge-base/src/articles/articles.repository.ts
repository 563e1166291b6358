import { LIMITS } from '@crossroads/shared-domain';
import { col, maybeOne, one, rows, selectList, table, type Db, type RowOf } from '@crossroads/api-platform';
import type { ArticleStatus } from './article.entity.js';

/** kb_articles, as the knowledge base reads it (search_vector is written by a trigger, never read). */
export const articlesTable = table('kb_articles', {
  id: col.uuid(),
  topicId: col.uuid(),
  slug: col.text(),
  title: col.text(),
  summary: col.text().nullable(),
  body: col.text(),
  tags: col.textArray(),
  position: col.int(),
  authorId: col.uuid(),
  status: col.enum<ArticleStatus>('kb_article_status'),
  publishedAt: col.timestamp().nullable(),
  sourceQuestionId: col.uuid().nullable(),
  sourceAskerId: col.uuid().nullable(),
  sourceAnswererId: col.uuid().nullable(),
  createdAt: col.timestamp(),
  updatedAt: col.timestamp(),
});
export type ArticleRow = RowOf<typeof articlesTable>;

export const articleRevisionsTable = table('kb_article_revisions', {
  id: col.uuid(),
  articleId: col.uuid(),
  editorId: col.uuid(),
  title: col.text(),
  summary: col.text().nullable(),
  body: col.text(),
  createdAt: col.timestamp(),
});
export type ArticleRevisionRow = RowOf<typeof articleRevisionsTable>;

const COLUMNS = selectList(articlesTable, 'a');
const REVISION_COLUMNS = selectList(articleRevisionsTable, 'r');
/** Order of a topic's articles: position, then creation (same keys as the topic-order indexes). */
const ORDER = 'a.position, a.created_at, a.id';

export type NewArticle = Pick<ArticleRow, 'topicId' | 'slug' | 'title' | 'summary' | 'body' | 'tags' | 'authorId'> &
  Partial<Pick<ArticleRow, 'sourceQuestionId' | 'sourceAskerId' | 'sourceAnswererId'>>;

// ---- reads ----

export function articleBySlug(db: Db, slug: string): Promise<ArticleRow | undefined> {
  return maybeOne<ArticleRow>(db, `SELECT ${COLUMNS} FROM kb_articles a WHERE a.slug = $1`, [slug]);
}

export function articlesByIds(db: Db, ids: readonly string[]): Promise<ArticleRow[]> {
  return rows<ArticleRow>(db, `SELECT ${COLUMNS} FROM kb_articles a WHERE a.id = ANY($1::uuid[])`, [[...ids]]);
}

/** Published articles id, for writes that need one (feedback, ratings). */
export async function publishedArticleExists(db: Db, id: string): Promise<boolean> {
  return (await maybeOne(db, `SELECT id FROM kb_articles WHERE id = $1 AND status = 'PUBLISHED'`, [id])) !== undefined;
}

export function articleAuthor(db: Db, id: string): Promise<{ authorId: string } | undefined> {
  return maybeOne(db, `SELECT author_id AS "authorId" FROM kb_articles WHERE id = $1`, [id]);
}

/** The articles of the topics in order: published ones, all when `all`, and `viewerId`'s drafts. */
export function articlesOfTopics(
  db: Db,
  topicIds: readonly string[],
  all: boolean,
  viewerId: string | null,
): Promise<ArticleRow[]> {
  return rows<ArticleRow>(
    db,
    `SELECT ${COLUMNS} FROM kb_articles a
     WHERE a.topic_id = ANY($1::uuid[]) AND ($2::boolean OR a.status = 'PUBLISHED' OR a.author_id = $3::uuid)
     ORDER BY a.topic_id, ${ORDER}`,
    [[...topicIds], all, viewerId],
  );
}

/** Previous and next published article in the same topic, for a batch of articles in one statement. */
export function articleNeighbours(
  db: Db,
  ids: readonly string[],
): Promise<{ id: string; previousId: string | null; nextId: string | null }[]> {
  return rows(
    db,
    `SELECT x.id,
       (SELECT p.id FROM kb_articles p WHERE p.topic_id = x.topic_id AND p.status = 'PUBLISHED'
          AND (p.position, p.created_at, p.id) < (x.position, x.created_at, x.id)
        ORDER BY p.position DESC, p.created_at DESC, p.id DESC LIMIT 1) AS "previousId",
       (SELECT n.id FROM kb_articles n WHERE n.topic_id = x.topic_id AND n.status = 'PUBLISHED'
          AND (n.position, n.created_at, n.id) > (x.position, x.created_at, x.id)
        ORDER BY n.position, n.created_at, n.id LIMIT 1) AS "nextId"
     FROM kb_articles x WHERE x.id = ANY($1::uuid[])`,
    [[...ids]],
  );
}

/** The newest published article promoted from each question. */
export function publishedArticlesFromQuestions(db: Db, questionIds: readonly string[]): Promise<ArticleRow[]> {
  return rows<ArticleRow>(
    db,
    `SELECT DISTINCT ON (a.source_question_id) ${COLUMNS} FROM kb_articles a
     WHERE a.source_question_id = ANY($1::uuid[]) AND a.status = 'PUBLISHED'
     ORDER BY a.source_question_id, a.published_at DESC, a.id`,
    [[...questionIds]],
  );
}

export function revisionsOfArticles(db: Db, ids: readonly string[]): Promise<ArticleRevisionRow[]> {
  return rows<ArticleRevisionRow>(
    db,
    `SELECT ${REVISION_COLUMNS} FROM kb_article_revisions r WHERE r.article_id = ANY($1::uuid[]) ORDER BY r.created_at DESC, r.id DESC`,
    [[...ids]],
  );
}

/**
 * Published articles matching a websearch query over the weighted vector (title A, summary B,
 * body C). As for questions, only the newest LIMITS.search.rankedCandidates matches are ranked.
 */
export function searchPublished(db: Db, query: string, size: number): Promise<(ArticleRow & { rank: number })[]> {
  return rows(
    db,
    `WITH tsq AS (SELECT websearch_to_tsquery('english', $1) AS query),
     candidates AS (
       SELECT a.id, a.search_vector FROM kb_articles a, tsq
       WHERE a.status = 'PUBLISHED' AND a.search_vector @@ tsq.query
       ORDER BY a.updated_at DESC LIMIT ${LIMITS.search.rankedCandidates}
     ), ranked AS (
       SELECT c.id, ts_rank(c.search_vector, tsq.query)::float8 AS rank FROM candidates c, tsq
       ORDER BY rank DESC, c.id DESC LIMIT $2
     )
     SELECT ${COLUMNS}, r.rank FROM ranked r JOIN kb_articles a ON a.id = r.id ORDER BY r.rank DESC, a.id DESC`,
    [query, size],
  );
}

/** Slugs taken by `stem` or `stem-…`. */
export async function slugsLike(db: Db, stem: string): Promise<string[]> {
  return (
    await rows<{ slug: string }>(db, `SELECT slug FROM kb_articles WHERE slug = $1 OR slug LIKE $2`, [
      stem,
      `${stem}-%`,
    ])
  ).map((r) => r.slug);
}

// ---- writes ----

export function lockArticle(db: Db, id: string): Promise<ArticleRow | undefined> {
  return maybeOne<ArticleRow>(db, `SELECT ${COLUMNS} FROM kb_articles a WHERE a.id = $1 FOR UPDATE`, [id]);
}

export async function nextPosition(db: Db, topicId: string): Promise<number> {
  const { p } = await one<{ p: number }>(
    db,
    `SELECT coalesce(max(position), 0) + 1 AS p FROM kb_articles WHERE topic_id = $1`,
    [topicId],
  );
  return Number(p);
}

export async function countInTopic(db: Db, topicId: string): Promise<number> {
  return (await one<{ n: number }>(db, `SELECT count(*)::int AS n FROM kb_articles WHERE topic_id = $1`, [topicId])).n;
}

export function insertArticle(db: Db, a: NewArticle, position: number): Promise<ArticleRow> {
  return one<ArticleRow>(
    db,
    `INSERT INTO kb_articles AS a (topic_id, slug, title, summary, body, tags, position, author_id, source_question_id, source_asker_id, source_answerer_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING ${COLUMNS}`,
    [
      a.topicId,
      a.slug,
      a.title,
      a.summary,
      a.body,
      a.tags,
      position,
      a.authorId,
      a.sourceQuestionId ?? null,
      a.sourceAskerId ?? null,
      a.sourceAnswererId ?? null,
    ],
  );
}

/** A demo article, published, unless its slug exists; whether it was inserted. */
export async function ensurePublishedArticle(
  db: Db,
  a: Pick<ArticleRow, 'topicId' | 'slug' | 'title' | 'summary' | 'body' | 'tags' | 'position' | 'authorId'>,
): Promise<boolean> {
  const inserted = await rows<{ id: string }>(
    db,
    `INSERT INTO kb_articles (topic_id, slug, title, summary, body, tags, position, author_id, status, published_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'PUBLISHED', now()) ON CONFLICT (slug) DO NOTHING RETURNING id`,
    [a.topicId, a.slug, a.title, a.summary, a.body, a.tags, a.position, a.authorId],
  );
  return inserted.length > 0;
}

/** Keeps the replaced title, summary and body as a revision. */
export async function insertRevision(
  db: Db,
  article: Pick<ArticleRow, 'id' | 'title' | 'summary' | 'body'>,
  editorId: string,
): Promise<void> {
  await rows(
    db,
    `INSERT INTO kb_article_revisions (article_id, editor_id, title, summary, body) VALUES ($1, $2, $3, $4, $5)`,
    [article.id, editorId, article.title, article.summary, article.body],
  );
}

export function updateArticle(
  db: Db,
  a: Pick<ArticleRow, 'id' | 'topicId' | 'position' | 'slug' | 'title' | 'summary' | 'body' | 'tags'>,
): Promise<ArticleRow> {
  return one<ArticleRow>(
    db,
    `UPDATE kb_articles AS a SET topic_id = $2, position = $3, slug = $4, title = $5, summary = $6, body = $7, tags = $8, updated_at = now()
     WHERE a.id = $1 RETURNING ${COLUMNS}`,
    [a.id, a.topicId, a.position, a.slug, a.title, a.summary, a.body, a.tags],
  );
}

export function setArticleStatus(db: Db, id: string, status: ArticleStatus): Promise<ArticleRow> {
  return one<ArticleRow>(
    db,
    `UPDATE kb_articles AS a SET status = $2::kb_article_status, published_at = CASE WHEN $3::boolean THEN now() ELSE a.published_at END
     WHERE a.id = $1 RETURNING ${COLUMNS}`,
    [id, status, status === 'PUBLISHED'],
  );
}

/** Renumbers the topic's other articles 1, 2, … leaving `target` free for the moved one, and puts it there. */
export async function moveArticle(
  db: Db,
  article: Pick<ArticleRow, 'id' | 'topicId'>,
  target: number,
): Promise<ArticleRow> {
  await rows(
    db,
    `UPDATE kb_articles AS a SET position = o.rn + CASE WHEN o.rn >= $3 THEN 1 ELSE 0 END
     FROM (SELECT id, row_number() OVER (ORDER BY position, created_at, id)::int AS rn FROM kb_articles WHERE topic_id = $1 AND id <> $2) o
     WHERE a.id = o.id`,
    [article.topicId, article.id, target],
  );
  return one<ArticleRow>(db, `UPDATE kb_articles AS a SET position = $2 WHERE a.id = $1 RETURNING ${COLUMNS}`, [
    article.id,
    target,
  ]);
}
