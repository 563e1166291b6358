import type { EntityManager } from 'typeorm';
import { affected, col, maybeOne, one, rows, selectList, table, type RowOf } from '@crossroads/api-platform';
import { SuspensionEntity } from './suspension.entity.js';

/* The only SQL on suspensions and member_moderation (the SPAM mark). */

export const suspensionsTable = table('suspensions', {
  id: col.uuid(),
  userId: col.uuid(),
  suspendedBy: col.uuid(),
  reason: col.text(),
  endsAt: col.timestamp().nullable(),
  liftedAt: col.timestamp().nullable(),
  liftedBy: col.uuid().nullable(),
  createdAt: col.timestamp(),
});
export const memberModerationTable = table('member_moderation', {
  userId: col.uuid(),
  spamMarkedAt: col.timestamp().nullable(),
  spamMarkedBy: col.uuid().nullable(),
});
type SuspensionRow = RowOf<typeof suspensionsTable>;
const COLUMNS = selectList(suspensionsTable, 's');
const toEntity = (row: SuspensionRow) => Object.assign(new SuspensionEntity(), row);

/** A suspension that has not been lifted and has not ended (suspensions_user_open_idx). */
const ACTIVE = `lifted_at IS NULL AND (ends_at IS NULL OR ends_at > now())`;

/** The active suspension ending last (or never), as SQL for the per-request principal lookup; `userId` is an SQL expression. */
export function activeSuspensionSql(userId: string): string {
  return `SELECT true AS suspended, ends_at FROM suspensions WHERE user_id = ${userId} AND ${ACTIVE} ORDER BY ends_at DESC NULLS FIRST LIMIT 1`;
}

export function activeEnd(db: EntityManager, userId: string): Promise<{ endsAt: Date | null } | undefined> {
  return maybeOne(
    db,
    `SELECT ends_at AS "endsAt" FROM suspensions WHERE user_id = $1 AND ${ACTIVE} ORDER BY ends_at DESC NULLS FIRST LIMIT 1`,
    [userId],
  );
}

export async function active(m: EntityManager, userId: string): Promise<SuspensionEntity[]> {
  return (
    await rows<SuspensionRow>(m, `SELECT ${COLUMNS} FROM suspensions s WHERE s.user_id = $1 AND ${ACTIVE}`, [userId])
  ).map(toEntity);
}

/** Lifts every unlifted suspension of the member (also ended ones), in `by`'s name. */
export async function liftAll(m: EntityManager, userId: string, by: string): Promise<void> {
  await affected(
    m,
    `UPDATE suspensions SET lifted_at = now(), lifted_by = $2 WHERE user_id = $1 AND lifted_at IS NULL`,
    [userId, by],
  );
}

/** Lifts the member's active suspensions in `by`'s name; returns them. */
export async function liftActive(m: EntityManager, userId: string, by: string): Promise<SuspensionEntity[]> {
  const lifted = await rows<SuspensionRow>(
    m,
    `UPDATE suspensions s SET lifted_at = now(), lifted_by = $2 WHERE s.user_id = $1 AND ${ACTIVE} RETURNING ${COLUMNS}`,
    [userId, by],
  );
  return lifted.map(toEntity);
}

/** A suspension for `days` days, or without end when null. */
export async function insert(
  m: EntityManager,
  s: { userId: string; by: string; reason: string; days: number | null },
): Promise<SuspensionEntity> {
  const row = await one<SuspensionRow>(
    m,
    `INSERT INTO suspensions AS s (user_id, suspended_by, reason, ends_at)
     VALUES ($1, $2, $3, CASE WHEN $4::int IS NULL THEN NULL ELSE now() + make_interval(days => $4::int) END) RETURNING ${COLUMNS}`,
    [s.userId, s.by, s.reason, s.days],
  );
  return toEntity(row);
}

export async function isSpamMarked(db: EntityManager, userId: string): Promise<boolean> {
  return (
    (await maybeOne(db, `SELECT 1 FROM member_moderation WHERE user_id = $1 AND spam_marked_at IS NOT NULL`, [
      userId,
    ])) !== undefined
  );
}

/** Which of the members carry the SPAM mark. */
export async function spamMarked(db: EntityManager, userIds: readonly string[]): Promise<Set<string>> {
  const marked = await rows<{ userId: string }>(
    db,
    `SELECT user_id AS "userId" FROM member_moderation WHERE user_id = ANY($1::uuid[]) AND spam_marked_at IS NOT NULL`,
    [[...userIds]],
  );
  return new Set(marked.map((r) => r.userId));
}

export async function markSpam(m: EntityManager, userId: string, by: string): Promise<void> {
  await affected(
    m,
    `INSERT INTO member_moderation (user_id, spam_marked_at, spam_marked_by) VALUES ($1, now(), $2)
     ON CONFLICT (user_id) DO UPDATE SET spam_marked_at = now(), spam_marked_by = $2`,
    [userId, by],
  );
}

export async function clearSpamMark(m: EntityManager, userId: string): Promise<void> {
  await affected(
    m,
    `UPDATE member_moderation SET spam_marked_at = NULL, spam_marked_by = NULL WHERE user_id = $1 AND spam_marked_at IS NOT NULL`,
    [userId],
  );
}
