import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import { SESSION } from '@crossroads/shared-domain';
import {
  JWT_ALGORITHM,
  JWT_AUDIENCE,
  JWT_ISSUER,
  EventBus,
  UnauthenticatedError,
  type AccessTokenClaims,
  inTransaction,
} from '@crossroads/api-platform';
import {
  ACCOUNTS_EVENTS,
  FIRST_WEEK_SIGN_INS_DAYS,
  type MemberJoinedPayload,
  type MemberSignedInPayload,
} from '../events/accounts-events.js';
import type { UserEntity } from '../users/user.entity.js';
import type { ClientInfo } from './client-info.js';
import { RefreshTokenEntity } from './refresh-token.entity.js';

export interface IssuedSession {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** Access tokens (JWT, short-lived) and rotating refresh tokens (opaque, stored hashed). */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventBus,
  ) {}

  /** An access token for `user` in the session family `sessionId` (the `sid` claim: revoking the family stops it). */
  signAccessToken(
    user: Pick<UserEntity, 'id' | 'handle' | 'role'>,
    sessionId: string,
  ): { accessToken: string; accessTokenExpiresAt: Date } {
    const claims: AccessTokenClaims = { sub: user.id, sid: sessionId, handle: user.handle, role: user.role };
    const accessToken = this.jwt.sign(claims, {
      algorithm: JWT_ALGORITHM,
      expiresIn: SESSION.accessTokenMinutes * 60,
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
    });
    return { accessToken, accessTokenExpiresAt: new Date(Date.now() + SESSION.accessTokenMinutes * 60_000) };
  }

  /** Starts a new session family (sign-in, registration). */
  /** Announces a new member account (in the transaction that created it). */
  async announceJoined(manager: EntityManager, user: UserEntity): Promise<void> {
    await this.events.emit(manager, {
      type: ACCOUNTS_EVENTS.memberJoined,
      actorId: user.id,
      payload: { userId: user.id } satisfies MemberJoinedPayload,
    });
  }

  async startSession(manager: EntityManager, user: UserEntity, client?: ClientInfo): Promise<IssuedSession> {
    const familyId = randomUUID();
    const refreshToken = await this.insertRefreshToken(manager, user.id, familyId, client);
    await this.announceSignIn(manager, user);
    return { ...this.signAccessToken(user, familyId), refreshToken };
  }

  /**
   * Rotates a refresh token. A token that was already used or revoked means replay: the whole
   * family is revoked (committed) and the caller is refused.
   */
  async rotate(
    token: string,
    loadUser: (manager: EntityManager, id: string) => Promise<UserEntity | null>,
    client?: ClientInfo,
  ): Promise<IssuedSession & { user: UserEntity }> {
    const outcome = await inTransaction(this.dataSource, async (manager) => {
      const row = await manager.findOne(RefreshTokenEntity, {
        where: { tokenHash: hashOf(token) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row || row.expiresAt <= new Date()) return { kind: 'invalid' as const };
      if (row.usedAt || row.revokedAt) {
        await this.revokeFamily(manager, row.familyId);
        return { kind: 'reused' as const };
      }
      const user = await loadUser(manager, row.userId);
      if (!user) return { kind: 'invalid' as const };
      await manager.update(RefreshTokenEntity, { id: row.id }, { usedAt: new Date() });
      const refreshToken = await this.insertRefreshToken(manager, user.id, row.familyId, client);
      await this.announceSignIn(manager, user);
      return { kind: 'ok' as const, user, refreshToken, familyId: row.familyId };
    });
    if (outcome.kind === 'reused')
      throw new UnauthenticatedError(
        'This session was signed out because its refresh token was reused. Sign in again.',
      );
    if (outcome.kind === 'invalid') throw new UnauthenticatedError('Your session has expired. Sign in again.');
    return {
      ...this.signAccessToken(outcome.user, outcome.familyId),
      refreshToken: outcome.refreshToken,
      user: outcome.user,
    };
  }

  /** Revokes the family of the given refresh token, if it exists. */
  async revoke(token: string): Promise<void> {
    await inTransaction(this.dataSource, async (manager) => {
      const row = await manager.findOne(RefreshTokenEntity, { where: { tokenHash: hashOf(token) } });
      if (row) await this.revokeFamily(manager, row.familyId);
    });
  }

  /**
   * Ends every live session family of a user (password change or reset, sign out everywhere), but
   * `except` when given. The principal lookup refuses their access tokens from the next request.
   */
  async revokeUserSessions(manager: EntityManager, userId: string, options: { except?: string } = {}): Promise<void> {
    const qb = manager
      .createQueryBuilder()
      .update(RefreshTokenEntity)
      .set({ revokedAt: () => 'now()' })
      .where('user_id = :userId AND revoked_at IS NULL', { userId });
    if (options.except) qb.andWhere('family_id <> :except', { except: options.except });
    await qb.execute();
  }

  /** A young account's sign-in or renewal (see ACCOUNTS_EVENTS.memberSignedIn); older accounts announce nothing. */
  private async announceSignIn(manager: EntityManager, user: UserEntity): Promise<void> {
    if (Date.now() - user.createdAt.getTime() >= FIRST_WEEK_SIGN_INS_DAYS * 86_400_000) return;
    await this.events.emit(manager, {
      type: ACCOUNTS_EVENTS.memberSignedIn,
      actorId: user.id,
      payload: { userId: user.id, joinedAt: user.createdAt.toISOString() } satisfies MemberSignedInPayload,
    });
  }

  private async revokeFamily(manager: EntityManager, familyId: string): Promise<void> {
    await manager.update(RefreshTokenEntity, { familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  private async insertRefreshToken(
    manager: EntityManager,
    userId: string,
    familyId: string,
    client?: ClientInfo,
  ): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await manager.insert(RefreshTokenEntity, {
      userId,
      familyId,
      userAgent: client?.userAgent ?? null,
      ipPrefix: client?.ipPrefix ?? null,
      tokenHash: hashOf(token),
      expiresAt: new Date(Date.now() + SESSION.refreshTokenDays * 86_400_000),
    });
    return token;
  }
}
