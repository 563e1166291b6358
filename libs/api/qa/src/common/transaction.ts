import type { DataSource, EntityManager } from 'typeorm';

const RETRYABLE = new Set(['40P01', '40001']); // deadlock detected, serialization failure

/**
 * One transaction per mutation. A deadlock between two writers (e.g. a vote and an acceptance
 * touching the same rows in another order) rolls back one of them: it is retried from the start.
 */
export async function inTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await dataSource.transaction(work);
    } catch (e) {
      const code = (e as { code?: string; driverError?: { code?: string } }).driverError?.code ?? (e as { code?: string }).code;
      if (attempt >= attempts || !code || !RETRYABLE.has(code)) throw e;
    }
  }
}
