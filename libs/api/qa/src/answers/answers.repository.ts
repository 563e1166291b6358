import { rows, type Db, type Row } from '@crossroads/api-platform';
import { ANSWER_COLUMNS, answerFromRow, commentPreviewJson } from '../common/sql.js';
import type { AnswerRow } from '../tables.js';
import type { AnswerEntity } from './answer.entity.js';

/* SQL on the answers table (and the question columns an answer changes) for AnswersService. */

export async function insertAnswer(m: Db, questionId: string, authorId: string, body: string): Promise<AnswerEntity> {
  const [row] = await rows<AnswerRow>(
    m,
    `INSERT INTO answers AS a (question_id, author_id, body) VALUES ($1, $2, $3) RETURNING ${ANSWER_COLUMNS}`,
    [questionId, authorId, body],
  );
  return answerFromRow(row);
}

export async function updateAnswerBody(m: Db, id: string, body: string): Promise<AnswerEntity> {
  const [row] = await rows<AnswerRow>(
    m,
    `UPDATE answers AS a SET body = $2, updated_at = now() WHERE a.id = $1 RETURNING ${ANSWER_COLUMNS}`,
    [id, body],
  );
  return answerFromRow(row);
}

/** A live answer, locked until the caller's transaction ends. */
export async function lockLiveAnswer(m: Db, id: string): Promise<AnswerEntity | undefined> {
  const [row] = await rows<AnswerRow>(
    m,
    `SELECT ${ANSWER_COLUMNS} FROM answers a WHERE a.id = $1 AND a.deleted_at IS NULL FOR UPDATE`,
    [id],
  );
  return row ? answerFromRow(row) : undefined;
}

/** The question of a live answer. */
export async function questionOfLiveAnswer(m: Db, id: string): Promise<string | undefined> {
  const [row] = await rows<{ questionId: string }>(
    m,
    `SELECT question_id AS "questionId" FROM answers WHERE id = $1 AND deleted_at IS NULL`,
    [id],
  );
  return row?.questionId;
}

export async function setAnswerAccepted(m: Db, id: string, accepted: boolean): Promise<void> {
  await rows(m, `UPDATE answers SET is_accepted = $2 WHERE id = $1`, [id, accepted]);
}

export async function liveAnswersByIds(db: Db, ids: readonly string[]): Promise<AnswerEntity[]> {
  const found = await rows<AnswerRow>(
    db,
    `SELECT ${ANSWER_COLUMNS} FROM answers a WHERE a.id = ANY($1::uuid[]) AND a.deleted_at IS NULL`,
    [[...ids]],
  );
  return found.map(answerFromRow);
}

/** An answer of a page with the viewer's vote on it (0 without) and its first published comments (rows for commentFromRow). */
export interface PagedAnswer {
  answer: AnswerEntity;
  viewerVote: number;
  commentPreview: Row[];
}

/**
 * The first `limit` live answers of each question after the keyset cursor (accepted first, then
 * score, then oldest), with the viewer's votes and each answer's first comments: one statement.
 */
export async function answerPages(
  db: Db,
  questionIds: readonly string[],
  viewerId: string | null,
  limit: number,
  after: readonly [boolean, number, Date, string] | null,
): Promise<PagedAnswer[]> {
  const keyset = after
    ? `AND (a.is_accepted < $3 OR (a.is_accepted = $3 AND (a.score < $4 OR (a.score = $4 AND (a.created_at, a.id) > ($5, $6)))))`
    : '';
  const found = await rows<AnswerRow & { viewerVote: number | null; commentPreview: Row[] }>(
    db,
    `SELECT a.*, v.value AS "viewerVote", ${commentPreviewJson('a.id')} AS "commentPreview"
     FROM (SELECT ${ANSWER_COLUMNS}, row_number() OVER (PARTITION BY a.question_id ORDER BY a.is_accepted DESC, a.score DESC, a.created_at, a.id) AS rn
           FROM answers a WHERE a.question_id = ANY($1::uuid[]) AND a.deleted_at IS NULL ${keyset}) a
     LEFT JOIN votes v ON v.post_id = a.id AND v.user_id = $2::uuid
     WHERE a.rn <= ${limit} ORDER BY a."questionId", a.rn`,
    [[...questionIds], viewerId, ...(after ?? [])],
  );
  return found.map((r) => ({
    answer: answerFromRow(r),
    viewerVote: Number(r.viewerVote ?? 0),
    commentPreview: r.commentPreview,
  }));
}
