import { col, one, rows, table, type Db, type RowOf } from '@crossroads/api-platform';
import type { FollowLevel, FollowTargetType } from '../common/types.js';

export const followsTable = table('follows', {
  userId: col.uuid(),
  targetType: col.enum<FollowTargetType>('follow_target_type'),
  targetKey: col.text(),
  level: col.enum<FollowLevel>('follow_level'),
  auto: col.bool(),
  createdAt: col.timestamp(),
  updatedAt: col.timestamp(),
});
export type FollowRow = RowOf<typeof followsTable>;

/** An explicit choice: replaces any level, automatic or not. */
export async function setLevel(
  db: Db,
  userId: string,
  type: FollowTargetType,
  key: string,
  level: FollowLevel,
): Promise<void> {
  await rows(
    db,
    `INSERT INTO follows (user_id, target_type, target_key, level, auto) VALUES ($1, $2, $3, $4, false)
       ON CONFLICT (user_id, target_type, target_key) DO UPDATE SET level = EXCLUDED.level, auto = false, updated_at = now()`,
    [userId, type, key, level],
  );
}

export async function removeFollow(db: Db, userId: string, type: FollowTargetType, key: string): Promise<void> {
  await rows(db, `DELETE FROM follows WHERE user_id = $1 AND target_type = $2 AND target_key = $3`, [
    userId,
    type,
    key,
  ]);
}

/** An automatic follow of a question at `level`, replacing only an automatic follow at one of `raises`. */
export async function autoFollowQuestion(
  db: Db,
  userId: string,
  questionId: string,
  level: FollowLevel,
  raises: readonly FollowLevel[],
): Promise<void> {
  await rows(
    db,
    `INSERT INTO follows (user_id, target_type, target_key, level, auto) VALUES ($1, 'QUESTION', $2, $3, true)
       ON CONFLICT (user_id, target_type, target_key) DO UPDATE SET level = EXCLUDED.level, updated_at = now()
       WHERE follows.auto AND follows.level = ANY($4::follow_level[])`,
    [userId, questionId, level, [...raises]],
  );
}

export function levels(
  db: Db,
  userId: string,
  type: FollowTargetType,
  keys: readonly string[],
): Promise<{ key: string; level: FollowLevel }[]> {
  return rows(
    db,
    `SELECT target_key AS key, level FROM follows WHERE user_id = $1 AND target_type = $2 AND target_key = ANY($3::varchar[])`,
    [userId, type, [...keys]],
  );
}

export function followerCounts(
  db: Db,
  type: FollowTargetType,
  keys: readonly string[],
  following: readonly FollowLevel[],
): Promise<{ key: string; n: number }[]> {
  return rows(
    db,
    `SELECT target_key AS key, count(*)::int AS n FROM follows WHERE target_type = $1 AND target_key = ANY($2::varchar[]) AND level = ANY($3::follow_level[]) GROUP BY target_key`,
    [type, [...keys], [...following]],
  );
}

export async function followedKeys(
  db: Db,
  userId: string,
  type: FollowTargetType,
  following: readonly FollowLevel[],
): Promise<string[]> {
  const found = await rows<{ key: string }>(
    db,
    `SELECT target_key AS key FROM follows WHERE user_id = $1 AND target_type = $2 AND level = ANY($3::follow_level[]) ORDER BY created_at DESC, target_key`,
    [userId, type, [...following]],
  );
  return found.map((r) => r.key);
}

/** Followed question ids, newest follow first, keyset on (created_at, key). */
export function followedQuestionsPage(
  db: Db,
  userId: string,
  following: readonly FollowLevel[],
  limit: number,
  after?: readonly [Date, string],
): Promise<{ key: string; createdAt: Date }[]> {
  return rows(
    db,
    `SELECT f.target_key AS key, f.created_at AS "createdAt" FROM follows f
         WHERE f.user_id = $1 AND f.target_type = 'QUESTION' AND f.level = ANY($2::follow_level[]) ${after ? 'AND (f.created_at, f.target_key) < ($3, $4)' : ''}
         ORDER BY f.created_at DESC, f.target_key DESC LIMIT ${limit}`,
    after ? [userId, [...following], ...after] : [userId, [...following]],
  );
}

export async function followedQuestionsCount(
  db: Db,
  userId: string,
  following: readonly FollowLevel[],
): Promise<number> {
  return Number(
    (
      await one<{ n: number }>(
        db,
        `SELECT count(*)::int AS n FROM follows WHERE user_id = $1 AND target_type = 'QUESTION' AND level = ANY($2::follow_level[])`,
        [userId, [...following]],
      )
    ).n,
  );
}
