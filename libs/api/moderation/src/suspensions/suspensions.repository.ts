import type { EntityManager } from 'typeorm';
import { returning } from '@crossroads/api-platform';
import { SuspensionEntity } from './suspension.entity.js';

/*
 * The only SQL on suspensions and member_moderation (the SPAM mark). The casts stay here, one per
 * statement, until platform's typed-row helper replaces them.
 */

/** A suspension that has not been lifted and has not ended (suspensions_user_open_idx). */
export const ACTIVE = `lifted_at IS NULL AND (ends_at IS NULL OR ends_at > now())`;
const COLUMNS = `id, user_id AS "userId", suspended_by AS "suspendedBy", reason, ends_at AS "endsAt", lifted_at AS "liftedAt",
  lifted_by AS "liftedBy", created_at AS "createdAt"`;
type SuspensionRow = Pick<SuspensionEntity, 'id' | 'userId' | 'suspendedBy' | 'reason' | 'endsAt' | 'liftedAt' | 'liftedBy' | 'createdAt'>;
const toEntity = (row: SuspensionRow) => Object.assign(new SuspensionEntity(), row);

/** The active suspension ending last (or never), as SQL for the per-request principal lookup; `userId` is an SQL expression. */
export function activeSuspensionSql(userId: string): string {
  return `SELECT true AS suspended, ends_at FROM suspensions WHERE user_id = ${userId} AND ${ACTIVE} ORDER BY ends_at DESC NULLS FIRST LIMIT 1`;
}

export async function activeEnd(db: EntityManager, userId: string): Promise<{ endsAt: Date | null } | undefined> {
  const [row] = (await db.query(`SELECT ends_at AS "endsAt" FROM suspensions WHERE user_id = $1 AND ${ACTIVE} ORDER BY ends_at DESC NULLS FIRST LIMIT 1`, [
    userId,
  ])) as { endsAt: Date | null }[];
  return row;
}

export async function active(m: EntityManager, userId: string): Promise<SuspensionEntity[]> {
  const rows = (await m.query(`SELECT ${COLUMNS} FROM suspensions WHERE user_id = $1 AND ${ACTIVE}`, [userId])) as SuspensionRow[];
  return rows.map(toEntity);
}

/** Lifts every unlifted suspension of the member (also ended ones), in `by`'s name. */
export async function liftAll(m: EntityManager, userId: string, by: string): Promise<void> {
  await m.query(`UPDATE suspensions SET lifted_at = now(), lifted_by = $2 WHERE user_id = $1 AND lifted_at IS NULL`, [userId, by]);
}

/** Lifts the member's active suspensions in `by`'s name; returns them. */
export async function liftActive(m: EntityManager, userId: string, by: string): Promise<SuspensionEntity[]> {
  const rows = await returning<SuspensionRow>(m, `UPDATE suspensions SET lifted_at = now(), lifted_by = $2 WHERE user_id = $1 AND ${ACTIVE} RETURNING ${COLUMNS}`, [
    userId,
    by,
  ]);
  return rows.map(toEntity);
}

/** A suspension for `days` days, or without end when null. */
export async function insert(m: EntityManager, s: { userId: string; by: string; reason: string; days: number | null }): Promise<SuspensionEntity> {
  const [row] = (await m.query(
    `INSERT INTO suspensions (user_id, suspended_by, reason, ends_at)
     VALUES ($1, $2, $3, CASE WHEN $4::int IS NULL THEN NULL ELSE now() + make_interval(days => $4::int) END) RETURNING ${COLUMNS}`,
    [s.userId, s.by, s.reason, s.days],
  )) as SuspensionRow[];
  return toEntity(row);
}

export async function isSpamMarked(db: EntityManager, userId: string): Promise<boolean> {
  const [row] = (await db.query(`SELECT 1 FROM member_moderation WHERE user_id = $1 AND spam_marked_at IS NOT NULL`, [userId])) as unknown[];
  return Boolean(row);
}

/** Which of the members carry the SPAM mark. */
export async function spamMarked(db: EntityManager, userIds: readonly string[]): Promise<Set<string>> {
  const rows = (await db.query(`SELECT user_id AS "userId" FROM member_moderation WHERE user_id = ANY($1::uuid[]) AND spam_marked_at IS NOT NULL`, [
    [...userIds],
  ])) as { userId: string }[];
  return new Set(rows.map((r) => r.userId));
}

export async function markSpam(m: EntityManager, userId: string, by: string): Promise<void> {
  await m.query(
    `INSERT INTO member_moderation (user_id, spam_marked_at, spam_marked_by) VALUES ($1, now(), $2)
     ON CONFLICT (user_id) DO UPDATE SET spam_marked_at = now(), spam_marked_by = $2`,
    [userId, by],
  );
}

export async function clearSpamMark(m: EntityManager, userId: string): Promise<void> {
  await m.query(`UPDATE member_moderation SET spam_marked_at = NULL, spam_marked_by = NULL WHERE user_id = $1 AND spam_marked_at IS NOT NULL`, [userId]);
}
