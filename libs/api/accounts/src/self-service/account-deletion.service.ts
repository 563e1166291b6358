import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ACCOUNT_DELETION } from '@crossroads/shared-domain';
import { BadInputError, EventBus, NotFoundError, type Principal, inTransaction } from '@crossroads/api-platform';
import { PasswordHasher } from '../auth/password-hasher.js';
import { TokenService } from '../auth/token.service.js';
import { AvatarsService } from '../avatars/avatars.service.js';
import { UserEntity } from '../users/user.entity.js';
import { eraseAccount, lockNextDueForErasure } from '../users/users.repository.js';

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
        const userId = await lockNextDueForErasure(manager, ACCOUNT_DELETION.graceDays);
        if (!userId) return false;
        await eraseAccount(manager, userId);
        await this.events.emit(manager, {
          type: ACCOUNTS_EVENTS.accountErased,
          actorId: userId,
          payload: { userId } satisfies AccountErasedPayload,
        });
        return userId;
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
