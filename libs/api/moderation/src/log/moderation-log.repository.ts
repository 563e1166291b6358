import type { EntityManager } from 'typeorm';
import { affected, col, rows, selectList, table, type RowOf } from '@crossroads/api-platform';
import { ModerationLogEntity, type ModerationAction, type ModerationTarget } from './moderation-log.entity.js';

/* The only SQL on moderation_log. */

export const moderationLogTable = table('moderation_log', {
  id: col.uuid(),
  actorId: col.uuid(),
  action: col.enum<ModerationAction>('moderation_action'),
  targetType: col.enum<ModerationTarget>('moderation_target'),
  targetId: col.uuid(),
  reason: col.text().nullable(),
  details: col.json<Record<string, unknown>>(),
  createdAt: col.timestamp(),
});
const COLUMNS = selectList(moderationLogTable, 'l');

export interface LogEntry {
  actorId: string;
  action: ModerationAction;
  targetType: ModerationTarget;
  targetId: string;
  reason: string | null;
  details: Record<string, unknown>;
}

export async function insert(m: EntityManager, e: LogEntry): Promise<void> {
  await affected(
    m,
    `INSERT INTO moderation_log (actor_id, action, target_type, target_id, reason, details) VALUES ($1, $2, $3, $4, $5, $6::jsonb)`,
    [e.actorId, e.action, e.targetType, e.targetId, e.reason, JSON.stringify(e.details)],
  );
}

/** Newest first, after the keyset (createdAt, id) if any; each filter has its own (filter, created_at, id) index. */
export async function page(
  db: EntityManager,
  filter: { actorId?: string | null; targetId?: string | null; action?: ModerationAction | null },
  before: [Date, string] | null,
  limit: number,
): Promise<ModerationLogEntity[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (n: number) => string, value: unknown) => {
    params.push(value);
    where.push(sql(params.length));
  };
  if (filter.actorId) add((n) => `l.actor_id = $${n}`, filter.actorId);
  if (filter.targetId) add((n) => `l.target_id = $${n}`, filter.targetId);
  if (filter.action) add((n) => `l.action = $${n}`, filter.action);
  if (before) {
    params.push(...before);
    where.push(`(l.created_at, l.id) < ($${params.length - 1}, $${params.length})`);
  }
  const found = await rows<RowOf<typeof moderationLogTable>>(
    db,
    `SELECT ${COLUMNS} FROM moderation_log l ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY l.created_at DESC, l.id DESC LIMIT ${limit}`,
    params,
  );
  return found.map((r) => Object.assign(new ModerationLogEntity(), r));
}
