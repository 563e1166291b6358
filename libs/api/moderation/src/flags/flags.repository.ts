import type { EntityManager } from 'typeorm';
import { affected, col, maybeOne, one, rows, selectList, table, type RowOf } from '@crossroads/api-platform';
import { FlagEntity, FlaggedPostEntity, type FlagPostType, type FlagReason } from './flag.entity.js';

/* The only SQL on flags and flagged_posts. */

export const flagsTable = table('flags', {
  id: col.uuid(),
  postType: col.enum<FlagPostType>('flag_post_type'),
  postId: col.uuid(),
  flaggerId: col.uuid(),
  reason: col.enum<FlagReason>('flag_reason'),
  text: col.text().nullable(),
  weight: col.int(),
  createdAt: col.timestamp(),
  resolvedAt: col.timestamp().nullable(),
});
export const flaggedPostsTable = table('flagged_posts', {
  postId: col.uuid(),
  postType: col.enum<FlagPostType>('flag_post_type'),
  openFlags: col.int(),
  firstFlaggedAt: col.timestamp(),
  hiddenAt: col.timestamp().nullable(),
});
type FlagRow = Pick<RowOf<typeof flagsTable>, 'id' | 'postId' | 'flaggerId' | 'reason' | 'text' | 'createdAt'>;
type FlaggedRow = RowOf<typeof flaggedPostsTable>;
const FLAG_COLUMNS = selectList(flagsTable, 'g', ['id', 'postId', 'flaggerId', 'reason', 'text', 'createdAt']);
const FLAGGED_COLUMNS = selectList(flaggedPostsTable, 'f');
const toFlagged = (row: FlaggedRow) => Object.assign(new FlaggedPostEntity(), row);

/** Records a flag; false when this member already flagged the post. */
export async function insertFlag(
  m: EntityManager,
  flag: {
    postType: FlagPostType;
    postId: string;
    flaggerId: string;
    reason: FlagReason;
    text: string | null;
    weight: number;
  },
): Promise<string | null> {
  const inserted = await rows<{ id: string }>(
    m,
    `INSERT INTO flags (post_type, post_id, flagger_id, reason, text, weight) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (post_id, flagger_id) DO NOTHING RETURNING id`,
    [flag.postType, flag.postId, flag.flaggerId, flag.reason, flag.text, flag.weight],
  );
  return inserted[0]?.id ?? null;
}

/** Counts one more open flag on the post (queueing it), locking its flagged_posts row. */
export function countFlag(
  m: EntityManager,
  postId: string,
  postType: FlagPostType,
): Promise<Pick<FlaggedRow, 'openFlags' | 'hiddenAt'>> {
  return one(
    m,
    `INSERT INTO flagged_posts AS f (post_id, post_type, open_flags, first_flagged_at) VALUES ($1, $2, 1, now())
     ON CONFLICT (post_id) DO UPDATE SET open_flags = f.open_flags + 1,
       first_flagged_at = CASE WHEN f.open_flags = 0 THEN now() ELSE f.first_flagged_at END
     RETURNING f.open_flags AS "openFlags", f.hidden_at AS "hiddenAt"`,
    [postId, postType],
  );
}

/** The summed weight of the post's open flags. */
export async function openWeight(m: EntityManager, postId: string): Promise<number> {
  const open = await one<{ weight: number }>(
    m,
    `SELECT coalesce(sum(weight), 0)::int AS weight FROM flags WHERE post_id = $1 AND resolved_at IS NULL`,
    [postId],
  );
  return open.weight;
}

export async function markHidden(m: EntityManager, postId: string): Promise<void> {
  await affected(m, `UPDATE flagged_posts SET hidden_at = now() WHERE post_id = $1`, [postId]);
}

export async function lockFlagged(m: EntityManager, postId: string): Promise<FlaggedPostEntity | undefined> {
  const row = await maybeOne<FlaggedRow>(
    m,
    `SELECT ${FLAGGED_COLUMNS} FROM flagged_posts f WHERE f.post_id = $1 FOR UPDATE`,
    [postId],
  );
  return row && toFlagged(row);
}

/** Resolves the post's open flags, returning their ids. */
export async function resolveOpenFlags(m: EntityManager, postId: string): Promise<string[]> {
  return (
    await rows<{ id: string }>(
      m,
      `UPDATE flags SET resolved_at = now() WHERE post_id = $1 AND resolved_at IS NULL RETURNING id`,
      [postId],
    )
  ).map((r) => r.id);
}

/** Takes the post off the queue (no open flags), recording when it was hidden (null: visible). */
export async function closeFlagged(
  m: EntityManager,
  postId: string,
  hiddenAt: Date | null,
): Promise<FlaggedPostEntity> {
  return toFlagged(
    await one<FlaggedRow>(
      m,
      `UPDATE flagged_posts f SET open_flags = 0, hidden_at = $2 WHERE f.post_id = $1 RETURNING ${FLAGGED_COLUMNS}`,
      [postId, hiddenAt],
    ),
  );
}

/**
 * A moderator decided on the post outside the flag queue: its open flags are resolved and it leaves
 * the queue (hidden or not). Returns how many flags were open.
 */
export async function settleForPost(m: EntityManager, postId: string, hidden: boolean): Promise<number> {
  const settled = await maybeOne<{ open: number }>(
    m,
    `UPDATE flagged_posts SET open_flags = 0, hidden_at = CASE WHEN $2 THEN coalesce(hidden_at, now()) END WHERE post_id = $1
     RETURNING (SELECT count(*)::int FROM flags WHERE post_id = $1 AND resolved_at IS NULL) AS "open"`,
    [postId, hidden],
  );
  if (settled) await resolveOpenFlags(m, postId);
  return settled?.open ?? 0;
}

/** Posts with open flags, oldest first (flagged_posts_queue_idx), after the keyset if any. */
export async function queuePage(
  db: EntityManager,
  after: [Date, string] | null,
  limit: number,
): Promise<FlaggedPostEntity[]> {
  const found = await rows<FlaggedRow>(
    db,
    `SELECT ${FLAGGED_COLUMNS} FROM flagged_posts f WHERE f.open_flags > 0 ${after ? `AND (f.first_flagged_at, f.post_id) > ($1, $2)` : ''}
     ORDER BY f.first_flagged_at, f.post_id LIMIT ${limit}`,
    after ?? [],
  );
  return found.map(toFlagged);
}

/** The open flags of the given posts, oldest first (flags_post_open_idx). */
export async function openFlagsOf(db: EntityManager, postIds: readonly string[]): Promise<FlagEntity[]> {
  const found = await rows<FlagRow>(
    db,
    `SELECT ${FLAG_COLUMNS} FROM flags g WHERE g.post_id = ANY($1::uuid[]) AND g.resolved_at IS NULL ORDER BY g.created_at, g.id`,
    [[...postIds]],
  );
  return found.map((r) => Object.assign(new FlagEntity(), r));
}
