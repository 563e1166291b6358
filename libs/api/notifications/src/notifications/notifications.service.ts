import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { BadInputError, decodeCursor, encodeCursor, isUuid, pageSize, toPage } from '@crossroads/api-platform';
import { DEFAULT_SETTINGS, NOTIFICATION_TYPES, type EmailFrequency, type NotificationType } from '../common/types.js';
import {
  storedSettings,
  upsertSetting,
  type NotificationSettingRow,
} from '../settings/notification-settings.repository.js';
import * as repo from './notifications.repository.js';
import type { NotificationRow } from './notifications.repository.js';

export type { NotificationRow };

export const notificationCursor = (n: NotificationRow) => encodeCursor('notifications', [n.createdAt, n.id]);

/** The inbox: pages, the unread count, marking read, and per-type settings. */
@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Newest first, keyset on (created_at, id) over the (recipient, created_at, id) index. */
  async page(userId: string, args: { first?: number | null; after?: string | null; unreadOnly?: boolean | null }) {
    const size = pageSize(args.first);
    const after = args.after ? decodeCursor(args.after, 'notifications', ['date', 'id']) : undefined;
    return toPage(await repo.notificationPage(this.dataSource, userId, size + 1, !!args.unreadOnly, after), size);
  }

  /** One of `userId`'s notifications (live delivery), or null when it is not theirs or is gone. */
  async ownById(userId: string, id: string): Promise<NotificationRow | null> {
    return (await repo.ownNotification(this.dataSource, userId, id)) ?? null;
  }

  byIds(ids: string[]): Promise<NotificationRow[]> {
    return repo.notificationsByIds(this.dataSource, ids);
  }

  unreadCount(userId: string): Promise<number> {
    return repo.unreadCount(this.dataSource, userId);
  }

  /** Marks the given (or, without ids, all) unread notifications of the user read; returns how many changed. */
  async markRead(userId: string, ids: string[] | null | undefined): Promise<number> {
    if (ids && ids.some((id) => !isUuid(id))) throw new BadInputError('ids', 'ids must be notification ids.');
    if (ids && !ids.length) return 0;
    return repo.markRead(this.dataSource, userId, ids ?? null);
  }

  /** Every type, the stored choice or the default. */
  async settings(userId: string): Promise<NotificationSettingRow[]> {
    const stored = new Map((await storedSettings(this.dataSource, userId)).map((r) => [r.type, r]));
    return NOTIFICATION_TYPES.map((type) => stored.get(type) ?? { type, ...DEFAULT_SETTINGS[type] });
  }

  /** Changes one type's choice; omitted fields keep their current (or default) value. */
  setSetting(
    userId: string,
    input: { type: NotificationType; inApp?: boolean | null; email?: EmailFrequency | null },
  ): Promise<NotificationSettingRow> {
    return upsertSetting(this.dataSource, userId, input.type, input.inApp ?? null, input.email ?? null);
  }
}
