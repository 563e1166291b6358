import type { EntityManager } from 'typeorm';
import { ModerationLogEntity, type ModerationAction, type ModerationTarget } from './moderation-log.entity.js';

/* The only SQL on moderation_log. The cast stays here until platform's typed-row helper replaces it. */

export interface LogEntry {
  actorId: string;
  action: ModerationAction;
  targetType: ModerationTarget;
  targetId: string;
  reason: string | null;
  details: Record<string, unknown>;
}

export async function insert(m: EntityManager, e: LogEntry): Promise<void> {
  await m.query(`INSERT INTO moderation_log (actor_id, action, target_type, target_id, reason, details) VALUES ($1, $2, $3, $4, $5, $6::jsonb)`, [
    e.actorId,
    e.action,
    e.targetType,
    e.targetId,
    e.reason,
    JSON.stringify(e.details),
  ]);
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
  const rows = (await db.query(
    `SELECT l.id, l.actor_id AS "actorId", l.action, l.target_type AS "targetType", l.target_id AS "targetId", l.reason, l.details,
            l.created_at AS "createdAt"
     FROM moderation_log l ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY l.created_at DESC, l.id DESC LIMIT ${limit}`,
    params,
  )) as Pick<ModerationLogEntity, 'id' | 'actorId' | 'action' | 'targetType' | 'targetId' | 'reason' | 'details' | 'createdAt'>[];
  return rows.map((r) => Object.assign(new ModerationLogEntity(), r));
}
