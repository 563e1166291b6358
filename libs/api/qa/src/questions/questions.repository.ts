import type { EntityManager } from 'typeorm';
import { affected, type Db, type Row, rows } from '@crossroads/api-platform';
import { LIMITS } from '@crossroads/shared-domain';
import { ACCEPTED_ANSWER_JSON, QUESTION_COLUMNS, commentPreviewJson, questionFromRow } from '../common/sql.js';
import type { QuestionRow } from '../tables.js';
import type { QuestionEntity } from './question.entity.js';
import type { QuestionSort } from './question.model.js';

/*
 * SQL on the questions table: QuestionsService's commands and read paths, and the commands and read
 * models other contexts call (closing, reopening, related questions, matching expertise).
 */

export interface ClosedState {
  closedAt: Date | null;
  closeReason: string | null;
  duplicateOfId: string | null;
}

/** A live question's closed state, locked until the caller's transaction ends. */
export async function lockClosedState(m: EntityManager, id: string): Promise<ClosedState | undefined> {
  const [row] = await rows<ClosedState>(
    m,
    `SELECT closed_at AS "closedAt", close_reason AS "closeReason", duplicate_of_id AS "duplicateOfId" FROM questions WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`,
    [id],
  );
  return row;
}

export async function isLive(m: EntityManager, id: string): Promise<boolean> {
  const [row] = await rows<unknown>(m, `SELECT 1 FROM questions WHERE id = $1 AND deleted_at IS NULL`, [id]);
  return Boolean(row);
}

export async function setClosed(
  m: EntityManager,
  id: string,
  reason: string | null,
  duplicateOfId: string | null,
): Promise<QuestionEntity> {
  const [row] = await rows(
    m,
    `UPDATE questions q SET closed_at = ${reason === null ? 'NULL' : 'now()'}, close_reason = $2, duplicate_of_id = $3 WHERE q.id = $1 RETURNING ${QUESTION_COLUMNS}`,
    [id, reason, duplicateOfId],
  );
  return questionFromRow(row);
}

export interface RelatedTo {
  /** The caller's key for this set of tags (an article id, say). */
  key: string;
  tags: string[];
  /** A question never to suggest (the one the caller came from). */
  excludeId: string | null;
}

/**
 * Live questions sharing a tag with each key's tags: among the newest `candidates` sharing one,
 * most shared tags first, then score. One statement for every key.
 */
export async function relatedToTags(
  db: EntityManager,
  keys: RelatedTo[],
  size: number,
  candidates: number,
): Promise<Map<string, QuestionEntity[]>> {
  const found = await rows<Row>(
    db,
    `SELECT x.key, ${QUESTION_COLUMNS}
     FROM jsonb_to_recordset($1::jsonb) AS x(key text, tags varchar[], "excludeId" uuid)
     CROSS JOIN LATERAL (
       SELECT c.*, (SELECT count(*) FROM unnest(c.tags) tg WHERE tg = ANY(x.tags)) AS overlap
       FROM (SELECT q0.* FROM questions q0
             WHERE q0.deleted_at IS NULL AND q0.tags && x.tags AND q0.id IS DISTINCT FROM x."excludeId"
             ORDER BY q0.created_at DESC LIMIT ${candidates}) c
       ORDER BY overlap DESC, c.score DESC, c.id DESC LIMIT $2
     ) q
     ORDER BY x.key, q.overlap DESC, q.score DESC, q.id DESC`,
    [JSON.stringify(keys), size],
  );
  const byKey = new Map<string, QuestionEntity[]>();
  for (const row of found) byKey.set(String(row.key), [...(byKey.get(String(row.key)) ?? []), questionFromRow(row)]);
  return byKey;
}

export interface ExpertiseMatch {
  question: QuestionEntity;
  /** The question's tags among the expertise, in the question's order. */
  sharedTags: string[];
  shared: number;
}

/**
 * Open questions (not closed, no accepted answer, not asked or already answered by `userId`)
 * sharing a tag with `expertise`: most shared tags first, then newest, after the keyset
 * (shared, createdAt, id) if any; with how many match in all. One statement.
 */
