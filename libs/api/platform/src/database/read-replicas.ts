import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import { Redis } from 'ioredis';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, QueryRunner } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import type { GraphqlContext } from '../graphql/graphql-context.js';

/**
 * Where a GraphQL request's plain reads go. Created per HTTP request by the middleware (primary),
 * switched to the replica once the operation is known to be a query that may read one.
 */
interface ReadRoute {
  replica: boolean;
}

const routes = new AsyncLocalStorage<ReadRoute>();

/** Whether statements issued here may go to a replica (tests and diagnostics). */
export const readsFromReplica = (): boolean => routes.getStore()?.replica === true;

/** Runs `work` with every statement on the primary, whatever the request's route (e.g. a read that must see the latest commit). */
export function onPrimary<T>(work: () => T): T {
  return routes.run({ replica: false }, work);
}

// A statement a standby can run: it starts as a read and names nothing that writes or locks. A false
// "write" only costs a trip to the primary; a missed one fails on the standby (25006) and is re-run there.
const READ_START = /^\s*(?:\/\*[\s\S]*?\*\/\s*)*(?:SELECT|WITH)\b/i;
const WRITES =
  /\b(?:INSERT|UPDATE|DELETE|MERGE|TRUNCATE|FOR\s+(?:NO\s+KEY\s+)?UPDATE|FOR\s+(?:KEY\s+)?SHARE|nextval|setval|pg_advisory\w*|pg_notify)\b/i;

export function isPlainRead(sql: string): boolean {
  return READ_START.test(sql) && !WRITES.test(sql);
}

/**
 * Errors after which a read is re-run on the primary: the standby refused a write (25006), cancelled
 * the statement for a replay conflict (40001 "conflict with recovery"), or could not be reached.
 */
function retryOnPrimary(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  if (typeof code !== 'string') return true; // connection errors (ECONNREFUSED, timeouts) carry no SQLSTATE
  return (
    code === '25006' || code === '40001' || code.startsWith('08') || code.startsWith('57P') || code.startsWith('E')
  );
}

/**
 * A write recorded for `ttl` ms per user: while it lasts, that member's requests read the primary
 * (read-your-writes). In Redis with REDIS_URL, so a write on one instance steers the member's
 * reads on every instance; in this process otherwise.
 */
class RecentWriters {
  private readonly local = new Map<string, number>();
  private redis: Redis | undefined;

  constructor(
    private readonly ttlMs: number,
    redisUrl: string | undefined,
    private readonly prefix: string,
  ) {
    if (redisUrl)
      this.redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
  }

  async connect(): Promise<void> {
    await this.redis?.connect().catch(() => undefined);
  }

  async close(): Promise<void> {
    this.redis?.disconnect();
  }

  async mark(keys: readonly string[]): Promise<void> {
    const until = Date.now() + this.ttlMs;
    for (const key of keys) this.local.set(key, until);
    if (this.local.size > 50_000) for (const [key, t] of this.local) if (t < Date.now()) this.local.delete(key);
    if (this.redis)
      await Promise.all(
        keys.map((key) => this.redis?.set(this.prefix + key, '1', 'PX', this.ttlMs).catch(() => undefined)),
      );
  }

  /** Whether any of the keys wrote within the window. If Redis cannot answer, yes: the primary is always right. */
  async wrote(keys: readonly string[]): Promise<boolean> {
    const now = Date.now();
    if (keys.some((key) => (this.local.get(key) ?? 0) > now)) return true;
    if (!this.redis) return false;
    try {
      return (await this.redis.exists(...keys.map((key) => this.prefix + key))) > 0;
    } catch {
      return true;
    }
  }
}

