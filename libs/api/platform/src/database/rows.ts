/** A row as the driver returns it, before it is typed or mapped. */
export type Row = Record<string, unknown>;

/**
 * Where statements run: the DataSource or the EntityManager of the current transaction, or a pg
 * client (the importer and generator run outside Nest and pass one to the owners' bulk operations).
 */
export interface Db {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** TypeORM answers UPDATE/DELETE with [rows, affected] and everything else with rows. */
function isUpdateResult(result: unknown): result is [unknown[], number] {
  return Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number';
}

/** pg's own client answers with a result object. */
function isPgResult(result: unknown): result is { rows: unknown[]; rowCount: number | null } {
  return (
    typeof result === 'object' &&
    result !== null &&
    !Array.isArray(result) &&
    Array.isArray((result as { rows?: unknown }).rows)
  );
}

/**
 * The rows of any statement (SELECT, INSERT/UPDATE/DELETE … RETURNING) as `T`. `T` is the row type
 * a repository declares for its select list (see table.ts); nothing converts values here.
 */
export async function rows<T = Row>(db: Db, sql: string, params: readonly unknown[] = []): Promise<T[]> {
  const result: unknown = await db.query(sql, params as unknown[]);
  return (isPgResult(result) ? result.rows : isUpdateResult(result) ? result[0] : result) as T[];
}

/** The first row, or undefined. */
export async function maybeOne<T>(db: Db, sql: string, params: readonly unknown[] = []): Promise<T | undefined> {
  const [row] = await rows<T>(db, sql, params);
  return row;
}

/** The first row of a statement that always yields one (aggregates, RETURNING of a row known to exist). */
export async function one<T>(db: Db, sql: string, params: readonly unknown[] = []): Promise<T> {
  const row = await maybeOne<T>(db, sql, params);
  if (row === undefined) throw new Error(`Expected a row from: ${sql.replace(/\s+/g, ' ').slice(0, 80)}`);
  return row;
}

/** How many rows an UPDATE or DELETE (without RETURNING) changed. */
export async function affected(db: Db, sql: string, params: readonly unknown[] = []): Promise<number> {
  const result: unknown = await db.query(sql, params as unknown[]);
  if (isPgResult(result)) return result.rowCount ?? 0;
  return isUpdateResult(result) ? result[1] : Array.isArray(result) ? result.length : 0;
}

/** Timestamps arrive as Date from columns and as ISO text from json_build_object. */
export const toDate = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
export const toDateOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : toDate(v));