export async function matchingExpertise(
  db: EntityManager,
  userId: string,
  expertise: string[],
  after: [number, Date, string] | null,
  limit: number,
): Promise<{ totalCount: number; matches: ExpertiseMatch[] }> {
  const found = await rows<Row & { totalCount: number; sharedTags: string[]; shared: number }>(
    db,
    `WITH m AS MATERIALIZED (
       SELECT ${QUESTION_COLUMNS},
              ARRAY(SELECT t FROM unnest(q.tags) WITH ORDINALITY u(t, i) WHERE t = ANY($2::varchar[]) ORDER BY i) AS "sharedTags",
              cardinality(ARRAY(SELECT t FROM unnest(q.tags) t WHERE t = ANY($2::varchar[])))::int AS shared
       FROM questions q
       WHERE q.deleted_at IS NULL AND q.closed_at IS NULL AND q.accepted_answer_id IS NULL AND q.author_id <> $1
         AND q.tags && $2::varchar[]
         AND NOT EXISTS (SELECT 1 FROM answers a WHERE a.question_id = q.id AND a.author_id = $1 AND a.deleted_at IS NULL)
     )
     SELECT (SELECT count(*) FROM m)::int AS "totalCount", p.* FROM (SELECT 1) one
     LEFT JOIN LATERAL (SELECT * FROM m ${after ? `WHERE (m.shared, m."createdAt", m.id) < ($3::int, $4::timestamptz, $5::uuid)` : ''}
                        ORDER BY m.shared DESC, m."createdAt" DESC, m.id DESC LIMIT ${limit}) p ON true
     ORDER BY p.shared DESC, p."createdAt" DESC, p.id DESC`,
    [userId, expertise, ...(after ?? [])],
  );
  return {
    totalCount: found[0]?.totalCount ?? 0,
    matches: found
      .filter((r) => r.id !== null)
      .map((r) => ({ question: questionFromRow(r), sharedTags: r.sharedTags, shared: r.shared })),
  };
}

/** A live question's closed state and author, locked against changes to its key while an answer is added. */
export async function lockForAnswering(
  m: Db,
  id: string,
): Promise<{ closedAt: Date | null; authorId: string } | undefined> {
  const [row] = await rows<{ closedAt: Date | null; authorId: string }>(
    m,
    `SELECT closed_at AS "closedAt", author_id AS "authorId" FROM questions WHERE id = $1 AND deleted_at IS NULL FOR NO KEY UPDATE`,
    [id],
  );
  return row;
}

/** A live question's author and accepted answer, locked until the caller's transaction ends. */
export async function lockAcceptance(
  m: Db,
  id: string,
): Promise<{ id: string; authorId: string; acceptedAnswerId: string | null } | undefined> {
  const [row] = await rows<{ id: string; authorId: string; acceptedAnswerId: string | null }>(
    m,
    `SELECT id, author_id AS "authorId", accepted_answer_id AS "acceptedAnswerId" FROM questions WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`,
    [id],
  );
  return row;
}

export async function touchActivity(m: Db, id: string): Promise<void> {
  await rows(m, `UPDATE questions SET last_activity_at = now() WHERE id = $1`, [id]);
}

export async function setAcceptedAnswer(m: Db, questionId: string, answerId: string | null): Promise<void> {
  await rows(m, `UPDATE questions SET accepted_answer_id = $2 WHERE id = $1`, [questionId, answerId]);
}

/** Clears the acceptance of this answer wherever it is the accepted one; the question's author, if it was. */
export async function releaseAcceptedAnswer(m: Db, answerId: string): Promise<string | undefined> {
  const [row] = await rows<{ authorId: string }>(
    m,
    `UPDATE questions SET accepted_answer_id = NULL WHERE accepted_answer_id = $1 RETURNING author_id AS "authorId"`,
    [answerId],
  );
  return row?.authorId;
}

export async function insertQuestion(
  m: Db,
  authorId: string,
  title: string,
  body: string,
  tags: readonly string[],
): Promise<QuestionEntity> {
  const [row] = await rows<QuestionRow>(
    m,
    `INSERT INTO questions AS q (author_id, title, body, tags) VALUES ($1, $2, $3, $4) RETURNING ${QUESTION_COLUMNS}`,
    [authorId, title, body, [...tags]],
  );
  return questionFromRow(row);
}

/** A live question, locked until the caller's transaction ends. */
export async function lockLiveQuestion(m: Db, id: string): Promise<QuestionEntity | undefined> {
  const [row] = await rows<QuestionRow>(
    m,
    `SELECT ${QUESTION_COLUMNS} FROM questions q WHERE q.id = $1 AND q.deleted_at IS NULL FOR UPDATE`,
    [id],
  );
  return row ? questionFromRow(row) : undefined;
}

export async function updateQuestion(
  m: Db,
  id: string,
  title: string,
  body: string,
  tags: readonly string[],
): Promise<QuestionEntity> {
  const [row] = await rows<QuestionRow>(
    m,
    `UPDATE questions AS q SET title = $2, body = $3, tags = $4, updated_at = now(), last_activity_at = now() WHERE q.id = $1 RETURNING ${QUESTION_COLUMNS}`,
    [id, title, body, [...tags]],
  );
  return questionFromRow(row);
}

