import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import stableStringify from 'fast-json-stable-stringify';
import type { NextFunction, Request, Response } from 'express';
import { createHash } from 'node:crypto';
import type { AppConfig } from '../config/app-config.js';
import type { EventBus } from '../events/event-bus.js';
import { ALL_TAG, MemoryCacheStore, RedisCacheStore, type CacheStore } from './cache-store.js';
import { tagsForEvent } from './cache-tags.js';

/** What the cache middleware found out about a request it may serve, for the plugin that stores its response. */
export interface CacheableRequest {
  key: string;
  /** sha256 (hex) of the document: Apollo's queryHash and the persisted-query hash. */
  queryHash: string;
  /** The invalidation count seen at lookup (see CacheStore). */
  seq: string;
}

const RESPONSE_TYPES = ['application/json', 'application/graphql-response+json'];
// Apollo's CSRF prevention: a GET needs one of these headers (or a non-simple content type).
const PREFLIGHT_HEADERS = ['x-apollo-operation-name', 'apollo-require-preflight'];
const SIMPLE_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
/** How long browsers, nginx and CDNs may reuse an anonymous response without asking: they hear no invalidation. */
const HTTP_MAX_AGE_SECONDS = 5;

export const PRIVATE_CACHE_CONTROL = 'private, no-store';

/**
 * Whether a GET's If-None-Match names this ETag. Decided here rather than by Express's `req.fresh`,
 * which answers in full whenever the request says `Cache-Control: no-cache` (as fetch does when it
 * revalidates): the origin's 304 is that revalidation.
 */
export function notModified(method: string, ifNoneMatch: string | undefined, etag: string): boolean {
  if ((method !== 'GET' && method !== 'HEAD') || !ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });
}

/**
 * The shared response cache for anonymous GraphQL reads (no Authorization header, no cookie), keyed on
 * the document's sha256 (the persisted-query hash), the operation name and the variables. In Redis when
 * REDIS_URL is set, so every instance shares it; in an in-process LRU otherwise. Entries live at most
 * ANON_CACHE_SECONDS and are dropped by tag when a write commits (cache-tags.ts says which).
 */
export class AnonymousCache implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AnonymousCache');
  private readonly store: CacheStore | undefined;
  readonly enabled: boolean;
  private readonly ttlMs: number;
  readonly publicCacheControl: string;
  private readonly hitHandlers = new Map<string, (id: string) => void>();

  constructor(config: AppConfig, databaseUrl: string) {
    this.enabled = config.anonCacheSeconds > 0;
    this.ttlMs = config.anonCacheSeconds * 1000;
    this.publicCacheControl = `public, max-age=${Math.min(HTTP_MAX_AGE_SECONDS, config.anonCacheSeconds)}`;
    if (!this.enabled) return;
    // One namespace per database: instances of one site share it, other sites on the same Redis do not.
    const database = decodeURIComponent(new URL(databaseUrl).pathname.slice(1)) || 'postgres';
    this.store = config.redisUrl
      ? new RedisCacheStore(config.redisUrl, `crossroads:anon:${database}:`)
      : new MemoryCacheStore();
  }

  /** Drops, at commit, what the transaction's events change. */
  attach(bus: EventBus): this {
    if (this.enabled) bus.onCommit((events) => this.invalidate(events.flatMap(tagsForEvent)));
    return this;
  }

  /** Repeats, for each cached answer served, what its computation did for `kind` (see GraphqlContext.replayOnHit). */
  onHit(kind: string, handler: (id: string) => void): void {
    this.hitHandlers.set(kind, handler);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.store instanceof RedisCacheStore) await this.store.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store?.close();
  }

  async invalidate(tags: readonly string[]): Promise<void> {
    if (!this.store || !tags.length) return;
    const unique = tags.includes(ALL_TAG) ? [ALL_TAG] : [...new Set(tags)];
    await this.store.invalidate(unique);
  }

  async dropAll(): Promise<void> {
    await this.invalidate([ALL_TAG]);
  }

  async save(
    request: CacheableRequest,
    body: string,
    tags: readonly string[],
    replay: [string, string][],
  ): Promise<string> {
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    if (this.store && !(await this.store.store(request.key, request.seq, { etag, body, replay }, tags, this.ttlMs))) {
      this.logger.debug?.(`Not stored (an invalidation happened meanwhile): ${request.key}`);
    }
    return etag;
  }

  /** Serves cached anonymous reads before Apollo; marks the others it may store in `res.locals.anonymousCache`. */
  middleware() {
    return async (req: Request, res: Response, next: NextFunction) => {
      const cacheable = this.store && this.describe(req);
      if (!cacheable || !this.store) return next();
      try {
        const { entry, seq } = await this.store.lookup(cacheable.key);
        if (!entry) {
          res.locals.anonymousCache = { ...cacheable, seq } satisfies CacheableRequest;
          return next();
        }
        for (const [kind, id] of entry.replay) this.hitHandlers.get(kind)?.(id);
        const type = req.accepts(RESPONSE_TYPES) || 'application/json';
        res.setHeader('Content-Type', `${type}; charset=utf-8`);
        res.setHeader('Cache-Control', this.publicCacheControl);
        res.setHeader('Vary', 'Accept');
        res.setHeader('ETag', entry.etag);
        res.setHeader('X-Cache', 'HIT');
        if (notModified(req.method, req.headers['if-none-match'], entry.etag)) res.status(304).end();
        else res.status(200).send(entry.body);
      } catch (error) {
        next(error);
      }
    };
  }

  /** The cache key of an anonymous, single, CSRF-safe GraphQL request, or undefined. */
  private describe(req: Request): Omit<CacheableRequest, 'seq'> | undefined {
    if (req.headers.authorization !== undefined || req.headers.cookie !== undefined) return undefined;
    let params: { query?: unknown; operationName?: unknown; variables?: unknown; extensions?: unknown };
    try {
      if (req.method === 'GET') {
        const contentType = req.headers['content-type']?.split(';')[0].trim().toLowerCase();
        const preflighted =
          PREFLIGHT_HEADERS.some((h) => req.headers[h]) ||
          (contentType !== undefined && !SIMPLE_TYPES.includes(contentType));
        if (!preflighted) return undefined;
        const q = req.query as Record<string, unknown>;
        const json = (v: unknown) => (typeof v === 'string' ? (JSON.parse(v) as unknown) : v);
        params = {
          query: q.query,
          operationName: q.operationName,
          variables: json(q.variables),
          extensions: json(q.extensions),
        };
      } else if (req.method === 'POST') {
        if (!req.is('application/json') || !req.body || typeof req.body !== 'object' || Array.isArray(req.body))
          return undefined;
        params = req.body as typeof params;
      } else return undefined;
    } catch {
      return undefined; // malformed: Apollo answers it
    }
    const { query, operationName, variables, extensions } = params;
    let queryHash: string | undefined;
    if (typeof query === 'string') queryHash = createHash('sha256').update(query).digest('hex');
    else if (query === undefined) {
      const hash = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery
        ?.sha256Hash;
      if (typeof hash === 'string' && /^[0-9a-f]{64}$/.test(hash)) queryHash = hash;
    }
    if (!queryHash) return undefined;
    if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return undefined;
    if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables)))
      return undefined;
    const key = createHash('sha256')
      .update(stableStringify([queryHash, operationName ?? null, variables ?? {}]))
      .digest('base64url');
    return { key, queryHash };
  }
}
