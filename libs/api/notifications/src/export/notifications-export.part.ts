import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccountExportParts, type AccountExportPart } from '@crossroads/api-platform';

/** Notifications' part of a member's data export: their notification settings and follows. */
@Injectable()
export class NotificationsExportPart implements AccountExportPart, OnModuleInit {
  readonly keys = ['settings'] as const;

  constructor(private readonly parts: AccountExportParts) {}

  onModuleInit(): void {
    this.parts.register(this);
  }

  async export(m: EntityManager, userId: string): Promise<Record<string, unknown>> {
    const q = (sql: string) => m.query(sql, [userId]) as Promise<Record<string, unknown>[]>;
    return {
      settings: {
        notifications: await q(
          `SELECT type, in_app AS "inApp", email FROM notification_settings WHERE user_id = $1 ORDER BY type`,
        ),
        follows: await q(
          `SELECT target_type AS "targetType", target_key AS "targetKey" FROM follows WHERE user_id = $1 ORDER BY target_type, target_key`,
        ),
      },
    };
  }
}