export async function liveQuestionsByIds(db: Db, ids: readonly string[]): Promise<QuestionEntity[]> {
  const found = await rows<QuestionRow>(
    db,
    `SELECT ${QUESTION_COLUMNS} FROM questions q WHERE q.id = ANY($1::uuid[]) AND q.deleted_at IS NULL`,
    [[...ids]],
  );
  return found.map(questionFromRow);
}

/** A question of a page with the viewer's vote (0 without) and its accepted answer (a row for answerFromRow). */
export interface PagedQuestion {
  question: QuestionEntity;
  viewerVote: number;
  acceptedAnswer: Row | null;
}
type PagedRow = QuestionRow & { viewerVote: number | null; acceptedAnswer: Row | null };
const paged = (r: PagedRow): PagedQuestion => ({
  question: questionFromRow(r),
  viewerVote: Number(r.viewerVote ?? 0),
  acceptedAnswer: r.acceptedAnswer,
});

/** One live question for its page, with the viewer's vote, the accepted answer and the first published comments. */
export async function questionForPage(
  db: Db,
  id: string,
  viewerId: string | null,
): Promise<(PagedQuestion & { commentPreview: Row[] }) | undefined> {
  const [row] = await rows<PagedRow & { commentPreview: Row[] }>(
    db,
    `SELECT ${QUESTION_COLUMNS}, v.value AS "viewerVote", ${ACCEPTED_ANSWER_JSON} AS "acceptedAnswer", ${commentPreviewJson('q.id')} AS "commentPreview"
     FROM questions q
     LEFT JOIN votes v ON v.post_id = q.id AND v.user_id = $2::uuid
     LEFT JOIN answers aa ON aa.id = q.accepted_answer_id AND aa.deleted_at IS NULL
     WHERE q.id = $1 AND q.deleted_at IS NULL`,
    [id, viewerId],
  );
  return row ? { ...paged(row), commentPreview: row.commentPreview } : undefined;
}

/** Sort key of each feed order: the keyset index is (key DESC, id DESC). */
export const SORT_KEYS: Record<
  QuestionSort,
  { column: string; alias: 'createdAt' | 'lastActivityAt' | 'score'; part: 'date' | 'number' }
> = {
  NEWEST: { column: 'q.created_at', alias: 'createdAt', part: 'date' },
  ACTIVE: { column: 'q.last_activity_at', alias: 'lastActivityAt', part: 'date' },
  VOTES: { column: 'q.score', alias: 'score', part: 'number' },
  UNANSWERED: { column: 'q.created_at', alias: 'createdAt', part: 'date' },
};

/** Same predicate as the partial index questions_unanswered_idx. */
const UNANSWERED = `q.accepted_answer_id IS NULL AND q.positive_answer_count = 0`;

/**
 * A keyset page of the feed (`size + 1` rows, to tell whether more follow) with exact totals from the
 * counters, the viewer's votes and the accepted answers: one statement.
 */
export async function feedPage(
  db: Db,
  viewerId: string | null,
  opts: { sort: QuestionSort; tag: string | null; after: readonly [Date | number, string] | null; size: number },
): Promise<{ totalCount: number; items: PagedQuestion[] }> {
  const key = SORT_KEYS[opts.sort];
  const params: unknown[] = [viewerId];
  const where: string[] = ['q.deleted_at IS NULL'];
  if (opts.sort === 'UNANSWERED') where.push(UNANSWERED);
  if (opts.tag) {
    params.push(opts.tag);
    where.push(`q.tags @> ARRAY[$${params.length}]::varchar[]`);
  }
  const totalSql =
    opts.tag && opts.sort === 'UNANSWERED'
      ? `SELECT count(*) FROM questions q WHERE ${where.join(' AND ')}`
      : opts.tag
        ? `SELECT coalesce((SELECT question_count FROM tags WHERE name = $2), 0)`
        : `SELECT value FROM qa_counters WHERE name = '${opts.sort === 'UNANSWERED' ? 'unanswered' : 'questions'}'`;
  const pageWhere = [...where];
  if (opts.after) {
    params.push(...opts.after);
    pageWhere.push(`(${key.column}, q.id) < ($${params.length - 1}, $${params.length})`);
  }
  const found = await rows<{ totalCount: number } & { [K in keyof PagedRow]: PagedRow[K] | null }>(
    db,
    `SELECT t.total AS "totalCount", p.* FROM (SELECT (${totalSql})::int AS total) t
     LEFT JOIN LATERAL (
       SELECT ${QUESTION_COLUMNS}, v.value AS "viewerVote", ${ACCEPTED_ANSWER_JSON} AS "acceptedAnswer"
       FROM questions q
       LEFT JOIN votes v ON v.post_id = q.id AND v.user_id = $1::uuid
       LEFT JOIN answers aa ON aa.id = q.accepted_answer_id AND aa.deleted_at IS NULL
       WHERE ${pageWhere.join(' AND ')}
       ORDER BY ${key.column} DESC, q.id DESC
       LIMIT ${opts.size + 1}
     ) p ON true
     ORDER BY p."${key.alias}" DESC, p.id DESC`,
    params,
  );
  return {
    totalCount: Number(found[0]?.totalCount ?? 0),
    items: found.filter((r): r is typeof r & PagedRow => r.id !== null).map(paged),
  };
}

