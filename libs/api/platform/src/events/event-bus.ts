import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import PgBoss from 'pg-boss';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { isRetryableTransactionError } from '../database/pg-errors.js';
import type {
  BatchEventHandler,
  DomainEvent,
  EventHandler,
  EventHandlerOptions,
  RecordedEvent,
} from './domain-event.js';
import { jobContext } from './job-context.js';
import { JobPool } from './job-pool.js';
import { settlePgBossCompletions } from './pg-boss-settle.js';

settlePgBossCompletions();

export const DATABASE_URL = Symbol('DATABASE_URL');

/** pg-boss keeps its tables in their own schema, created and migrated by pg-boss itself. */
export const JOB_SCHEMA = 'pgboss';

interface Registration {
  queue: string;
  types: ReadonlySet<string>;
  /** The jobs one worker fetched, in queue order. */
  handler: BatchEventHandler<object>;
  options: Required<EventHandlerOptions>;
}

interface ScheduledJob {
  queue: string;
  cron: string;
  handler: () => Promise<void>;
}

/** Called in-process with a transaction's events once it committed; the commit awaits it. */
export type CommitListener = (events: readonly RecordedEvent<object>[]) => Promise<void>;

const DEFAULTS: Required<EventHandlerOptions> = {
  batchSize: 10,
  concurrency: 1,
  retryLimit: 8,
  retryDelaySeconds: 2,
  expireInSeconds: 900,
};

/**
 * A queue's worker is woken at most this often after commits: the first event of a quiet period is
 * handled at once, a burst (seeding, imports) in batches instead of competing with it job by job.
 */
const WAKE_EVERY_MS = 200;

/**
 * Events and jobs. `emit` records events and queues one job per interested handler inside the
 * caller's transaction; workers (pg-boss, on the same PostgreSQL, so the embedded database needs
 * no other server) run the handlers after commit, with retries and exponential backoff. Fan-out
 * therefore never runs inside the request that caused it.
 */
