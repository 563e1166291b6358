import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UnsubscribeHandlers, type UnsubscribeHandler } from '@crossroads/api-platform';
import { UsersService } from '@crossroads/api-accounts';
import { NOTIFICATION_TYPES, type NotificationType } from '../common/types.js';
import { turnEmailOff } from '../settings/notification-settings.repository.js';
import { deleteFollowUp } from './guest-follow-ups.repository.js';
import { EMAIL_TEXTS } from './email-texts.js';
import { DIGEST_SCOPE } from './notification-emails.js';
import { GUEST_FOLLOW_UP_SCOPE } from './guest-follow-ups.js';

const typeOf = (scope: string): NotificationType | null => {
  const type = scope.startsWith('notification:') ? scope.slice('notification:'.length) : null;
  return type && (NOTIFICATION_TYPES as readonly string[]).includes(type) ? (type as NotificationType) : null;
};

/**
 * The one-click unsubscribe of the notifications' emails: `notification:<TYPE>` turns that type's
 * email off; `digest` turns off every type sent in a digest (daily or weekly); `guest-follow-up`
 * removes a guest's follow-up subscription (its id travels as the link's user id). Idempotent.
 */
@Injectable()
export class NotificationUnsubscribe implements UnsubscribeHandler, OnModuleInit {
  constructor(
    private readonly handlers: UnsubscribeHandlers,
    private readonly users: UsersService,
  ) {}

  onModuleInit(): void {
    this.handlers.register(this);
  }

  handles(scope: string): boolean {
    return scope === DIGEST_SCOPE || scope === GUEST_FOLLOW_UP_SCOPE || typeOf(scope) !== null;
  }

  describe(scope: string): string {
    if (scope === DIGEST_SCOPE) return 'daily and weekly digest emails';
    if (scope === GUEST_FOLLOW_UP_SCOPE) return 'emails about follow-up comments on this question';
    const type = typeOf(scope);
    return type ? EMAIL_TEXTS[type].stops : 'these emails';
  }

  async unsubscribe(m: EntityManager, userId: string, scope: string): Promise<void> {
    if (scope === GUEST_FOLLOW_UP_SCOPE) {
      await deleteFollowUp(m, userId);
      return;
    }
    // A deleted account has nothing left to turn off.
    if (!(await this.users.findById(userId, m))) return;
    const type = typeOf(scope);
    const types = type ? [type] : NOTIFICATION_TYPES;
    // Digests: only the types currently sent daily or weekly (stored choice or default) turn off.
    await turnEmailOff(m, userId, types, scope === DIGEST_SCOPE);
  }
}
