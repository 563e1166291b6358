import type { EntityManager } from 'typeorm';
import { type Row, rows } from '@crossroads/api-platform';
import { QUESTION_COLUMNS, questionFromRow } from '../common/sql.js';
import type { QuestionEntity } from './question.entity.js';

/*
 * SQL on the questions table for commands other contexts call (closing, reopening, related
 * questions). The older read paths still live in questions.service.ts.
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

export async function setClosed(m: EntityManager, id: string, reason: string | null, duplicateOfId: string | null): Promise<QuestionEntity> {
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
export async function relatedToTags(db: EntityManager, keys: RelatedTo[], size: number, candidates: number): Promise<Map<string, QuestionEntity[]>> {
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
    matches: found.filter((r) => r.id !== null).map((r) => ({ question: questionFromRow(r), sharedTags: r.sharedTags, shared: r.shared })),
  };
}
