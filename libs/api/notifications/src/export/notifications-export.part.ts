import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccountExportParts, type AccountExportPart } from '@crossroads/api-platform';
import { exportFollows, exportNotificationSettings } from './notifications-export.repository.js';

/** Notifications' part of a member's data export: their notification settings and follows. */
@Injectable()
export class NotificationsExportPart implements AccountExportPart, OnModuleInit {
  readonly keys = ['settings'] as const;

  constructor(private readonly parts: AccountExportParts) {}

  onModuleInit(): void {
    this.parts.register(this);
  }

  async export(m: EntityManager, userId: string): Promise<Record<string, unknown>> {
    return {
      settings: {
        notifications: await exportNotificationSettings(m, userId),
        follows: await exportFollows(m, userId),
      },
    };
  }
}
