import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import { ACCOUNT_LINKS } from '@crossroads/shared-domain';
import {
  APP_CONFIG,
  BadInputError,
  ConflictError,
  Mailer,
  NotFoundError,
  RateLimitService,
  type AppConfig,
  type Principal,
  inTransaction,
} from '@crossroads/api-platform';
import { UserEntity } from '../users/user.entity.js';
import { AccountTokenEntity } from './account-token.entity.js';
import { hashToken, issueAccountToken } from './password-reset.service.js';

/** Email verification: a link at sign-up (and on request); following it marks the address verified. */
@Injectable()
export class EmailVerificationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    private readonly rateLimits: RateLimitService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Queues the verification email in the caller's transaction (registration, resend). */
  async sendLink(manager: EntityManager, user: Pick<UserEntity, 'id' | 'email' | 'handle'>): Promise<void> {
    if (!user.email) return;
    const { validMinutes } = ACCOUNT_LINKS.emailVerification;
    const { id, token } = await issueAccountToken(manager, user.id, 'email_verification', validMinutes);
    const url = `${this.config.mail.publicUrl}/verify-email?token=${encodeURIComponent(token)}`;
    const days = Math.round(validMinutes / 1_440);
    await this.mailer.send(manager, {
      to: user.email,
      subject: 'Confirm your email address for Crossroads',
      idempotencyKey: `email-verification:${id}`,
      category: 'critical',
      content: {
        preheader: `One click confirms that this address belongs to @${user.handle}.`,
        heading: 'Confirm your email address',
        paragraphs: [
          `Welcome to Crossroads, @${user.handle}. Confirm that this address is yours; the link works for ${days} days.`,
          'If you did not sign up, ignore this email.',
        ],
        action: { label: 'Confirm my address', url },
        footer: 'You get this because this address was used to sign up to Crossroads.',
      },
    });
  }

  async resend(viewer: Principal): Promise<void> {
    const limit = ACCOUNT_LINKS.emailVerification.resendPerAccount;
    await inTransaction(this.dataSource, async (manager) => {
      const user = await manager.findOne(UserEntity, { where: { id: viewer.id }, lock: { mode: 'pessimistic_write' } });
      if (!user?.email) throw new NotFoundError('Your email address');
      if (user.emailVerifiedAt) throw new ConflictError('Your email address is verified already.', 'email');
      await this.rateLimits.consume(
        {
          name: 'verification-resend',
          points: limit.points,
          windowSeconds: limit.windowSeconds,
          message: 'Too many verification emails were sent.',
        },
        [`account:${user.id}`],
      );
      await this.sendLink(manager, user);
    });
  }

  /** The token is the credential (no sign-in needed: the link may be opened on another device). */
  async verify(token: string): Promise<UserEntity> {
    return inTransaction(this.dataSource, async (manager) => {
      const row = await manager.findOne(AccountTokenEntity, {
        where: { tokenHash: hashToken(token), purpose: 'email_verification' },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row || row.usedAt || row.expiresAt <= new Date()) {
        throw new BadInputError(
          'token',
          'This link has expired or was already used. Ask for a new one from your settings.',
        );
      }
      const user = await manager.findOne(UserEntity, {
        where: { id: row.userId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user?.email)
        throw new BadInputError(
          'token',
          'This link has expired or was already used. Ask for a new one from your settings.',
        );
      await manager.update(
        AccountTokenEntity,
        { userId: user.id, purpose: 'email_verification', usedAt: IsNull() },
        { usedAt: new Date() },
      );
      user.emailVerifiedAt ??= new Date();
      return manager.save(user);
    });
  }
}
