import { rows, type Db } from '@crossroads/api-platform';
import { ANSWER_COLUMNS, QUESTION_COLUMNS } from '../common/sql.js';
import type { AnswerRow, QuestionRow } from '../tables.js';

/*
 * A user's live questions and answers for the profile page: counts and pages of many users in one
 * statement each, walking the partial (author_id, created_at, id) indexes per user.
 */

export interface UserCount {
  userId: string;
  n: number;
}

/** How many live questions each of the users has (users without any are left out). */
export function liveQuestionCounts(db: Db, userIds: readonly string[]): Promise<UserCount[]> {
  return rows<UserCount>(
    db,
    `SELECT q.author_id AS "userId", count(*)::int AS n FROM questions q
      WHERE q.author_id = ANY($1::uuid[]) AND q.deleted_at IS NULL GROUP BY q.author_id`,
    [[...userIds]],
  );
}

/** How many live answers on live questions each of the users has (users without any are left out). */
export function liveAnswerCounts(db: Db, userIds: readonly string[]): Promise<UserCount[]> {
  return rows<UserCount>(
    db,
    `SELECT a.author_id AS "userId", count(*)::int AS n FROM answers a JOIN questions q ON q.id = a.question_id AND q.deleted_at IS NULL
      WHERE a.author_id = ANY($1::uuid[]) AND a.deleted_at IS NULL GROUP BY a.author_id`,
    [[...userIds]],
  );
}

/** The (createdAt, id) keyset of a page, on the table aliased `alias`; parameters $2 and $3. */
const keyset = (alias: string, after: UserPostsAfter | null) =>
  after ? `AND (${alias}.created_at, ${alias}.id) < ($2, $3)` : '';

export type UserPostsAfter = readonly [Date, string];

/** Each user's live questions, newest first, after the keyset, at most `limit` per user. */
export function liveQuestionPages(
  db: Db,
  userIds: readonly string[],
  after: UserPostsAfter | null,
  limit: number,
): Promise<QuestionRow[]> {
  return rows<QuestionRow>(
    db,
    `SELECT x.* FROM unnest($1::uuid[]) AS u(id) CROSS JOIN LATERAL (
           SELECT ${QUESTION_COLUMNS} FROM questions q
            WHERE q.author_id = u.id AND q.deleted_at IS NULL ${keyset('q', after)}
            ORDER BY q.created_at DESC, q.id DESC LIMIT ${limit}) x`,
    [[...userIds], ...(after ?? [])],
  );
}

/** Each user's live answers on live questions, newest first, after the keyset, at most `limit` per user. */
export function liveAnswerPages(
  db: Db,
  userIds: readonly string[],
  after: UserPostsAfter | null,
  limit: number,
): Promise<AnswerRow[]> {
  return rows<AnswerRow>(
    db,
    `SELECT x.* FROM unnest($1::uuid[]) AS u(id) CROSS JOIN LATERAL (
           SELECT ${ANSWER_COLUMNS} FROM answers a JOIN questions q ON q.id = a.question_id AND q.deleted_at IS NULL
            WHERE a.author_id = u.id AND a.deleted_at IS NULL ${keyset('a', after)}
            ORDER BY a.created_at DESC, a.id DESC LIMIT ${limit}) x`,
    [[...userIds], ...(after ?? [])],
  );
}
