import type { EntityManager } from 'typeorm';
import { returning } from '@crossroads/api-platform';
import type { QaPostType } from '../common/post-type.js';

/* The only SQL on votes and on the score of questions and answers. */

const TABLE: Record<QaPostType, string> = { QUESTION: 'questions', ANSWER: 'answers' };

/** A live post's author, score and question (the question itself for a question). */
export async function votable(m: EntityManager, type: QaPostType, id: string): Promise<{ authorId: string; score: number; questionId: string } | undefined> {
  const [post] = (await m.query(
    `SELECT author_id AS "authorId", score, ${type === 'QUESTION' ? 'id' : 'question_id'} AS "questionId" FROM ${TABLE[type]} WHERE id = $1 AND deleted_at IS NULL`,
    [id],
  )) as { authorId: string; score: number; questionId: string }[];
  return post;
}

export async function score(m: EntityManager, type: QaPostType, id: string): Promise<number> {
  const [current] = (await m.query(`SELECT score FROM ${TABLE[type]} WHERE id = $1`, [id])) as { score: number }[];
  return current.score;
}

/** Moves the score by `delta` atomically; returns the new score. */
export async function addToScore(m: EntityManager, type: QaPostType, id: string, delta: number): Promise<number> {
  const [updated] = await returning<{ score: number }>(m, `UPDATE ${TABLE[type]} SET score = score + $1 WHERE id = $2 RETURNING score`, [delta, id]);
  return updated.score;
}

/** Deletes the member's vote on the post; returns its value (0 when there was none). */
export async function deleteVote(m: EntityManager, userId: string, postId: string): Promise<number> {
  const removed = await returning<{ value: number }>(m, `DELETE FROM votes WHERE user_id = $1 AND post_id = $2 RETURNING value`, [userId, postId]);
  return removed[0]?.value ?? 0;
}

export async function lockVote(m: EntityManager, userId: string, postId: string): Promise<number | undefined> {
  const [existing] = (await m.query(`SELECT value FROM votes WHERE user_id = $1 AND post_id = $2 FOR UPDATE`, [userId, postId])) as { value: number }[];
  return existing?.value;
}

export async function setVote(m: EntityManager, userId: string, postId: string, value: number): Promise<void> {
  await m.query(`UPDATE votes SET value = $3, updated_at = now() WHERE user_id = $1 AND post_id = $2`, [userId, postId, value]);
}

/** Inserts the vote; false when one for the same member and post already exists (a concurrent insert). */
export async function insertVote(m: EntityManager, userId: string, postId: string, postType: QaPostType, value: number): Promise<boolean> {
  const inserted = (await m.query(
    `INSERT INTO votes (user_id, post_id, post_type, value) VALUES ($1, $2, $3, $4) ON CONFLICT (user_id, post_id) DO NOTHING RETURNING value`,
    [userId, postId, postType, value],
  )) as { value: number }[];
  return inserted.length > 0;
}

/** The member's votes on the given posts. */
export async function votesOf(db: EntityManager, userId: string, postIds: readonly string[]): Promise<Map<string, number>> {
  const rows = (await db.query(`SELECT post_id AS "postId", value FROM votes WHERE user_id = $1 AND post_id = ANY($2::uuid[])`, [userId, [...postIds]])) as {
    postId: string;
    value: number;
  }[];
  return new Map(rows.map((r) => [r.postId, r.value]));
}
