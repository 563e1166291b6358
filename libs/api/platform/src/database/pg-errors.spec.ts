import { describe, expect, it } from '@jest/globals';
import { isRetryableTransactionError, isUniqueViolation, pgError, uniqueViolationColumn } from './pg-errors.js';

// What pg throws, and what TypeORM's QueryFailedError wraps it in.
const pgUnique = { code: '23505', constraint: 'topics_slug_key', detail: 'Key (slug)=(careers) already exists.' };
const wrapped = (driverError: object) => Object.assign(new Error('query failed'), { driverError });

describe('Postgres error helpers', () => {
  it('reads the driver fields from a raw or a wrapped error', () => {
    expect(pgError(pgUnique)).toEqual(pgUnique);
    expect(pgError(wrapped(pgUnique))).toEqual(pgUnique);
    expect(pgError('boom')).toEqual({});
    expect(pgError(null)).toEqual({});
  });

  it('recognises unique violations, optionally of one constraint', () => {
    expect(isUniqueViolation(wrapped(pgUnique))).toBe(true);
    expect(isUniqueViolation(wrapped(pgUnique), 'topics_slug_key')).toBe(true);
    expect(isUniqueViolation(wrapped(pgUnique), /_slug_key$/)).toBe(true);
    expect(isUniqueViolation(wrapped(pgUnique), 'users_email_key')).toBe(false);
    expect(isUniqueViolation(wrapped({ ...pgUnique, constraint: undefined }), /_slug_key$/)).toBe(false);
    expect(isUniqueViolation(wrapped({ code: '23503' }))).toBe(false);
    expect(isUniqueViolation(new Error('23505'))).toBe(false);
  });

  it('names the column of a single-column unique violation', () => {
    expect(uniqueViolationColumn(wrapped({ code: '23505', detail: 'Key (email)=(a@b.c) already exists.' }))).toBe(
      'email',
    );
    expect(
      uniqueViolationColumn(wrapped({ code: '23505', detail: 'Key (lower(email::text))=(a@b.c) already exists.' })),
    ).toBeUndefined();
    expect(
      uniqueViolationColumn(wrapped({ code: '23503', detail: 'Key (email)=(a@b.c) is not present.' })),
    ).toBeUndefined();
  });

  it('retries deadlocks and serialization failures only', () => {
    expect(isRetryableTransactionError(wrapped({ code: '40P01' }))).toBe(true);
    expect(isRetryableTransactionError({ code: '40001' })).toBe(true);
    expect(isRetryableTransactionError(wrapped(pgUnique))).toBe(false);
    expect(isRetryableTransactionError(new Error('timeout'))).toBe(false);
  });
});
