import type { AccountStanding, Role } from '@crossroads/shared-domain';
import { col, maybeOne, rows, selectList, table, type Db, type RowOf } from '@crossroads/api-platform';

/** A user as the batch loader selects it (the columns of UserEntity that pages read). */
export const usersTable = table('users', {
  id: col.uuid(),
  handle: col.text(),
  email: col.text().nullable(),
  displayName: col.text(),
  passwordHash: col.text().nullable(),
  role: col.enum<Role>('user_role'),
  reputation: col.int(),
  emailVerifiedAt: col.timestamp().nullable(),
  avatarVersion: col.text().nullable(),
  bio: col.text().nullable(),
  location: col.text().nullable(),
  links: col.textArray(),
  createdAt: col.timestamp(),
  updatedAt: col.timestamp(),
});
export type UserRow = RowOf<typeof usersTable>;
const USER_COLUMNS = selectList(usersTable, 'u');

export function usersByIds(db: Db, ids: readonly string[]): Promise<UserRow[]> {
  return rows<UserRow>(db, `SELECT ${USER_COLUMNS} FROM users u WHERE u.id = ANY($1::uuid[])`, [[...ids]]);
}

export function lastSeenByIds(
  db: Db,
  ids: readonly string[],
): Promise<{ id: string; lastSeenAt: Date | null; createdAt: Date }[]> {
  return rows(
    db,
    `SELECT id, last_seen_at AS "lastSeenAt", created_at AS "createdAt" FROM users WHERE id = ANY($1::uuid[])`,
    [[...ids]],
  );
}

export function standingsByIds(db: Db, ids: readonly string[]): Promise<(AccountStanding & { id: string })[]> {
  return rows(db, `SELECT id, role, reputation, created_at AS "createdAt" FROM users WHERE id = ANY($1::uuid[])`, [
    [...ids],
  ]);
}

/** The account with this handle, locked until the caller's transaction ends. */
export async function lockByHandle(
  db: Db,
  handle: string,
): Promise<{ id: string; handle: string; role: Role } | undefined> {
  const [row] = await rows<{ id: string; handle: string; role: Role }>(
    db,
    `SELECT id, handle, role FROM users WHERE handle = $1 FOR UPDATE`,
    [handle],
  );
  return row;
}

/** Seconds until the account is `periodSeconds` old; undefined when it already is (or does not exist). */
export async function secondsUntilAged(db: Db, userId: string, periodSeconds: number): Promise<number | undefined> {
  const [row] = await rows<{ newFor: number }>(
    db,
    `SELECT extract(epoch FROM created_at + make_interval(secs => $2) - now())::float8 AS "newFor"
     FROM users WHERE id = $1 AND created_at > now() - make_interval(secs => $2)`,
    [userId, periodSeconds],
  );
  return row?.newFor;
}

/** Handles and display names of the moderators and admins (a new name may not pass for theirs), but `exceptId`'s. */
export function staffNames(db: Db, exceptId: string | null = null): Promise<{ handle: string; displayName: string }[]> {
  return rows(
    db,
    `SELECT handle, display_name AS "displayName" FROM users WHERE role IN ('MODERATOR', 'ADMIN') AND id IS DISTINCT FROM $1::uuid`,
    [exceptId],
  );
}

/** The profile part of a member's data export. */
export function exportedProfile(db: Db, userId: string): Promise<Record<string, unknown> | undefined> {
  return maybeOne(
    db,
    `SELECT handle, display_name AS "displayName", email, email_verified_at IS NOT NULL AS "emailVerified", bio, location, links, role, reputation, created_at AS "createdAt"
     FROM users WHERE id = $1`,
    [userId],
  );
}

/** Clears the user's avatar (the row locked while read); returns the version it had, to remove its files. */
export async function clearAvatarVersion(db: Db, userId: string): Promise<string | null> {
  const row = await maybeOne<{ previous: string | null }>(
    db,
    `UPDATE users u SET avatar_version = NULL FROM (SELECT id, avatar_version FROM users WHERE id = $1 FOR UPDATE) old
     WHERE u.id = old.id RETURNING old.avatar_version AS "previous"`,
    [userId],
  );
  return row?.previous ?? null;
}

/** The next account whose deletion grace period is over, locked (others skip it). */
export async function lockNextDueForErasure(db: Db, graceDays: number): Promise<string | undefined> {
  const row = await maybeOne<{ id: string }>(
    db,
    `SELECT id FROM users WHERE deletion_requested_at < now() - make_interval(days => $1) AND erased_at IS NULL
     ORDER BY deletion_requested_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
    [graceDays],
  );
  return row?.id;
}

/**
 * Erases the account: what identifies the person goes, with their sessions, tokens and linked
 * identities. The handle stays unique and unguessable; the display name is what readers of the posts see.
 */
export async function eraseAccount(db: Db, userId: string): Promise<void> {
  await db.query(
    `UPDATE users SET email = NULL, password_hash = NULL, display_name = 'Deleted user', handle = 'deleted-' || substr(md5(id::text), 1, 12),
       bio = NULL, location = NULL, links = '{}', avatar_version = NULL, email_verified_at = NULL, last_seen_at = NULL, erased_at = now()
     WHERE id = $1`,
    [userId],
  );
  await db.query(`DELETE FROM refresh_tokens WHERE user_id = $1`, [userId]);
  await db.query(`DELETE FROM account_tokens WHERE user_id = $1`, [userId]);
  await db.query(`DELETE FROM user_identities WHERE user_id = $1`, [userId]);
}

/** Accounts in id order with when they joined, for contexts rebuilding their own history (insights' backfill). */
export function joinedPage(db: Db, afterId: string | null, limit: number): Promise<{ id: string; createdAt: Date }[]> {
  return rows<{ id: string; createdAt: Date }>(
    db,
    `SELECT id, created_at AS "createdAt" FROM users WHERE ($1::uuid IS NULL OR id > $1) ORDER BY id LIMIT $2`,
    [afterId, limit],
  );
}

export async function countUsers(db: Db): Promise<number> {
  return (await rows<{ n: number }>(db, `SELECT count(*)::int AS n FROM users`, []))[0]?.n ?? 0;
}
