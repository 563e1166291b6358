import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { NotFoundError, type Principal, affected, inTransaction, rows } from '@crossroads/api-platform';
import { TokenService } from '../auth/token.service.js';
import { SessionModel } from './session.model.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface SessionRow {
  id: string;
  userAgent: string | null;
  ipPrefix: string | null;
  createdAt: Date;
  lastUsedAt: Date;
}

/** The viewer's live sessions (refresh-token families with a token neither revoked nor expired). */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
  ) {}

  async list(viewer: Principal): Promise<SessionModel[]> {
    // Each rotation inserts a token: the newest one says when and from where the session was last used.
    const found = await rows<SessionRow>(
      this.dataSource,
      `SELECT r.family_id AS id, min(r.created_at) AS "createdAt", max(r.created_at) AS "lastUsedAt",
         (array_agg(r.user_agent ORDER BY r.created_at DESC))[1] AS "userAgent",
         (array_agg(r.ip_prefix ORDER BY r.created_at DESC))[1] AS "ipPrefix"
       FROM refresh_tokens r WHERE r.user_id = $1
       GROUP BY r.family_id
       HAVING bool_or(r.revoked_at IS NULL AND r.expires_at > now())
       ORDER BY max(r.created_at) DESC, r.family_id`,
      [viewer.id],
    );
    return found.map((r) => Object.assign(new SessionModel(), { ...r, current: r.id === viewer.sessionId }));
  }

  /** Ends one of the viewer's own sessions (another member's is NOT_FOUND, as is an ended one). */
  async revoke(viewer: Principal, id: string): Promise<void> {
    if (!UUID.test(id)) throw new NotFoundError('Session', 'id');
    await inTransaction(this.dataSource, async (manager) => {
      const ended = await affected(
        manager,
        `UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1::uuid AND user_id = $2 AND revoked_at IS NULL AND expires_at > now()`,
        [id, viewer.id],
      );
      if (!ended) throw new NotFoundError('Session', 'id');
    });
  }

  async revokeAll(viewer: Principal): Promise<void> {
    await inTransaction(this.dataSource, (manager) => this.tokens.revokeUserSessions(manager, viewer.id));
  }
}
