import type { EntityManager } from 'typeorm';
import { affected, rows } from '@crossroads/api-platform';
import type { QaPostType } from '../common/post-type.js';

/* The only SQL on votes and on the score of questions and answers. */

const TABLE: Record<QaPostType, string> = { QUESTION: 'questions', ANSWER: 'answers' };

/** A live post's author, score and question (the question itself for a question). */
export async function votable(
  m: EntityManager,
  type: QaPostType,
  id: string,
): Promise<{ authorId: string; score: number; questionId: string } | undefined> {
  const [post] = await rows<{ authorId: string; score: number; questionId: string }>(
    m,
    `SELECT author_id AS "authorId", score, ${type === 'QUESTION' ? 'id' : 'question_id'} AS "questionId" FROM ${TABLE[type]} WHERE id = $1 AND deleted_at IS NULL`,
    [id],
  );
  return post;
}

export async function score(m: EntityManager, type: QaPostType, id: string): Promise<number> {
  const [current] = await rows<{ score: number }>(m, `SELECT score FROM ${TABLE[type]} WHERE id = $1`, [id]);
  return current.score;
}

/** Moves the score by `delta` atomically; returns the new score. */
export async function addToScore(m: EntityManager, type: QaPostType, id: string, delta: number): Promise<number> {
  const [updated] = await rows<{ score: number }>(
    m,
    `UPDATE ${TABLE[type]} SET score = score + $1 WHERE id = $2 RETURNING score`,
    [delta, id],
  );
  return updated.score;
}

/** Deletes the member's vote on the post; returns its value (0 when there was none). */
export async function deleteVote(m: EntityManager, userId: string, postId: string): Promise<number> {
  const removed = await rows<{ value: number }>(
    m,
    `DELETE FROM votes WHERE user_id = $1 AND post_id = $2 RETURNING value`,
    [userId, postId],
  );
  return removed[0]?.value ?? 0;
}

export async function lockVote(m: EntityManager, userId: string, postId: string): Promise<number | undefined> {
  const [existing] = await rows<{ value: number }>(
    m,
    `SELECT value FROM votes WHERE user_id = $1 AND post_id = $2 FOR UPDATE`,
    [userId, postId],
  );
  return existing?.value;
}

export async function setVote(m: EntityManager, userId: string, postId: string, value: number): Promise<void> {
  await affected(m, `UPDATE votes SET value = $3, updated_at = now() WHERE user_id = $1 AND post_id = $2`, [
    userId,
    postId,
    value,
  ]);
}

/** Inserts the vote; false when one for the same member and post already exists (a concurrent insert). */
export async function insertVote(
  m: EntityManager,
  userId: string,
  postId: string,
  postType: QaPostType,
  value: number,
): Promise<boolean> {
  const inserted = await rows<{ value: number }>(
    m,
    `INSERT INTO votes (user_id, post_id, post_type, value) VALUES ($1, $2, $3, $4) ON CONFLICT (user_id, post_id) DO NOTHING RETURNING value`,
    [userId, postId, postType, value],
  );
  return inserted.length > 0;
}

/** The member's votes on the given posts. */
export async function votesOf(
  db: EntityManager,
  userId: string,
  postIds: readonly string[],
): Promise<Map<string, number>> {
  const found = await rows<{
    postId: string;
    value: number;
  }>(db, `SELECT post_id AS "postId", value FROM votes WHERE user_id = $1 AND post_id = ANY($2::uuid[])`, [
    userId,
    [...postIds],
  ]);
  return new Map(found.map((r) => [r.postId, r.value]));
}
