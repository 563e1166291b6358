import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { NotFoundError, type Principal, inTransaction } from '@crossroads/api-platform';
import { TokenService } from '../auth/token.service.js';
import { SessionModel } from './session.model.js';
import { liveSessions, revokeLiveSession } from './sessions.repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The viewer's live sessions (refresh-token families with a token neither revoked nor expired). */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
  ) {}

  async list(viewer: Principal): Promise<SessionModel[]> {
    const found = await liveSessions(this.dataSource, viewer.id);
    return found.map((r) => Object.assign(new SessionModel(), { ...r, current: r.id === viewer.sessionId }));
  }

  /** Ends one of the viewer's own sessions (another member's is NOT_FOUND, as is an ended one). */
  async revoke(viewer: Principal, id: string): Promise<void> {
    if (!UUID.test(id)) throw new NotFoundError('Session', 'id');
    await inTransaction(this.dataSource, async (manager) => {
      const ended = await revokeLiveSession(manager, id, viewer.id);
      if (!ended) throw new NotFoundError('Session', 'id');
    });
  }

  async revokeAll(viewer: Principal): Promise<void> {
    await inTransaction(this.dataSource, (manager) => this.tokens.revokeUserSessions(manager, viewer.id));
  }
}
