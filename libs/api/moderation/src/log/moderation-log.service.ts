import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditWriter, EventBus, decodeCursor, encodeCursor, pageSize, toPage, type Page } from '@crossroads/api-platform';
import { ModerationLogEntity, type ModerationAction, type ModerationTarget } from './moderation-log.entity.js';
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
    entry: { actorId: string; action: ModerationAction; targetType: ModerationTarget; targetId: string; reason?: string | null; details?: Record<string, unknown> },
  ): Promise<void> {
    await manager.query(`INSERT INTO moderation_log (actor_id, action, target_type, target_id, reason, details) VALUES ($1, $2, $3, $4, $5, $6::jsonb)`, [
      entry.actorId,
      entry.action,
      entry.targetType,
      entry.targetId,
      entry.reason ?? null,
      JSON.stringify(entry.details ?? {}),
    ]);
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

  /** Newest first, keyset on (created_at, id); each filter has its own (filter, created_at, id) index. */
  async page(filter: LogFilter): Promise<Page<ModerationLogEntity>> {
    const size = pageSize(filter.first);
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.actorId) {
      params.push(filter.actorId);
      where.push(`l.actor_id = $${params.length}`);
    }
    if (filter.targetId) {
      params.push(filter.targetId);
      where.push(`l.target_id = $${params.length}`);
    }
    if (filter.action) {
      params.push(filter.action);
      where.push(`l.action = $${params.length}`);
    }
    if (filter.after) {
      const [createdAt, id] = decodeCursor(filter.after, 'moderationLog', ['date', 'id']);
      params.push(createdAt, id);
      where.push(`(l.created_at, l.id) < ($${params.length - 1}, $${params.length})`);
    }
    const rows = (await this.dataSource.query(
      `SELECT l.id, l.actor_id AS "actorId", l.action, l.target_type AS "targetType", l.target_id AS "targetId", l.reason, l.details,
              l.created_at AS "createdAt"
       FROM moderation_log l ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY l.created_at DESC, l.id DESC LIMIT ${size + 1}`,
      params,
    )) as ModerationLogEntity[];
    return toPage(
      rows.map((r) => Object.assign(new ModerationLogEntity(), r)),
      size,
    );
  }
}