/**
 * Full-text search over the newest LIMITS.search.rankedCandidates matches (qa_search_candidates, with
 * the tag and UNANSWERED filters, through an index): a keyset page by rank (`size + 1` rows) with the
 * candidate count, the viewer's votes and accepted answers. One statement.
 */
export async function searchPage(
  db: Db,
  viewerId: string | null,
  opts: {
    search: string;
    tag: string | null;
    unanswered: boolean;
    after: readonly [number, string] | null;
    size: number;
  },
): Promise<{ totalCount: number; items: (PagedQuestion & { rank: number })[] }> {
  const params: unknown[] = [viewerId, opts.search, opts.tag, opts.unanswered];
  let keyset = '';
  if (opts.after) {
    params.push(...opts.after);
    keyset = `WHERE (r.rank, r.id) < ($${params.length - 1}::float8, $${params.length}::uuid)`;
  }
  const found = await rows<
    { totalCount: number } & { [K in keyof (PagedRow & { rank: number })]: (PagedRow & { rank: number })[K] | null }
  >(
    db,
    `WITH candidates AS (
       SELECT c.id, c.search_vector FROM qa_search_candidates(websearch_to_tsquery('english', $2), $3::varchar, $4::boolean, ${LIMITS.search.rankedCandidates}) c
     ), ranked AS (
       SELECT c.id, ts_rank(c.search_vector, websearch_to_tsquery('english', $2))::float8 AS rank FROM candidates c
     )
     SELECT t.total AS "totalCount", p.* FROM (SELECT count(*)::int AS total FROM ranked) t
     LEFT JOIN LATERAL (
       SELECT ${QUESTION_COLUMNS}, r.rank, v.value AS "viewerVote", ${ACCEPTED_ANSWER_JSON} AS "acceptedAnswer"
       FROM (SELECT * FROM ranked r ${keyset} ORDER BY r.rank DESC, r.id DESC LIMIT ${opts.size + 1}) r
       JOIN questions q ON q.id = r.id
       LEFT JOIN votes v ON v.post_id = q.id AND v.user_id = $1::uuid
       LEFT JOIN answers aa ON aa.id = q.accepted_answer_id AND aa.deleted_at IS NULL
     ) p ON true
     ORDER BY p.rank DESC, p.id DESC`,
    params,
  );
  return {
    totalCount: Number(found[0]?.totalCount ?? 0),
    items: found
      .filter((r): r is typeof r & PagedRow & { rank: number } => r.id !== null)
      .map((r) => ({ ...paged(r), rank: Number(r.rank) })),
  };
}

/** Live questions matching any of the words, best ranked among the newest matches. */
export async function similarQuestions(db: Db, words: readonly string[], size: number): Promise<QuestionEntity[]> {
  const found = await rows<QuestionRow>(
    db,
    `WITH tsq AS (SELECT to_tsquery('english', $1) AS query),
     candidates AS (
       SELECT q.id, q.search_vector FROM questions q, tsq WHERE q.deleted_at IS NULL AND q.search_vector @@ tsq.query
       ORDER BY q.created_at DESC LIMIT ${LIMITS.search.rankedCandidates}
     )
     SELECT ${QUESTION_COLUMNS} FROM candidates c JOIN questions q ON q.id = c.id, tsq
     ORDER BY ts_rank(c.search_vector, tsq.query) DESC, q.id DESC LIMIT ${size}`,
    [words.join(' | ')],
  );
  return found.map(questionFromRow);
}

/** Marks the view-count flush so statement-count tests can tell it from request work. */
export const VIEW_FLUSH_TAG = '/* qa:view-flush */';

/** Adds each question's pending views to its view_count, in one statement. */
export async function addViewCounts(db: Db, views: ReadonlyMap<string, number>): Promise<void> {
  await affected(
    db,
    `${VIEW_FLUSH_TAG} UPDATE questions q SET view_count = q.view_count + v.n
         FROM unnest($1::uuid[], $2::int[]) AS v(id, n) WHERE q.id = v.id`,
    [[...views.keys()], [...views.values()]],
  );
}