@Injectable()
export class EventBus implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EventBus.name);
  private readonly registrations = new Map<string, Registration>();
  private readonly schedules = new Map<string, ScheduledJob>();
  private boss: PgBoss | undefined;
  private jobPool: JobPool | undefined;
  /** This instance's worker per queue, woken right after a commit that queued jobs for it. */
  private readonly workerIds = new Map<string, string[]>();
  /** Queues that an open transaction queued jobs for, per query runner, until its commit. */
  private readonly toWake = new WeakMap<QueryRunner, Set<string>>();
  private readonly lastWake = new Map<string, number>();
  private readonly wakeTimers = new Map<string, NodeJS.Timeout>();
  /** Handler runs in flight, so shutdown lets them finish before the database goes away. */
  private readonly running = new Set<Promise<unknown>>();
  private readonly commitListeners: CommitListener[] = [];
  /** Events of an open transaction, per query runner, for the commit listeners. */
  private readonly uncommitted = new WeakMap<QueryRunner, RecordedEvent<object>[]>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
    @Optional() @InjectDataSource() private readonly dataSource?: DataSource,
  ) {}

  /**
   * Registers a durable handler for some event types under a queue name unique in the application.
   * Call it from `onModuleInit`; every instance registers the same handlers, and any one runs a job.
   */
  on<P extends object>(
    queue: string,
    types: readonly string[],
    handler: EventHandler<P>,
    options: EventHandlerOptions = {},
  ): void {
    this.onBatch<P>(
      queue,
      types,
      async (events) => {
        for (const event of events) await handler(event);
      },
      options,
    );
  }

  /**
   * As `on`, with the whole batch a worker fetched (up to `batchSize` events, in queue order) in one
   * call: a handler that can do a batch's work together (one transaction, rows loaded once) keeps up
   * with a busy queue at a fraction of the statements. The batch fails and is retried whole.
   */
  onBatch<P extends object>(
    queue: string,
    types: readonly string[],
    handler: BatchEventHandler<P>,
    options: EventHandlerOptions = {},
  ): void {
    if (this.boss)
      throw new Error(`EventBus.on/onBatch("${queue}") called after start: register handlers in onModuleInit`);
    if (this.registrations.has(queue)) throw new Error(`Event queue "${queue}" is registered twice`);
    this.registrations.set(queue, {
      queue,
      types: new Set(types),
      handler: handler as BatchEventHandler<object>,
      options: { ...DEFAULTS, ...options },
    });
  }

  /** Runs `handler` on a cron schedule (UTC) on one instance at a time. */
  every(queue: string, cron: string, handler: () => Promise<void>): void {
    if (this.boss) throw new Error(`EventBus.every("${queue}") called after start: register jobs in onModuleInit`);
    this.schedules.set(queue, { queue, cron, handler });
  }

  /**
   * Hears every event this instance emits as soon as its transaction commits, before any job runs
   * and before the request that wrote it answers: for prompt work that needs no retry on another
   * instance, such as dropping cached reads. Not durable: handlers that must not miss an event use `on`.
   */
  onCommit(listener: CommitListener): void {
    this.commitListeners.push(listener);
  }

  /** Records the events and queues their handlers' jobs in the caller's transaction. */
  async emit(manager: EntityManager, ...events: DomainEvent<object>[]): Promise<void> {
    if (!events.length) return;
    const rows = (await manager.query(
      `INSERT INTO domain_events (type, actor_id, payload)
       SELECT * FROM unnest($1::text[], $2::uuid[], $3::jsonb[]) RETURNING id::text, occurred_at AS "occurredAt"`,
      [events.map((e) => e.type), events.map((e) => e.actorId ?? null), events.map((e) => JSON.stringify(e.payload))],
    )) as { id: string; occurredAt: Date }[];
    const jobs: PgBoss.JobInsert[] = [];
    const recordedEvents: RecordedEvent<object>[] = [];
    events.forEach((event, i) => {
      const recorded: RecordedEvent<object> = {
        ...event,
        actorId: event.actorId ?? null,
        id: rows[i].id,
        occurredAt: rows[i].occurredAt.toISOString(),
      };
      recordedEvents.push(recorded);
      for (const r of this.registrations.values()) {
        if (!r.types.has(event.type)) continue;
        jobs.push({
          name: r.queue,
          data: recorded,
          retryLimit: r.options.retryLimit,
          retryDelay: r.options.retryDelaySeconds,
          retryBackoff: true,
          expireInSeconds: r.options.expireInSeconds,
          // One job per handler and event: a retried emit (deadlock retry) cannot queue twice.
          singletonKey: `${r.queue}:${recorded.id}`,
        });
      }
    });
    await this.holdForCommit(manager, recordedEvents);
    if (!jobs.length) return;
    await this.started().insert(jobs, {
      db: { executeSql: async (text, values) => ({ rows: (await manager.query(text, values)) as unknown[] }) },
    });
    this.wakeAfterCommit(
      manager,
      jobs.map((j) => j.name),
    );
  }

  /**
   * Idle workers poll every JOB_POLL_SECONDS (0.5 s at least): live updates would wait that long.
   * This instance's workers are woken as soon as the transaction commits instead; others still poll.
   */
  private wakeAfterCommit(manager: EntityManager, queues: string[]): void {
    const runner = manager.queryRunner;
    if (!runner || !this.workerIds.size) return;
    let pending = this.toWake.get(runner);
    if (!pending) this.toWake.set(runner, (pending = new Set()));
    for (const q of queues) pending.add(q);
  }

  private async holdForCommit(manager: EntityManager, events: RecordedEvent<object>[]): Promise<void> {
    if (!this.commitListeners.length) return;
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) {
      await this.notifyCommitted(events); // no transaction: the insert above is already committed
      return;
    }
    const held = this.uncommitted.get(runner);
    if (held) held.push(...events);
    else this.uncommitted.set(runner, [...events]);
  }

  private async notifyCommitted(events: RecordedEvent<object>[]): Promise<void> {
    for (const listener of this.commitListeners) {
      try {
        await listener(events);
      } catch (error) {
        this.logger.error(`Commit listener failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  private async afterCommit(runner: QueryRunner): Promise<void> {
    if (runner.isTransactionActive) return; // a savepoint was released: the outer transaction goes on
    const events = this.uncommitted.get(runner);
    if (events) {
      this.uncommitted.delete(runner);
      await this.notifyCommitted(events);
    }
    const pending = this.toWake.get(runner);
    if (!pending) return;
    this.toWake.delete(runner);
    for (const queue of pending) this.wake(queue);
  }

  private wake(queue: string): void {
    const ids = this.workerIds.get(queue);
    if (!ids || !this.boss) return;
    const since = Date.now() - (this.lastWake.get(queue) ?? 0);
    if (since >= WAKE_EVERY_MS) {
      this.lastWake.set(queue, Date.now());
      // Every worker of the queue: one woken worker takes one batch, the others would wait a poll.
      for (const id of ids) this.boss.notifyWorker(id);
      return;
    }
    if (this.wakeTimers.has(queue)) return;
    const timer = setTimeout(() => {
      this.wakeTimers.delete(queue);
      this.wake(queue);
    }, WAKE_EVERY_MS - since);
    timer.unref();
    this.wakeTimers.set(queue, timer);
  }

  /** Queues a job for one handler directly (e.g. a delayed email), in the caller's transaction. */
  async enqueue(
    manager: EntityManager,
    queue: string,
    data: object,
    options: { startAfter?: Date; singletonKey?: string } = {},
  ): Promise<void> {
    const r = this.registrations.get(queue) ?? this.schedules.get(queue);
    if (!r) throw new Error(`No handler is registered for queue "${queue}"`);
    const retry = 'options' in r ? r.options : DEFAULTS;
    await this.started().insert(
      [
        {
          name: queue,
          data,
          startAfter: options.startAfter,
          singletonKey: options.singletonKey,
          retryLimit: retry.retryLimit,
          retryDelay: retry.retryDelaySeconds,
          retryBackoff: true,
          expireInSeconds: retry.expireInSeconds,
        },
      ],
      { db: { executeSql: async (text, values) => ({ rows: (await manager.query(text, values)) as unknown[] }) } },
    );
  }

  /** Queues many jobs for one handler in one statement (e.g. the emails of a fan-out), in the caller's transaction. */
  async enqueueMany(manager: EntityManager, queue: string, jobs: { data: object; startAfter?: Date }[]): Promise<void> {
    if (!jobs.length) return;
    const r = this.registrations.get(queue) ?? this.schedules.get(queue);
    if (!r) throw new Error(`No handler is registered for queue "${queue}"`);
    const retry = 'options' in r ? r.options : DEFAULTS;
    await this.started().insert(
      jobs.map((job) => ({
        name: queue,
        data: job.data,
        startAfter: job.startAfter,
        retryLimit: retry.retryLimit,
        retryDelay: retry.retryDelaySeconds,
        retryBackoff: true,
        expireInSeconds: retry.expireInSeconds,
      })),
      { db: { executeSql: async (text, values) => ({ rows: (await manager.query(text, values)) as unknown[] }) } },
    );
  }

  /** Jobs waiting or being retried, per queue: what an admin needs to see when a handler is failing. */
  async backlog(): Promise<Record<string, number>> {
    const boss = this.started();
    const result: Record<string, number> = {};
    for (const queue of [...this.registrations.keys(), ...this.schedules.keys()])
      result[queue] = await boss.getQueueSize(queue);
    return result;
  }

  async onApplicationBootstrap(): Promise<void> {
    const workers = this.config.jobWorkers;
    const jobPool = new JobPool(
      { connectionString: this.databaseUrl, max: 4, application_name: 'crossroads-jobs' },
      (error) => this.logger.error(`Job queue: ${error.message}`),
    );
    this.jobPool = jobPool;
    const boss = new PgBoss({
      db: jobPool.db,
      schema: JOB_SCHEMA,
      supervise: workers,
      schedule: workers && this.schedules.size > 0,
      monitorStateIntervalSeconds: 60,
      // Maintenance takes back jobs whose worker died (expired), so they are retried elsewhere.
      maintenanceIntervalSeconds: this.config.jobMaintenanceSeconds,
    });
    boss.on('error', (error: Error) => this.logger.error(`Job queue: ${error.message}`));
    await boss.start();
    for (const queue of [...this.registrations.keys(), ...this.schedules.keys()]) {
      // Creating a queue that exists is a no-op in pg-boss 10. Instances starting together on a fresh
      // database can deadlock creating the same queue's partition: the loser tries again.
      for (let attempt = 1; ; attempt++) {
        try {
          await boss.createQueue(queue);
          break;
        } catch (e) {
          if (attempt >= 5 || !isRetryableTransactionError(e)) throw e;
        }
      }
    }
    this.boss = boss;
    this.dataSource?.subscribers.push({
      afterTransactionCommit: (event) => this.afterCommit(event.queryRunner),
      afterTransactionRollback: (event) => {
        if (!event.queryRunner.isTransactionActive) {
          this.uncommitted.delete(event.queryRunner);
          this.toWake.delete(event.queryRunner);
        }
      },
    });
    if (!workers) return;
    for (const r of this.registrations.values()) {
      const ids: string[] = [];
      for (let i = 0; i < r.options.concurrency; i++) {
        ids.push(
          await boss.work<RecordedEvent<object>>(
            r.queue,
            { batchSize: r.options.batchSize, pollingIntervalSeconds: this.config.jobPollSeconds },
            async (jobs) => {
              await this.track(
                jobContext.run({ queue: r.queue }, async () => {
                  await r.handler(jobs.map((job) => job.data));
                }),
              );
            },
          ),
        );
      }
      this.workerIds.set(r.queue, ids);
    }
    for (const s of this.schedules.values()) {
      await boss.schedule(s.queue, s.cron, {}, { tz: 'UTC' });
      await boss.work(s.queue, { pollingIntervalSeconds: this.config.jobPollSeconds }, async () =>
        this.track(jobContext.run({ queue: s.queue }, () => s.handler())),
      );
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const boss = this.boss;
    const jobPool = this.jobPool;
    this.boss = undefined;
    this.jobPool = undefined;
    for (const timer of this.wakeTimers.values()) clearTimeout(timer);
    this.wakeTimers.clear();
    await boss?.stop({ graceful: true, timeout: 5_000, wait: true });
    // pg-boss stops waiting after its timeout while a slow handler still runs, and a poll in flight at
    // stop can still hand its worker jobs. Shutdown returns once no handler runs and no query is in
    // flight (a macrotask apart, so a poll's continuation has started its handler), so nothing
    // touches the database (or, under Jest, a torn-down module registry) afterwards.
    do {
      await Promise.allSettled([...this.running]);
      await jobPool?.settled();
      await new Promise((resolve) => setImmediate(resolve));
    } while (this.running.size || jobPool?.busy);
    await jobPool?.close();
  }

  private track<T>(run: Promise<T>): Promise<T> {
    this.running.add(run);
    return run.finally(() => this.running.delete(run));
  }

  private started(): PgBoss {
    if (!this.boss) throw new Error('The job queue is not started yet (EventBus is used before application bootstrap)');
    return this.boss;
  }
}
