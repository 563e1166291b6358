import { affected, rows, type Db } from '@crossroads/api-platform';

export interface SessionRow {
  id: string;
  userAgent: string | null;
  ipPrefix: string | null;
  createdAt: Date;
  lastUsedAt: Date;
}

/**
 * The user's live sessions (refresh-token families with a token neither revoked nor expired), newest
 * use first. Each rotation inserts a token: the newest one says when and from where it was last used.
 */
export function liveSessions(db: Db, userId: string): Promise<SessionRow[]> {
  return rows<SessionRow>(
    db,
    `SELECT r.family_id AS id, min(r.created_at) AS "createdAt", max(r.created_at) AS "lastUsedAt",
       (array_agg(r.user_agent ORDER BY r.created_at DESC))[1] AS "userAgent",
       (array_agg(r.ip_prefix ORDER BY r.created_at DESC))[1] AS "ipPrefix"
     FROM refresh_tokens r WHERE r.user_id = $1
     GROUP BY r.family_id
     HAVING bool_or(r.revoked_at IS NULL AND r.expires_at > now())
     ORDER BY max(r.created_at) DESC, r.family_id`,
    [userId],
  );
}

/** Ends one live session of the user; false when there is none with that id (ended, or someone else's). */
export async function revokeLiveSession(db: Db, familyId: string, userId: string): Promise<boolean> {
  const ended = await affected(
    db,
    `UPDATE refresh_tokens SET revoked_at = now()
     WHERE family_id = $1::uuid AND user_id = $2 AND revoked_at IS NULL AND expires_at > now()`,
    [familyId, userId],
  );
  return ended > 0;
}
