import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  AuditWriter,
  EventBus,
  decodeCursor,
  encodeCursor,
  pageSize,
  toPage,
  type Page,
} from '@crossroads/api-platform';
import type { ModerationLogEntity, ModerationAction, ModerationTarget } from './moderation-log.entity.js';
import * as log from './moderation-log.repository.js';
import { MODERATION_EVENTS, type ModerationActionPayload } from '../events/moderation-events.js';

export interface LogFilter {
  first?: number | null;
  after?: string | null;
  actorId?: string | null;
  targetId?: string | null;
  action?: ModerationAction | null;
}

export const logCursor = (e: ModerationLogEntity) => encodeCursor('moderationLog', [e.createdAt, e.id]);

/** The target id of WORD_LIST entries (there is one word list). */
export const WORD_LIST_TARGET_ID = '00000000-0000-0000-0000-000000000000';

/**
 * The append-only audit log: written inside each moderation transaction, read newest first. Also
 * the platform's AuditWriter, so accounts (setRole) and mentoring (verification) log through it.
 */
@Injectable()
export class ModerationLogService extends AuditWriter {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventBus,
  ) {
    super();
  }

  async record(
    manager: EntityManager,
    entry: {
      actorId: string;
      action: ModerationAction;
      targetType: ModerationTarget;
      targetId: string;
      reason?: string | null;
      details?: Record<string, unknown>;
    },
  ): Promise<void> {
    await log.insert(manager, { ...entry, reason: entry.reason ?? null, details: entry.details ?? {} });
    // Every logged action is also announced: authors hear of decisions on their content, live views refresh.
    await this.events.emit(manager, {
      type: MODERATION_EVENTS.actionRecorded,
      actorId: entry.actorId,
      payload: {
        action: entry.action,
        targetType: entry.targetType,
        targetId: entry.targetId,
        reason: entry.reason ?? null,
        details: entry.details ?? {},
      } satisfies ModerationActionPayload,
    });
  }

  /** Newest first, keyset on (created_at, id). */
  async page(filter: LogFilter): Promise<Page<ModerationLogEntity>> {
    const size = pageSize(filter.first);
    const before = filter.after
      ? (decodeCursor(filter.after, 'moderationLog', ['date', 'id']) as [Date, string])
      : null;
    return toPage(await log.page(this.dataSource.manager, filter, before, size + 1), size);
  }
}