/** The user id an access token names, unverified: it only chooses a server (a forged one can only pick the primary). */
function tokenSubject(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (!header?.startsWith('Bearer ')) return undefined;
  const payload = header.slice(7).split('.')[1];
  if (!payload) return undefined;
  try {
    const sub = (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub?: unknown }).sub;
    return typeof sub === 'string' ? sub : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Who a write is remembered for: the member, and the client address (a registration or sign-in has no
 * token yet, and a guest's comment should show on their next page too).
 */
function writerKeys(req: Request): string[] {
  const user = tokenSubject(req);
  return [...(user ? [`u:${user}`] : []), `ip:${req.ip ?? ''}`];
}

/**
 * Read replicas (DATABASE_REPLICA_URLS). Plain reads of a GraphQL query go to a replica (TypeORM's
 * replication pools, one picked at random per statement) unless:
 * - the member (or, without a token, the client address) wrote within DATABASE_REPLICA_STICKY_SECONDS:
 *   their own requests read the primary, so they see their write at once,
 * - the response may enter the shared anonymous cache (the cache holds only what the primary said,
 *   so a lagging replica cannot pin an invalidated page for the cache's lifetime),
 * - the request is a batch (its operations share one route), or the statement writes, locks or runs
 *   in a transaction (a QueryRunner is given): mutations, subscriptions, jobs and the principal
 *   lookup (it records presence) always use the primary.
 */
export class ReadReplicas implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ReadReplicas');
  readonly enabled: boolean;
  private readonly writers: RecentWriters | undefined;

  constructor(
    config: Pick<AppConfig, 'databaseReplicaUrls' | 'replicaStickySeconds' | 'redisUrl'>,
    databaseUrl: string,
  ) {
    this.enabled = config.databaseReplicaUrls.length > 0;
    if (!this.enabled) return;
    const database = decodeURIComponent(new URL(databaseUrl).pathname.slice(1)) || 'postgres';
    this.writers = new RecentWriters(
      config.replicaStickySeconds * 1000,
      config.redisUrl,
      `crossroads:wrote:${database}:`,
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.writers?.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.writers?.close();
  }

  /** Sends plain reads issued under a replica route to a replica; everything else as before. */
  attach(dataSource: DataSource): DataSource {
    if (!this.enabled) return dataSource;
    const primaryQuery = dataSource.query.bind(dataSource);
    const replicaQuery = async (sql: string, parameters: unknown[] | undefined): Promise<unknown> => {
      let runner: QueryRunner | undefined;
      try {
        runner = dataSource.createQueryRunner('slave');
        return await runner.query(sql, parameters);
      } catch (error) {
        if (!retryOnPrimary(error)) throw error;
        this.logger.debug?.(`Read re-run on the primary: ${String((error as Error).message ?? error)}`);
        return primaryQuery(sql, parameters);
      } finally {
        await runner?.release();
      }
    };
    // DataSource.query and EntityManager.query (which calls it without a runner outside transactions).
    dataSource.query = (async (sql: string, parameters?: unknown[], queryRunner?: QueryRunner) => {
      if (!queryRunner && readsFromReplica() && isPlainRead(sql)) return replicaQuery(sql, parameters);
      return primaryQuery(sql, parameters, queryRunner);
    }) as DataSource['query'];
    return dataSource;
  }

  /** Starts each GraphQL request on the primary; the plugin may switch it once the operation is known. */
  middleware() {
    return (_req: Request, _res: Response, next: NextFunction) => routes.run({ replica: false }, next);
  }

  plugin(): ApolloServerPlugin<GraphqlContext> {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const self = this;
    return {
      async requestDidStart() {
        return {
          async didResolveOperation(rc) {
            const route = routes.getStore();
            const writers = self.writers;
            if (!route || !writers || !rc.operation) return;
            const { req, res } = rc.contextValue;
            const keys = writerKeys(req as Request);
            if (rc.operation.operation === 'mutation') return writers.mark(keys);
            if (rc.operation.operation !== 'query' || Array.isArray(req.body) || res.locals.anonymousCache) return;
            route.replica = !(await writers.wrote(keys));
          },
          async willSendResponse(rc) {
            // From the end of the mutation too: the window covers replication of its commit.
            if (rc.operation?.operation !== 'mutation' || !self.writers) return;
            await self.writers.mark(writerKeys(rc.contextValue.req as Request));
          },
        };
      },
    };
  }
}
