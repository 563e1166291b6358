import type { Role } from '@crossroads/shared-domain';
import { rows as run, type Db } from '@crossroads/api-platform';

/**
 * Bulk operations on the accounts context's `users` table, for the tools that write many rows at
 * once (importer, generator, demo seed, test rigs). Each runs in the caller's transaction.
 */

export interface NewAccount {
  id: string;
  handle: string;
  displayName: string;
  email?: string | null;
  passwordHash?: string | null;
  role?: Role;
  /** In the past: an aged account, past the new-account limits (demo people, imported users). Default now(). */
  createdAt?: Date | null;
}

/** Creates the accounts in one statement (no registration rules: the caller vouches for the handles). */
export async function bulkCreateAccounts(db: Db, accounts: readonly NewAccount[]): Promise<void> {
  if (!accounts.length) return;
  await run(
    db,
    `INSERT INTO users (id, handle, display_name, email, password_hash, role, created_at, updated_at)
     SELECT id, handle, name, email, hash, role, coalesce(created, now()), coalesce(created, now())
       FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::user_role[], $7::timestamptz[])
         AS t(id, handle, name, email, hash, role, created)`,
    [
      accounts.map((a) => a.id),
      accounts.map((a) => a.handle),
      accounts.map((a) => a.displayName),
      accounts.map((a) => a.email ?? null),
      accounts.map((a) => a.passwordHash ?? null),
      accounts.map((a) => a.role ?? 'MEMBER'),
      accounts.map((a) => a.createdAt?.toISOString() ?? null),
    ],
  );
}

/** Which of these handles are taken. */
export async function takenHandles(db: Db, handles: readonly string[]): Promise<Set<string>> {
  if (!handles.length) return new Set();
  const rows = await run(db, `SELECT handle FROM users WHERE handle = ANY($1::varchar[])`, [[...new Set(handles)]]);
  return new Set(rows.map((r) => r['handle'] as string));
}

/** Moves cached reputations by these deltas in one statement (a bulk load's ledger, summed per user). */
export async function bulkAdjustReputation(db: Db, deltas: ReadonlyMap<string, number>): Promise<void> {
  const entries = [...deltas].filter(([, d]) => d !== 0);
  if (!entries.length) return;
  await run(
    db,
    `UPDATE users u SET reputation = u.reputation + d.delta FROM unnest($1::uuid[], $2::int[]) AS d(id, delta) WHERE u.id = d.id`,
    [entries.map(([id]) => id), entries.map(([, d]) => d)],
  );
}

/**
 * Back-dates accounts (demo people, the browser suite's aged accounts): an account created days ago
 * is past the new-account limits and counts as established.
 */
export async function ageAccounts(db: Db, ages: ReadonlyArray<{ id: string; createdAt: Date }>): Promise<void> {
  if (!ages.length) return;
  await run(
    db,
    `UPDATE users u SET created_at = a.at, updated_at = greatest(a.at, u.updated_at) FROM unnest($1::uuid[], $2::timestamptz[]) AS a(id, at) WHERE u.id = a.id`,
    [ages.map((a) => a.id), ages.map((a) => a.createdAt.toISOString())],
  );
}

/** For tools that only fill an empty database: accounts other than admins (the bootstrap admin), and whether an email has one. */
export async function accountCensus(db: Db, email?: string): Promise<{ nonAdmins: number; emailTaken: boolean }> {
  const [row] = await run<{ nonAdmins: number; emailTaken: boolean }>(
    db,
    `SELECT (SELECT count(*) FROM users WHERE role <> 'ADMIN')::int AS "nonAdmins", EXISTS (SELECT 1 FROM users WHERE email = $1) AS "emailTaken"`,
    [email ?? null],
  );
  return row;
}
