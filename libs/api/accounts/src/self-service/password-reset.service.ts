import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import { ACCOUNT_LINKS } from '@crossroads/shared-domain';
import {
  APP_CONFIG,
  BadInputError,
  Mailer,
  RateLimitService,
  type AppConfig,
  inTransaction,
} from '@crossroads/api-platform';
import { PasswordHasher } from '../auth/password-hasher.js';
import type { SignedIn } from '../auth/auth.service.js';
import type { ClientInfo } from '../auth/client-info.js';
import { TokenService } from '../auth/token.service.js';
import { UserEntity } from '../users/user.entity.js';
import { AccountTokenEntity, type AccountTokenPurpose } from './account-token.entity.js';
import { SelfServiceService } from './self-service.service.js';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Forgotten passwords: a single-use link by email, valid an hour, that ends every session when used. */
@Injectable()
export class PasswordResetService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly selfService: SelfServiceService,
    private readonly mailer: Mailer,
    private readonly rateLimits: RateLimitService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The same answer whether or not the address has an account (no enumeration); both limits count
   * either way. Accounts that cannot sign in (no password: imported authors, deleted) get nothing.
   */
  async request(email: string, ip: string): Promise<void> {
    const address = email.trim().toLowerCase();
    const limit = ACCOUNT_LINKS.passwordReset;
    await this.rateLimits.consume(
      {
        name: 'password-reset-ip',
        points: limit.perIp.points,
        windowSeconds: limit.perIp.windowSeconds,
        message: 'Too many password reset requests from your network.',
      },
      [`ip:${ip}`],
    );
    await this.rateLimits.consume(
      {
        name: 'password-reset-address',
        points: limit.perAddress.points,
        windowSeconds: limit.perAddress.windowSeconds,
        message: 'Too many password reset requests for this address.',
      },
      [`address:${address}`],
    );
    await inTransaction(this.dataSource, async (manager) => {
      const user = await manager.findOne(UserEntity, { where: { email: address } });
      if (!user?.email || !user.passwordHash) return;
      const { id, token } = await issueAccountToken(manager, user.id, 'password_reset', limit.validMinutes);
      const url = `${this.config.mail.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
      await this.mailer.send(manager, {
        to: user.email,
        subject: 'Reset your Crossroads password',
        idempotencyKey: `password-reset:${id}`,
        category: 'critical',
        content: {
          preheader: `This link works once, for ${limit.validMinutes} minutes.`,
          heading: 'Reset your password',
          paragraphs: [
            `Someone (we hope you) asked to reset the password of @${user.handle}. The link works once, for ${limit.validMinutes} minutes; using it signs you out everywhere.`,
            'If you did not ask, ignore this email: your password stays as it is.',
          ],
          action: { label: 'Choose a new password', url },
          footer: 'You get this because a password reset was requested for your Crossroads account.',
        },
      });
    });
  }

  /** Sets the new password, uses up the link (and any other reset link), ends every session and starts a new one. */
  async reset(token: string, newPassword: string, client?: ClientInfo): Promise<SignedIn> {
    const row = await this.dataSource.manager.findOne(AccountTokenEntity, {
      where: { tokenHash: hashToken(token), purpose: 'password_reset' },
    });
    if (!row || row.usedAt || row.expiresAt <= new Date()) throw expiredLink();
    const user = await this.dataSource.manager.findOne(UserEntity, { where: { id: row.userId } });
    if (!user?.passwordHash) throw expiredLink();
    await this.selfService.checkPasswordStrength('newPassword', newPassword, user);
    const passwordHash = await this.hasher.hash(newPassword);
    return inTransaction(this.dataSource, async (manager) => {
      // Used once: a concurrent reset with the same link finds no unused row.
      const used = await manager.update(AccountTokenEntity, { id: row.id, usedAt: IsNull() }, { usedAt: new Date() });
      if (!used.affected) throw expiredLink();
      await manager.update(
        AccountTokenEntity,
        { userId: user.id, purpose: 'password_reset', usedAt: IsNull() },
        { usedAt: new Date() },
      );
      await manager.update(UserEntity, { id: user.id }, { passwordHash });
      await this.tokens.revokeUserSessions(manager, user.id);
      return { ...(await this.tokens.startSession(manager, user, client)), user };
    });
  }
}

function expiredLink(): BadInputError {
  return new BadInputError('token', 'This link has expired or was already used. Ask for a new one.');
}

/** A new random single-use token for `purpose`; only its hash is stored. */
export async function issueAccountToken(
  manager: EntityManager,
  userId: string,
  purpose: AccountTokenPurpose,
  validMinutes: number,
  newEmail: string | null = null,
): Promise<{ id: string; token: string }> {
  const token = randomBytes(32).toString('base64url');
  const result = await manager.insert(AccountTokenEntity, {
    userId,
    purpose,
    newEmail,
    tokenHash: hashToken(token),
    expiresAt: new Date(Date.now() + validMinutes * 60_000),
  });
  return { id: (result.identifiers[0] as { id: string }).id, token };
}
