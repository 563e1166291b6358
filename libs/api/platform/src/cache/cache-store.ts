import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';

/** A stored response: its validator and the exact body sent. */
export interface CachedResponse {
  etag: string;
  body: string;
  /** What serving it repeats (GraphqlContext.replayOnHit). */
  replay: [string, string][];
}

/**
 * Where anonymous responses live. `seq` counts invalidations: a response computed while one
 * happened is not stored (it may hold what was just invalidated), so no read races a write into
 * the cache. Every entry carries the tag `all`.
 */
export interface CacheStore {
  lookup(key: string): Promise<{ entry: CachedResponse | undefined; seq: string }>;
  /** Stores unless an invalidation happened since `seq` was read; false when skipped. */
  store(key: string, seq: string, entry: CachedResponse, tags: readonly string[], ttlMs: number): Promise<boolean>;
  invalidate(tags: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

export const ALL_TAG = 'all';

/** One process: an LRU bounded by entries and bytes, with a tag index kept in step by its dispose hook. */
export class MemoryCacheStore implements CacheStore {
  private seq = 0;
  private readonly byTag = new Map<string, Set<string>>();
  private readonly entries: LRUCache<string, { entry: CachedResponse; tags: readonly string[] }>;

  constructor(maxBytes = 64 * 1024 * 1024) {
    this.entries = new LRUCache({
      max: 10_000,
      maxSize: maxBytes,
      sizeCalculation: (v, k) => v.entry.body.length + k.length + 64,
      dispose: (v, key) => {
        for (const tag of v.tags) {
          const keys = this.byTag.get(tag);
          keys?.delete(key);
          if (keys?.size === 0) this.byTag.delete(tag);
        }
      },
    });
  }

  async lookup(key: string) {
    return { entry: this.entries.get(key)?.entry, seq: String(this.seq) };
  }

  async store(key: string, seq: string, entry: CachedResponse, tags: readonly string[], ttlMs: number) {
    if (seq !== String(this.seq)) return false;
    const all = [ALL_TAG, ...tags];
    this.entries.set(key, { entry, tags: all }, { ttl: ttlMs });
    for (const tag of all) {
      let keys = this.byTag.get(tag);
      if (!keys) this.byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    return true;
  }

  async invalidate(tags: readonly string[]) {
    this.seq += 1;
    for (const tag of tags) for (const key of [...(this.byTag.get(tag) ?? [])]) this.entries.delete(key);
  }

  async close() {
    this.entries.clear();
  }
}

// Tag index: a sorted set per tag, members the entry keys, scores their expiry (trimmed on store).
const STORE_SCRIPT = `
local current = redis.call('GET', KEYS[1]) or '0'
if current ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
local expires = tonumber(ARGV[4]) + tonumber(ARGV[3])
for i = 5, #ARGV do
  redis.call('ZREMRANGEBYSCORE', ARGV[i], '-inf', ARGV[4])
  redis.call('ZADD', ARGV[i], expires, KEYS[2])
  redis.call('PEXPIRE', ARGV[i], ARGV[3])
end
return 1`;

const INVALIDATE_SCRIPT = `
redis.call('INCR', KEYS[1])
for i = 1, #ARGV do
  local keys = redis.call('ZRANGE', ARGV[i], 0, -1)
  for j = 1, #keys, 500 do redis.call('DEL', unpack(keys, j, math.min(j + 499, #keys))) end
  redis.call('DEL', ARGV[i])
end
return 1`;

/**
 * Shared by every instance on one Redis (a single node: the scripts name keys they compute). While
 * Redis is unreachable, lookups miss and stores are skipped: requests are served uncached.
 */
export class RedisCacheStore implements CacheStore {
  private readonly logger = new Logger('AnonymousCache');
  private readonly redis: Redis;
  private downLogged = false;

  constructor(
    url: string,
    private readonly prefix: string,
  ) {
    this.redis = new Redis(url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      retryStrategy: (attempt: number) => Math.min(200 * 2 ** Math.min(attempt, 5), 5_000),
      connectTimeout: 2_000,
      connectionName: 'crossroads-anon-cache',
    });
    this.redis.on('error', (error: Error) => this.wentDown(error));
    this.redis.on('ready', () => {
      if (this.downLogged) this.logger.log('Redis is reachable again: anonymous reads are cached');
      this.downLogged = false;
    });
    this.redis.defineCommand('anonStore', { numberOfKeys: 2, lua: STORE_SCRIPT });
    this.redis.defineCommand('anonInvalidate', { numberOfKeys: 1, lua: INVALIDATE_SCRIPT });
  }

  async connect(): Promise<void> {
    await Promise.race([
      this.redis.connect().catch((e: unknown) => this.wentDown(e)),
      new Promise((r) => setTimeout(r, 3_000).unref()),
    ]);
  }

  private get ready(): boolean {
    return this.redis.status === 'ready';
  }

  async lookup(key: string) {
    if (!this.ready) return { entry: undefined, seq: 'down' };
    try {
      const [seq, raw] = await this.redis.mget(this.prefix + 'seq', this.prefix + 'e:' + key);
      if (!raw) return { entry: undefined, seq: seq ?? '0' };
      const first = raw.indexOf('\n');
      const second = raw.indexOf('\n', first + 1);
      const replay = JSON.parse(raw.slice(first + 1, second)) as [string, string][];
      return { entry: { etag: raw.slice(0, first), replay, body: raw.slice(second + 1) }, seq: seq ?? '0' };
    } catch (error) {
      this.wentDown(error);
      return { entry: undefined, seq: 'down' };
    }
  }

  async store(key: string, seq: string, entry: CachedResponse, tags: readonly string[], ttlMs: number) {
    if (seq === 'down' || !this.ready) return false;
    const tagKeys = [ALL_TAG, ...tags].map((t) => this.prefix + 't:' + t);
    try {
      const run = (this.redis as unknown as { anonStore(...args: (string | number)[]): Promise<number> }).anonStore;
      const stored = await run.call(
        this.redis,
        this.prefix + 'seq',
        this.prefix + 'e:' + key,
        seq,
        `${entry.etag}\n${JSON.stringify(entry.replay)}\n${entry.body}`,
        ttlMs,
        Date.now(),
        ...tagKeys,
      );
      return stored === 1;
    } catch (error) {
      this.wentDown(error);
      return false;
    }
  }

  async invalidate(tags: readonly string[]) {
    if (!tags.length) return;
    try {
      const run = (this.redis as unknown as { anonInvalidate(...args: string[]): Promise<number> }).anonInvalidate;
      await run.call(this.redis, this.prefix + 'seq', ...tags.map((t) => this.prefix + 't:' + t));
    } catch (error) {
      // Entries that should have gone live on until their max age: the backstop.
      this.wentDown(error);
    }
  }

  async close() {
    this.redis.disconnect(false);
  }

  private wentDown(error: unknown): void {
    if (this.downLogged) return;
    this.downLogged = true;
    this.logger.warn(
      `Redis is unreachable (${error instanceof Error ? error.message : String(error)}): anonymous reads are served uncached until it is back`,
    );
  }
}
