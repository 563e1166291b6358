import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Role } from '@crossroads/shared-domain';
import {
  ActiveSuspensionSql,
  PrincipalResolver,
  type AccessTokenClaims,
  type Principal,
  maybeOne,
} from '@crossroads/api-platform';

/** Marks the principal lookup in SQL (statement-count tests tell it from page statements). */
export const PRINCIPAL_LOOKUP_TAG = 'principal-lookup';

interface PrincipalRow {
  id: string;
  handle: string;
  role: Role;
  suspended: boolean | null;
  endsAt: Date | null;
}

/**
 * The principal behind an access token, from PostgreSQL, in one statement: the user by primary key,
 * the session family by the live-family index (`refresh_tokens_live_family_idx`: not revoked, not
 * expired, the token's own user), and the moderation context's active suspension joined LATERAL
 * (suspensions_user_open_idx). No row: the user is gone or the session was signed out or revoked.
 * The same statement records presence (`users.last_seen_at`) for the email rules.
 */
@Injectable()
export class SessionPrincipalResolver extends PrincipalResolver {
  private readonly sql: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Optional() suspensions?: ActiveSuspensionSql,
  ) {
    super();
    const suspension = suspensions
      ? suspensions.forUser('u.id')
      : 'SELECT NULL::boolean AS suspended, NULL::timestamptz AS ends_at WHERE false';
    const live = (user: string) =>
      `EXISTS (SELECT 1 FROM refresh_tokens r WHERE r.family_id = $2 AND r.revoked_at IS NULL AND r.expires_at > now() AND r.user_id = ${user})`;
    // Presence rides along (data-modifying CTE): last_seen_at moves at most once a minute, and a row
    // another transaction holds is skipped rather than waited for, so no request ever blocks on it.
    this.sql = `WITH seen AS (
        UPDATE users SET last_seen_at = now() WHERE id = (
          SELECT p.id FROM users p WHERE p.id = $1 AND (p.last_seen_at IS NULL OR p.last_seen_at < now() - interval '1 minute') AND ${live('p.id')}
          FOR UPDATE SKIP LOCKED)
        RETURNING id)
      SELECT /* ${PRINCIPAL_LOOKUP_TAG} */ u.id, u.handle, u.role, s.suspended, s.ends_at AS "endsAt"
      FROM users u LEFT JOIN LATERAL (${suspension}) s ON true
      WHERE u.id = $1 AND ${live('u.id')}`;
  }

  async resolve(claims: AccessTokenClaims): Promise<Principal | null> {
    const row = await maybeOne<PrincipalRow>(this.dataSource, this.sql, [claims.sub, claims.sid]);
    if (!row) return null;
    const suspension = row.suspended ? { endsAt: row.endsAt } : null;
    // Suspended staff keep their role on their profile, but not its powers while suspended.
    const role: Role = suspension && row.role !== 'MEMBER' ? 'MEMBER' : row.role;
    return { id: row.id, handle: row.handle, role, sessionId: claims.sid, suspension };
  }
}
