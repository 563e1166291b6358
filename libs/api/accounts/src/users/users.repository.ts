import type { AccountStanding, Role } from '@crossroads/shared-domain';
import { col, rows, selectList, table, type Db, type RowOf } from '@crossroads/api-platform';

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
