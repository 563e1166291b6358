import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ACCOUNT_DELETION } from '@crossroads/shared-domain';
import {
  BadInputError,
  EventBus,
  NotFoundError,
  type Principal,
  inTransaction,
  maybeOne,
} from '@crossroads/api-platform';
import { PasswordHasher } from '../auth/password-hasher.js';
import { TokenService } from '../auth/token.service.js';
import { AvatarsService } from '../avatars/avatars.service.js';
import { UserEntity } from '../users/user.entity.js';

import { ACCOUNTS_EVENTS, type AccountErasedPayload } from '../events/accounts-events.js';

export { ACCOUNTS_EVENTS, type AccountErasedPayload };

const ERASE_QUEUE = 'accounts-erase-deleted';

/**
 * Leaving: deleteAccount ends every session and starts a grace period (signing in undoes it); when
 * it is over a scheduled job erases the personal data. Posts keep their author row, now "Deleted user".
 */
@Injectable()
export class AccountDeletionService implements OnModuleInit {
  private readonly logger = new Logger(AccountDeletionService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly events: EventBus,
    private readonly avatars: AvatarsService,
  ) {}

  onModuleInit(): void {
    this.events.every(ERASE_QUEUE, '17 * * * *', async () => {
      await this.eraseDue();
    });
  }

  async request(viewer: Principal, password: string): Promise<void> {
    const user = await this.dataSource.manager.findOne(UserEntity, { where: { id: viewer.id } });
    if (!user) throw new NotFoundError('Your account');
    if (!(await this.hasher.verify(user.passwordHash, password)))
      throw new BadInputError('password', 'password is not your current password.');
    await inTransaction(this.dataSource, async (manager) => {
      await manager.update(UserEntity, { id: user.id }, { deletionRequestedAt: new Date() });
      await this.tokens.revokeUserSessions(manager, user.id);
    });
  }

  /** Erases every account whose grace period is over; each in its own transaction. Returns how many. */
  async eraseDue(): Promise<number> {
    let erased = 0;
    for (;;) {
      const done = await inTransaction(this.dataSource, async (manager) => {
        const row = await maybeOne<{ id: string }>(
          manager,
          `SELECT id FROM users WHERE deletion_requested_at < now() - make_interval(days => $1) AND erased_at IS NULL
           ORDER BY deletion_requested_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
          [ACCOUNT_DELETION.graceDays],
        );
        if (!row) return false;
        // The handle stays unique and unguessable; the display name is what readers of the posts see.
        await manager.query(
          `UPDATE users SET email = NULL, password_hash = NULL, display_name = 'Deleted user', handle = 'deleted-' || substr(md5(id::text), 1, 12),
             bio = NULL, location = NULL, links = '{}', avatar_version = NULL, email_verified_at = NULL, last_seen_at = NULL, erased_at = now()
           WHERE id = $1`,
          [row.id],
        );
        await manager.query(`DELETE FROM refresh_tokens WHERE user_id = $1`, [row.id]);
        await manager.query(`DELETE FROM account_tokens WHERE user_id = $1`, [row.id]);
        await manager.query(`DELETE FROM user_identities WHERE user_id = $1`, [row.id]);
        await this.events.emit(manager, {
          type: ACCOUNTS_EVENTS.accountErased,
          actorId: row.id,
          payload: { userId: row.id } satisfies AccountErasedPayload,
        });
        return row.id;
      });
      if (!done) break;
      // Files are not in the transaction: removed once the erasure is committed (a failure only leaves garbage).
      await this.avatars.removeAll(done);
      erased++;
    }
    if (erased) this.logger.log(`Erased ${erased} deleted account(s)`);
    return erased;
  }
}
