import { describe, expect, it } from '@jest/globals';
import { affected, maybeOne, one, rows, type Db } from './rows.js';

/** A Db answering like TypeORM on PostgreSQL: rows, or [rows, affected] for UPDATE/DELETE. */
const answering = (result: unknown): Db => ({ query: async () => result }) as unknown as Db;

describe('row readers', () => {
  it('read rows of SELECT/INSERT and of UPDATE … RETURNING alike', async () => {
    expect(await rows(answering([{ id: 1 }]), 'SELECT')).toEqual([{ id: 1 }]);
    expect(await rows(answering([[{ id: 2 }], 1]), 'UPDATE')).toEqual([{ id: 2 }]);
  });

  it('one refuses no row; maybeOne gives undefined', async () => {
    await expect(one(answering([]), 'SELECT 1 WHERE false')).rejects.toThrow(
      'Expected a row from: SELECT 1 WHERE false',
    );
    expect(await maybeOne(answering([[], 0]), 'UPDATE')).toBeUndefined();
  });

  it('affected counts the changed rows', async () => {
    expect(await affected(answering([[], 3]), 'UPDATE')).toBe(3);
  });

  it('read a pg client’s result object alike (the bulk operations take either)', async () => {
    expect(await rows(answering({ rows: [{ id: 3 }], rowCount: 1 }), 'SELECT')).toEqual([{ id: 3 }]);
    expect(await affected(answering({ rows: [], rowCount: 4 }), 'UPDATE')).toBe(4);
  });
});
