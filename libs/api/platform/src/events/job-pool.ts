import pg from 'pg';

/**
 * pg-boss's connection pool, held by us rather than by pg-boss. pg-pool's `end()` never serves nor
 * rejects queries still waiting for a connection; with more workers than connections, a worker
 * polling at shutdown then waits forever, and pg-boss's stop loop (checking once a second whether
 * its workers stopped) never ends. Here shutdown lets every query in flight finish, refuses new ones,
 * and only then ends the pool, so every worker sees its poll return and stops.
 */
export class JobPool {
  private readonly pool: pg.Pool;
  private readonly inFlight = new Set<Promise<unknown>>();
  private closing = false;

  constructor(config: pg.PoolConfig, onError: (error: Error) => void) {
    this.pool = new pg.Pool(config);
    this.pool.on('error', onError);
  }

  /** The `db` pg-boss runs its SQL through. */
  readonly db = {
    executeSql: (text: string, values?: unknown[]): Promise<pg.QueryResult> => {
      if (this.closing) return Promise.reject(new Error('The job queue is shut down'));
      const run = this.pool.query(text, values);
      this.inFlight.add(run);
      void run.then(
        () => this.inFlight.delete(run),
        () => this.inFlight.delete(run),
      );
      return run;
    },
  };

  get busy(): boolean {
    return this.inFlight.size > 0;
  }

  /** Resolves once no query is in flight. */
  async settled(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }

  /** Waits for the queries in flight, refuses new ones, then ends the pool. */
  async close(): Promise<void> {
    await this.settled();
    this.closing = true;
    await this.pool.end();
  }
}
