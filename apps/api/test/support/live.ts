import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';
import { LiveBus } from '@crossroads/api-platform';
import { randomIp, type TestApp } from './test-app.js';

export interface LiveConnectionHandle {
  client: Client;
  /** Resolves when the server acknowledged connection_init. */
  connected: Promise<void>;
  /** Resolves with the close code and reason when the socket closes. */
  closed: Promise<{ code: number; reason: string }>;
  dispose(): Promise<void>;
}

/** A graphql-ws client (over the `ws` package) on the app's `/graphql`, from a chosen address. */
export function connectLive(
  t: TestApp,
  options: { token?: string; authorization?: unknown; ip?: string } = {},
): LiveConnectionHandle {
  const ip = options.ip ?? randomIp();
  let onConnected!: () => void;
  let onClosed!: (e: { code: number; reason: string }) => void;
  const connected = new Promise<void>((resolve) => (onConnected = resolve));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (onClosed = resolve));
  class ForwardedWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: { 'x-forwarded-for': ip } });
    }
  }
  const authorization = options.authorization ?? (options.token ? `Bearer ${options.token}` : undefined);
  const client = createClient({
    url: `${t.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: ForwardedWebSocket,
    connectionParams: authorization === undefined ? {} : { authorization },
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => undefined,
    on: {
      connected: () => onConnected(),
      closed: (event) => {
        const e = event as { code: number; reason: string | Buffer };
        onClosed({ code: e.code, reason: String(e.reason) });
      },
    },
  });
  return {
    client,
    connected,
    closed,
    dispose: async () => {
      await client.dispose();
    },
  };
}

/** One subscription's messages, read in order. */
export class LiveSubscription<T = Record<string, any>> {
  private readonly queue: FormattedExecutionResult<T, unknown>[] = [];
  private waiters: ((r: FormattedExecutionResult<T, unknown>) => void)[] = [];
  private failure: unknown;
  private failed: ((e: unknown) => void)[] = [];
  completed = false;
  readonly unsubscribe: () => void;

  constructor(live: LiveConnectionHandle, query: string, variables: Record<string, unknown> = {}) {
    this.unsubscribe = live.client.subscribe<T>(
      { query, variables },
      {
        next: (result) => {
          const w = this.waiters.shift();
          if (w) w(result);
          else this.queue.push(result);
        },
        error: (error) => {
          this.failure = error ?? new Error('subscription error');
          for (const f of this.failed.splice(0)) f(this.failure);
        },
        complete: () => {
          this.completed = true;
        },
      },
    );
  }

  /** The next result (data or errors), or rejects when the subscription errors or the socket closes. */
  next(): Promise<FormattedExecutionResult<T, unknown>> {
    const queued = this.queue.shift();
    if (queued) return Promise.resolve(queued);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiters.push(resolve);
      this.failed.push(reject);
    });
  }

  /** The error the subscription ended with (graphql-ws `error` message or a close event). */
  error(): Promise<unknown> {
    if (this.failure) return Promise.resolve(this.failure);
    return new Promise((resolve) => this.failed.push(resolve));
  }
}

/** Waits (without a fixed sleep) until the app holds `count` listeners on `topic`. */
export async function untilSubscribed(t: TestApp, topic: string, count = 1): Promise<void> {
  const bus = t.app.get(LiveBus);
  while (bus.subscriberCount(topic) < count) await new Promise((resolve) => setTimeout(resolve, 5));
}
