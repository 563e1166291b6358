import type { EntityManager } from 'typeorm';

/** A row as the driver returns it, before it is mapped. */
export type Row = Record<string, unknown>;

/** Rows of an UPDATE/DELETE … RETURNING (TypeORM returns [rows, count] for those). */
export async function returning<T = Row>(manager: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const result: unknown = await manager.query(sql, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}

/** Timestamps arrive as Date from columns and as ISO text from json_build_object. */
export const toDate = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
export const toDateOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : toDate(v));
