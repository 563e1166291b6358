import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, IsNull, Not, type DataSource } from 'typeorm';
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
import { PasswordHasher } from '../auth/password-hasher.js';
import { UserEntity } from '../users/user.entity.js';
import { AccountTokenEntity } from './account-token.entity.js';
import { hashToken, issueAccountToken } from './password-reset.service.js';

/** "n***@example.com": enough for the owner to recognise, not enough to hand the address to a stranger. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  return `${address.slice(0, Math.min(1, at))}***${address.slice(at)}`;
}

/**
 * Changing one's address: verified at the new address (a single-use link, 1 hour), announced to the
 * old one. Whether the new address has an account is never said (it gets a notice instead of a link).
 */
@Injectable()
export class EmailChangeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly mailer: Mailer,
    private readonly rateLimits: RateLimitService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Counted before the password is checked, so the limit also bounds password guessing. */
  async request(viewer: Principal, newEmail: string, password: string): Promise<void> {
    const { validMinutes, perAccount } = ACCOUNT_LINKS.emailChange;
    await this.rateLimits.consume(
      {
        name: 'email-change',
        points: perAccount.points,
        windowSeconds: perAccount.windowSeconds,
        message: 'Too many address changes were asked for.',
      },
      [`account:${viewer.id}`],
    );
    const current = await this.dataSource.manager.findOne(UserEntity, { where: { id: viewer.id } });
    if (!current) throw new NotFoundError('Your account');
    if (!(await this.hasher.verify(current.passwordHash, password)))
      throw new BadInputError('password', 'password is not your current password.');
    if (newEmail === current.email) throw new BadInputError('newEmail', 'newEmail is your address already.');
    await inTransaction(this.dataSource, async (manager) => {
      const user = await manager.findOne(UserEntity, { where: { id: viewer.id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new NotFoundError('Your account');
      const taken = await manager.exists(UserEntity, { where: { email: newEmail } });
      if (taken) {
        await this.mailer.send(manager, {
          to: newEmail,
          subject: 'Someone tried to use this address on Crossroads',
          idempotencyKey: `email-change-taken:${user.id}:${Date.now()}`,
          category: 'critical',
          content: {
            preheader: 'Nothing changed: this address already has a Crossroads account.',
            heading: 'This address already has an account',
            paragraphs: [
              `@${user.handle} asked to move their Crossroads account to this address, but it already belongs to an account, so nothing changed.`,
              'If that was you, sign in with this address instead, or reset its password. Otherwise, ignore this email.',
            ],
            action: { label: 'Reset the password', url: `${this.config.mail.publicUrl}/forgot-password` },
            footer: 'You get this because this address was entered as a new address on Crossroads.',
          },
        });
        return;
      }
      const { id, token } = await issueAccountToken(manager, user.id, 'email_change', validMinutes, newEmail);
      await this.mailer.send(manager, {
        to: newEmail,
        subject: 'Confirm your new email address for Crossroads',
        idempotencyKey: `email-change:${id}`,
        category: 'critical',
        content: {
          preheader: `This link works once, for ${validMinutes} minutes.`,
          heading: 'Confirm your new address',
          paragraphs: [
            `@${user.handle} asked to use this address for their Crossroads account. The link works once, for ${validMinutes} minutes.`,
            'If you did not ask, ignore this email: nothing changes.',
          ],
          action: {
            label: 'Use this address',
            url: `${this.config.mail.publicUrl}/confirm-email?token=${encodeURIComponent(token)}`,
          },
          footer: 'You get this because this address was entered as a new address on Crossroads.',
        },
      });
    });
  }

  /**
   * The token is the credential (the link may be opened on another device). Switches the address,
   * marks it verified, uses up every pending link sent to the old address, and tells the old address.
   * Sessions stay: the password did not change.
   */
  async confirm(token: string): Promise<UserEntity> {
    return inTransaction(this.dataSource, async (manager) => {
      const row = await manager.findOne(AccountTokenEntity, {
        where: { tokenHash: hashToken(token), purpose: 'email_change' },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row?.newEmail || row.usedAt || row.expiresAt <= new Date()) throw expiredLink();
      const user = await manager.findOne(UserEntity, {
        where: { id: row.userId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user?.email || !user.passwordHash) throw expiredLink();
      if (await manager.exists(UserEntity, { where: { email: row.newEmail, id: Not(user.id) } })) {
        throw new ConflictError(
          'That address now belongs to another account. Choose another one from your settings.',
          'token',
        );
      }
      const oldEmail = user.email;
      await manager.update(
        AccountTokenEntity,
        { userId: user.id, purpose: In(['email_change', 'email_verification', 'password_reset']), usedAt: IsNull() },
        { usedAt: new Date() },
      );
      user.email = row.newEmail;
      user.emailVerifiedAt = new Date();
      const saved = await manager.save(user);
      await this.mailer.send(manager, {
        to: oldEmail,
        subject: 'Your Crossroads email address was changed',
        idempotencyKey: `email-changed:${row.id}`,
        category: 'critical',
        content: {
          preheader: `The address of @${user.handle} is now ${maskEmail(row.newEmail)}.`,
          heading: 'Your email address was changed',
          paragraphs: [
            `The email address of @${user.handle} is now ${maskEmail(row.newEmail)}; this address gets no more mail from Crossroads.`,
            "If this wasn't you, reset your password right away and write to the moderators.",
          ],
          action: { label: 'Reset my password', url: `${this.config.mail.publicUrl}/forgot-password` },
          footer: 'You get this because this was the email address of your Crossroads account.',
        },
      });
      return saved;
    });
  }
}

function expiredLink(): BadInputError {
  return new BadInputError('token', 'This link has expired or was already used. Ask for a new one from your settings.');
}
