import type pg from 'pg';

/**
 * Where a context's bulk operation runs: the caller's transaction, as a pg client (the importer and
 * generator run outside Nest) or a TypeORM EntityManager (the demo seed, services).
 */
export interface BulkDb {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** Runs one statement and returns its rows, whichever client runs it (SELECT, or a CTE around INSERT/UPDATE … RETURNING). */
export async function bulkRows<T = Record<string, unknown>>(db: BulkDb, sql: string, params: unknown[] = []): Promise<T[]> {
  const result: unknown = await db.query(sql, params);
  return (Array.isArray(result) ? result : (result as pg.QueryResult).rows) as T[];
}
