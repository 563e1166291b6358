import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { EventEmitter, on } from 'node:events';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

/** Topics of live messages; the payload is small (ids), subscribers load what they show. */
export const LIVE_TOPICS = {
  /** A new in-app notification for one member: `{ notificationId }`. */
  notifications: (userId: string) => `user:${userId}:notifications`,
  /** Activity on one question: `{ kind, questionId, answerId?, commentId? }`. */
  question: (questionId: string) => `question:${questionId}`,
  /** A new message in one mentorship's private thread: `{ mentorshipId, messageId }` (the pair only). */
  mentorship: (mentorshipId: string) => `mentorship:${mentorshipId}`,
  /** The held-comment queue changed: `{ waiting }`. */
  moderationQueue: 'moderation:queue',
  /** A member's role, suspension or sessions changed: `{}`; open connections re-resolve their principal. */
  access: (userId: string) => `user:${userId}:access`,
} as const;

/** Redis channels are prefixed so a shared Redis can serve other applications. */
const CHANNEL_PREFIX = 'crossroads:live:';

export type RedisState = 'not-configured' | 'up' | 'down';

/**
 * Live messages to open subscriptions. In-process without `REDIS_URL`. With it, messages go through
 * Redis pub/sub so a subscription on one API instance hears a message published on another; while
 * Redis is unreachable, messages are delivered in-process (this instance's subscribers only) and
 * ioredis reconnects with backoff.
 */
@Injectable()
export class LiveBus implements OnApplicationBootstrap, OnApplicationShutdown {
  protected readonly local = new EventEmitter().setMaxListeners(0);
  private readonly logger = new Logger('LiveBus');
  private publisher: Redis | undefined;
  private subscriber: Redis | undefined;
  private downLogged = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    const url = this.config.redisUrl;
    if (!url) return;
    const options = {
      lazyConnect: true,
      // Fail fast while disconnected: the caller then delivers in-process instead of queueing.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      retryStrategy: (attempt: number) => Math.min(200 * 2 ** Math.min(attempt, 5), 5_000),
      connectTimeout: 2_000,
    };
    this.publisher = new Redis(url, { ...options, connectionName: 'crossroads-live-pub' });
    // The subscriber queues its PSUBSCRIBE until connected and re-subscribes after every reconnect.
    this.subscriber = new Redis(url, {
      ...options,
      enableOfflineQueue: true,
      maxRetriesPerRequest: null,
      connectionName: 'crossroads-live-sub',
    });
    for (const client of [this.publisher, this.subscriber]) {
      client.on('error', (error: Error) => this.wentDown(error));
      client.on('ready', () => this.cameUp());
    }
    this.subscriber.on('pmessage', (_pattern: string, channel: string, message: string) => {
      let payload: object;
      try {
        payload = JSON.parse(message) as object;
      } catch {
        return; // not ours
      }
      this.local.emit(channel.slice(CHANNEL_PREFIX.length), payload);
    });
    // Start serving even when Redis is down: connect in the background, wait briefly for it.
    const subscribed = this.subscriber
      .connect()
      .then(() => this.subscriber?.psubscribe(`${CHANNEL_PREFIX}*`))
      .catch((error: unknown) => this.wentDown(error));
    const published = this.publisher.connect().catch((error: unknown) => this.wentDown(error));
    await Promise.race([
      Promise.all([subscribed, published]),
      new Promise((resolve) => setTimeout(resolve, 3_000).unref()),
    ]);
  }

  async onApplicationShutdown(): Promise<void> {
    const clients = [this.publisher, this.subscriber];
    this.publisher = this.subscriber = undefined;
    for (const client of clients) client?.disconnect(false);
    this.local.removeAllListeners();
  }

  /** Whether messages cross instances now: for `/health`. */
  get redisState(): RedisState {
    if (!this.publisher) return 'not-configured';
    return this.publisher.status === 'ready' && this.subscriber?.status === 'ready' ? 'up' : 'down';
  }

  async publish(topic: string, payload: object): Promise<void> {
    if (this.publisher && this.redisState === 'up') {
      try {
        await this.publisher.publish(CHANNEL_PREFIX + topic, JSON.stringify(payload));
        return; // this instance hears it back through its own subscription
      } catch (error) {
        this.wentDown(error);
      }
    }
    this.local.emit(topic, payload);
  }

  /** Messages on `topic` until `signal` aborts. */
  async *subscribe<T extends object>(topic: string, signal: AbortSignal): AsyncGenerator<T> {
    try {
      for await (const [payload] of on(this.local, topic, { signal })) yield payload as T;
    } catch (e) {
      if ((e as { name?: string }).name !== 'AbortError') throw e;
    }
  }

  /**
   * Messages on `topic` as a GraphQL subscription source: listening from this call on (nothing
   * published after it is missed), and `return()` (the client completes or disconnects) stops at
   * once even while waiting for a message.
   */
  stream<T extends object>(topic: string): AsyncIterableIterator<T> {
    const queue: T[] = [];
    let wake: ((r: IteratorResult<T>) => void) | undefined;
    let done = false;
    const listener = (payload: T) => {
      if (wake) {
        const w = wake;
        wake = undefined;
        w({ value: payload, done: false });
      } else queue.push(payload);
    };
    this.local.on(topic, listener);
    const finish = async (): Promise<IteratorResult<T>> => {
      if (!done) {
        done = true;
        this.local.off(topic, listener);
        queue.length = 0;
        wake?.({ value: undefined, done: true });
        wake = undefined;
      }
      return { value: undefined, done: true };
    };
    return {
      next: () => {
        if (queue.length) return Promise.resolve({ value: queue.shift() as T, done: false });
        if (done) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => (wake = resolve));
      },
      return: finish,
      throw: async (error: unknown) => {
        await finish();
        throw error;
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  /** Open listeners on `topic` in this instance (tests wait for a subscription to be in place). */
  subscriberCount(topic: string): number {
    return this.local.listenerCount(topic);
  }

  /** One log line per outage, not one per retry. */
  private wentDown(error: unknown): void {
    if (this.downLogged) return;
    this.downLogged = true;
    this.logger.warn(
      `Redis is unreachable (${error instanceof Error ? error.message : String(error)}): live updates are delivered within this instance only until it is back`,
    );
  }

  private cameUp(): void {
    if (this.redisState !== 'up') return;
    if (this.downLogged) this.logger.log('Redis is reachable again: live updates cross instances');
    this.downLogged = false;
  }
}
