import { describe, expect, it } from '@jest/globals';
import type { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from './transaction.js';

/** A DataSource whose transactions fail with the given errors, then succeed; it records each start. */
function flakyDataSource(failures: unknown[]) {
  const starts: (string | undefined)[] = [];
  const transaction = async (...args: unknown[]) => {
    const work = args[args.length - 1] as (m: EntityManager) => Promise<unknown>;
    starts.push(args.length === 2 ? (args[0] as string) : undefined);
    const failure = failures.shift();
    if (failure) throw failure;
    return work({} as EntityManager);
  };
  return { dataSource: { transaction } as unknown as DataSource, starts };
}

const deadlock = Object.assign(new Error('deadlock detected'), { driverError: { code: '40P01' } });

describe('inTransaction', () => {
  it('runs the work again after a deadlock', async () => {
    const { dataSource, starts } = flakyDataSource([deadlock, deadlock]);
    await expect(inTransaction(dataSource, async () => 'done')).resolves.toBe('done');
    expect(starts).toHaveLength(3);
  });

  it('gives up after the last attempt with the deadlock', async () => {
    const { dataSource, starts } = flakyDataSource([deadlock, deadlock, deadlock]);
    await expect(inTransaction(dataSource, async () => 'done')).rejects.toBe(deadlock);
    expect(starts).toHaveLength(3);
  });

  it('does not retry other errors', async () => {
    const unique = Object.assign(new Error('duplicate key'), { driverError: { code: '23505' } });
    const { dataSource, starts } = flakyDataSource([unique]);
    await expect(inTransaction(dataSource, async () => 'done')).rejects.toBe(unique);
    expect(starts).toHaveLength(1);
  });

  it('passes the isolation level on', async () => {
    const { dataSource, starts } = flakyDataSource([]);
    await inTransaction(dataSource, async () => 1, { isolation: 'REPEATABLE READ' });
    expect(starts).toEqual(['REPEATABLE READ']);
  });
});
