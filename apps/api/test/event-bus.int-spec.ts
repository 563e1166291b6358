import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EventEmitter, once } from 'node:events';
import { DataSource } from 'typeorm';
import { EventBus, JobPool, dataSourceOptions, inJob, loadConfig, type RecordedEvent } from '@crossroads/api-platform';
import { apiSchema } from '../src/api-schema.js';
import { createIsolatedDatabase } from './support/isolated-database.js';

// The outbox and job queue on their own: a real PostgreSQL, real pg-boss workers, no HTTP.
let database: Awaited<ReturnType<typeof createIsolatedDatabase>>;
let dataSource: DataSource;
let bus: EventBus;
const handled = new EventEmitter();
const seen: RecordedEvent<{ n: number }>[] = [];
/** Whether each handled event's handler saw itself inside a job (the statement counter relies on it). */
const ranInJob = new Map<number, boolean>();
let failuresLeft = 0;

beforeAll(async () => {
  database = await createIsolatedDatabase('events');
  dataSource = await new DataSource(dataSourceOptions(database.url, apiSchema, 4)).initialize();
  const config = {
    ...loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'test-secret-that-is-long-enough-0123456789' }),
    jobPollSeconds: 0.5,
  };
  bus = new EventBus(config, database.url);
  bus.on<{ n: number }>(
    'test-recorder',
    ['test.thing.happened', 'test.flaky'],
    async (event) => {
      if (event.type === 'test.flaky' && failuresLeft > 0) {
        failuresLeft -= 1;
        handled.emit('failed', event);
        throw new Error('handler failed on purpose');
      }
      ranInJob.set(event.payload.n, inJob());
      seen.push(event);
      handled.emit('handled', event);
    },
    { retryDelaySeconds: 1 },
  );
  await bus.onApplicationBootstrap();
});

afterAll(async () => {
  await bus.onApplicationShutdown();
  await dataSource.destroy();
  await database.drop();
});

const waitForEvent = async (predicate: (e: RecordedEvent<{ n: number }>) => boolean) => {
  const already = seen.find(predicate);
  if (already) return already;
  for (;;) {
    const [event] = (await once(handled, 'handled')) as [RecordedEvent<{ n: number }>];
    if (predicate(event)) return event;
  }
};

describe('events and jobs', () => {
  it('records the event in the transaction and runs the handler after commit', async () => {
    await dataSource.transaction((m) =>
      bus.emit(
        m,
        { type: 'test.thing.happened', actorId: null, payload: { n: 1 } },
        { type: 'test.not.handled', payload: { n: 2 } },
      ),
    );
    const event = await waitForEvent((e) => e.payload.n === 1);
    expect(event).toMatchObject({ type: 'test.thing.happened', payload: { n: 1 } });
    expect(Number(event.id)).toBeGreaterThan(0);
    expect(ranInJob.get(1)).toBe(true);
    expect(inJob()).toBe(false);
    const rows = (await dataSource.query(`SELECT type, payload FROM domain_events ORDER BY id`)) as {
      type: string;
      payload: { n: number };
    }[];
    expect(rows).toEqual([
      { type: 'test.thing.happened', payload: { n: 1 } },
      { type: 'test.not.handled', payload: { n: 2 } },
    ]);
  });

  it('leaves no event and no job behind when the transaction rolls back', async () => {
    await expect(
      dataSource.transaction(async (m) => {
        await bus.emit(m, { type: 'test.thing.happened', payload: { n: 3 } });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    // A later event is handled; the rolled-back one never is.
    await dataSource.transaction((m) => bus.emit(m, { type: 'test.thing.happened', payload: { n: 4 } }));
    await waitForEvent((e) => e.payload.n === 4);
    expect(seen.some((e) => e.payload.n === 3)).toBe(false);
    expect(
      Number((await dataSource.query(`SELECT count(*) FROM domain_events WHERE payload->>'n' = '3'`))[0].count),
    ).toBe(0);
  });

  it('retries a failing handler until it succeeds', async () => {
    failuresLeft = 2;
    const failures: unknown[] = [];
    handled.on('failed', (e) => failures.push(e));
    await dataSource.transaction((m) => bus.emit(m, { type: 'test.flaky', payload: { n: 5 } }));
    await waitForEvent((e) => e.payload.n === 5);
    expect(failures).toHaveLength(2);
    expect(seen.filter((e) => e.payload.n === 5)).toHaveLength(1);
  });

  it('reports the backlog per queue', async () => {
    expect(await bus.backlog()).toEqual({ 'test-recorder': expect.any(Number) });
  });

  it("lets a query waiting for the job pool's connection finish at shutdown, then refuses new ones", async () => {
    // pg-pool's own end() would leave the waiting query pending forever, and the pg-boss worker
    // polling with it would never stop.
    const pool = new JobPool({ connectionString: database.url, max: 1 }, () => undefined);
    const holding = pool.db.executeSql('SELECT pg_sleep(0.3), 1 AS n');
    const waiting = pool.db.executeSql('SELECT 2 AS n');
    expect(pool.busy).toBe(true);
    await pool.close();
    expect((await holding).rows[0].n).toBe(1);
    expect((await waiting).rows[0].n).toBe(2);
    expect(pool.busy).toBe(false);
    await expect(pool.db.executeSql('SELECT 3')).rejects.toThrow('The job queue is shut down');
  });
});
