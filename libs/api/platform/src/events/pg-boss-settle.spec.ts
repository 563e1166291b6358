import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
// @ts-expect-error -- untyped internal module of pg-boss 10
import Manager from 'pg-boss/src/manager.js';
import { settlePgBossCompletions } from './pg-boss-settle.js';

type Fail = (this: unknown, queue: string, id: string, data: unknown) => Promise<unknown>;
/** The manager's fail as it is now (patched once settlePgBossCompletions ran). */
const fail: Fail = function (this: unknown, ...args) {
  return (Manager as { prototype: { fail: Fail } }).prototype.fail.apply(this, args);
};
/** A manager whose database is restarting. */
const restarting = {
  db: { executeSql: () => Promise.reject(new Error('the database system is shutting down')) },
  mapCompletionIdArg: (id: string) => [id],
  mapCompletionDataArg: (data: unknown) => data,
  mapCommandResponse: (result: unknown) => result,
  failJobsByIdCommand: 'SELECT 1',
};

describe('pg-boss completions while the database is down', () => {
  const unhandled: unknown[] = [];
  const record = (reason: unknown) => void unhandled.push(reason);
  beforeAll(() => {
    settlePgBossCompletions();
    process.on('unhandledRejection', record);
  });
  afterAll(() => void process.off('unhandledRejection', record));

  it('leave no unhandled rejection when nobody awaits them (as pg-boss workers do), and still reject for those who do', async () => {
    void fail.call(restarting, 'a-queue', 'a-job', 'handler failed');
    await expect(fail.call(restarting, 'a-queue', 'a-job', 'handler failed')).rejects.toThrow('shutting down');
    // Unhandled rejections are reported after the microtask queue drains: one macrotask later.
    await new Promise((resolve) => setImmediate(resolve));
    expect(unhandled).toEqual([]);
  });
});
