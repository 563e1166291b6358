/** PostgreSQL error codes the services react to (https://www.postgresql.org/docs/current/errcodes-appendix.html). */
export const PG_ERROR = {
  uniqueViolation: '23505',
  exclusionViolation: '23P01',
  serializationFailure: '40001',
  deadlockDetected: '40P01',
} as const;

export interface PgErrorFields {
  code?: string;
  constraint?: string;
  detail?: string;
}

/** The driver's fields of a failed statement, whether pg threw it or TypeORM wrapped it (QueryFailedError.driverError). */
export function pgError(e: unknown): PgErrorFields {
  if (typeof e !== 'object' || e === null) return {};
  const err = e as PgErrorFields & { driverError?: PgErrorFields };
  return {
    code: err.driverError?.code ?? err.code,
    constraint: err.driverError?.constraint ?? err.constraint,
    detail: err.driverError?.detail ?? err.detail,
  };
}

/** A unique violation, optionally only of the constraint named (or matched) by `constraint`. */
export function isUniqueViolation(e: unknown, constraint?: string | RegExp): boolean {
  const { code, constraint: name } = pgError(e);
  if (code !== PG_ERROR.uniqueViolation) return false;
  if (constraint === undefined) return true;
  if (name === undefined) return false;
  return typeof constraint === 'string' ? name === constraint : constraint.test(name);
}

/** An exclusion constraint refused the row (e.g. overlapping time ranges), optionally a named one. */
export function isExclusionViolation(e: unknown, constraint?: string): boolean {
  const { code, constraint: name } = pgError(e);
  return code === PG_ERROR.exclusionViolation && (constraint === undefined || name === constraint);
}

/** The column a single-column unique violation names in its detail ("Key (email)=(…) already exists."). */
export function uniqueViolationColumn(e: unknown): string | undefined {
  if (!isUniqueViolation(e)) return undefined;
  return /Key \((\w+)\)/.exec(pgError(e).detail ?? '')?.[1];
}

/** Deadlocks and serialization failures: the transaction may succeed when run again. */
export function isRetryableTransactionError(e: unknown): boolean {
  const { code } = pgError(e);
  return code === PG_ERROR.deadlockDetected || code === PG_ERROR.serializationFailure;
}
