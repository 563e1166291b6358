import type { DataSource, EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel.js';
import { isRetryableTransactionError } from './pg-errors.js';

export interface TransactionOptions {
  isolation?: IsolationLevel;
  attempts?: number;
}

/**
 * One transaction per mutation. A deadlock between two writers (e.g. a vote and an acceptance
 * touching the same rows in another order) rolls back one of them: it is retried from the start.
 */
export async function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  options: number | TransactionOptions = {},
): Promise<T> {
  const { isolation, attempts = 3 } = typeof options === 'number' ? { attempts: options } : options;
  for (let attempt = 1; ; attempt++) {
    try {
      return await (isolation ? dataSource.transaction(isolation, work) : dataSource.transaction(work));
    } catch (e) {
      if (attempt >= attempts || !isRetryableTransactionError(e)) throw e;
    }
  }
}
