import type { EntityManager } from 'typeorm';
import { returning } from '@crossroads/api-platform';
import { FlagEntity, FlaggedPostEntity, type FlagPostType } from './flag.entity.js';

/*
 * The only SQL on flags and flagged_posts. Rows are read into the entities' shapes; the casts stay
 * here (one per statement) until platform's typed-row helper replaces them.
 */

const FLAGGED_COLUMNS = `post_id AS "postId", post_type AS "postType", open_flags AS "openFlags", first_flagged_at AS "firstFlaggedAt", hidden_at AS "hiddenAt"`;
type FlaggedRow = Pick<FlaggedPostEntity, 'postId' | 'postType' | 'openFlags' | 'firstFlaggedAt' | 'hiddenAt'>;
const toFlagged = (row: FlaggedRow) => Object.assign(new FlaggedPostEntity(), row);

/** Records a flag; false when this member already flagged the post. */
export async function insertFlag(
  m: EntityManager,
  flag: { postType: FlagPostType; postId: string; flaggerId: string; reason: string; text: string | null; weight: number },
): Promise<boolean> {
  const inserted = (await m.query(
    `INSERT INTO flags (post_type, post_id, flagger_id, reason, text, weight) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (post_id, flagger_id) DO NOTHING RETURNING id`,
    [flag.postType, flag.postId, flag.flaggerId, flag.reason, flag.text, flag.weight],
  )) as { id: string }[];
  return inserted.length > 0;
}

/** Counts one more open flag on the post (queueing it), locking its flagged_posts row. */
export async function countFlag(m: EntityManager, postId: string, postType: FlagPostType): Promise<{ openFlags: number; hiddenAt: Date | null }> {
  const [counted] = (await m.query(
    `INSERT INTO flagged_posts AS f (post_id, post_type, open_flags, first_flagged_at) VALUES ($1, $2, 1, now())
     ON CONFLICT (post_id) DO UPDATE SET open_flags = f.open_flags + 1,
       first_flagged_at = CASE WHEN f.open_flags = 0 THEN now() ELSE f.first_flagged_at END
     RETURNING open_flags AS "openFlags", hidden_at AS "hiddenAt"`,
    [postId, postType],
  )) as { openFlags: number; hiddenAt: Date | null }[];
  return counted;
}

/** The summed weight of the post's open flags. */
export async function openWeight(m: EntityManager, postId: string): Promise<number> {
  const [open] = (await m.query(`SELECT coalesce(sum(weight), 0)::int AS weight FROM flags WHERE post_id = $1 AND resolved_at IS NULL`, [postId])) as {
    weight: number;
  }[];
  return open.weight;
}

export async function markHidden(m: EntityManager, postId: string): Promise<void> {
  await m.query(`UPDATE flagged_posts SET hidden_at = now() WHERE post_id = $1`, [postId]);
}

export async function lockFlagged(m: EntityManager, postId: string): Promise<FlaggedPostEntity | undefined> {
  const [row] = (await m.query(`SELECT ${FLAGGED_COLUMNS} FROM flagged_posts WHERE post_id = $1 FOR UPDATE`, [postId])) as FlaggedRow[];
  return row && toFlagged(row);
}

export async function resolveOpenFlags(m: EntityManager, postId: string): Promise<void> {
  await m.query(`UPDATE flags SET resolved_at = now() WHERE post_id = $1 AND resolved_at IS NULL`, [postId]);
}

/** Takes the post off the queue (no open flags), recording when it was hidden (null: visible). */
export async function closeFlagged(m: EntityManager, postId: string, hiddenAt: Date | null): Promise<FlaggedPostEntity> {
  const [row] = await returning<FlaggedRow>(m, `UPDATE flagged_posts SET open_flags = 0, hidden_at = $2 WHERE post_id = $1 RETURNING ${FLAGGED_COLUMNS}`, [
    postId,
    hiddenAt,
  ]);
  return toFlagged(row);
}

/**
 * A moderator decided on the post outside the flag queue: its open flags are resolved and it leaves
 * the queue (hidden or not). Returns how many flags were open.
 */
export async function settleForPost(m: EntityManager, postId: string, hidden: boolean): Promise<number> {
  const rows = await returning<{ open: number }>(
    m,
    `UPDATE flagged_posts SET open_flags = 0, hidden_at = CASE WHEN $2 THEN coalesce(hidden_at, now()) END WHERE post_id = $1
     RETURNING (SELECT count(*)::int FROM flags WHERE post_id = $1 AND resolved_at IS NULL) AS "open"`,
    [postId, hidden],
  );
  if (rows.length) await resolveOpenFlags(m, postId);
  return rows[0]?.open ?? 0;
}

/** Posts with open flags, oldest first (flagged_posts_queue_idx), after the keyset if any. */
export async function queuePage(db: EntityManager, after: [Date, string] | null, limit: number): Promise<FlaggedPostEntity[]> {
  const rows = (await db.query(
    `SELECT ${FLAGGED_COLUMNS} FROM flagged_posts WHERE open_flags > 0 ${after ? `AND (first_flagged_at, post_id) > ($1, $2)` : ''}
     ORDER BY first_flagged_at, post_id LIMIT ${limit}`,
    after ?? [],
  )) as FlaggedRow[];
  return rows.map(toFlagged);
}

/** The open flags of the given posts, oldest first (flags_post_open_idx). */
export async function openFlagsOf(db: EntityManager, postIds: readonly string[]): Promise<FlagEntity[]> {
  const rows = (await db.query(
    `SELECT id, post_id AS "postId", flagger_id AS "flaggerId", reason, text, created_at AS "createdAt" FROM flags
     WHERE post_id = ANY($1::uuid[]) AND resolved_at IS NULL ORDER BY created_at, id`,
    [[...postIds]],
  )) as Pick<FlagEntity, 'id' | 'postId' | 'flaggerId' | 'reason' | 'text' | 'createdAt'>[];
  return rows.map((r) => Object.assign(new FlagEntity(), r));
}
