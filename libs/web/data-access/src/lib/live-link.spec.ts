import { execute, GraphQLObjectType, GraphQLSchema, GraphQLString, subscribe, validate } from 'graphql';
// graphql-ws's server helper, not a React hook: renamed so the hooks rules see no hook.
import { useServer as serveGraphqlWs } from 'graphql-ws/use/ws';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { AuthSession, type SessionPayload } from './auth-session.js';
import { backoffDelay, createLiveClient, liveUrl } from './live-link.js';

const user = (id: string) =>
  ({
    __typename: 'User',
    id,
    handle: id,
    displayName: id,
    role: 'MEMBER',
    reputation: 0,
    createdAt: '2026-01-01T00:00:00.000Z',
    email: `${id}@example.com`,
  }) as const;

const payload = (token: string, id = 'u1'): SessionPayload => ({
  accessToken: token,
  accessTokenExpiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
  user: user(id),
});

/** A real graphql-ws server with one subscription, `ping`, fed by `publish`. */
async function startServer() {
  const listeners = new Set<(value: string) => void>();
  /** Resolved when the subscription's generator listens (it may be re-subscribing). */
  const subscribed: (() => void)[] = [];
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLString, resolve: () => 'ok' } } }),
    subscription: new GraphQLObjectType({
      name: 'Subscription',
      fields: {
        ping: {
          type: GraphQLString,
          resolve: (value: string) => value,
          subscribe: async function* () {
            const queue: string[] = [];
            let wake: (() => void) | null = null;
            const listener = (v: string) => {
              queue.push(v);
              wake?.();
            };
            listeners.add(listener);
            subscribed.splice(0).forEach((f) => f());
            try {
              for (;;) {
                while (queue.length) yield queue.shift();
                await new Promise<void>((r) => (wake = r));
              }
            } finally {
              listeners.delete(listener);
            }
          },
        },
      },
    }),
  });
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise<void>((r) => wss.once('listening', () => r()));
  const inits: (Record<string, unknown> | undefined)[] = [];
  const server = serveGraphqlWs(
    {
      schema,
      // graphql-ws may load the other build of graphql (CJS vs ESM): run with this one's.
      execute,
      subscribe,
      validate,
      onConnect: (ctx) => {
        inits.push(ctx.connectionParams);
      },
    },
    wss,
  );
  const { port } = wss.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/graphql`,
    inits,
    publish: (v: string) => listeners.forEach((l) => l(v)),
    nextSubscribe: () => new Promise<void>((r) => subscribed.push(r)),
    closeAll: (code: number, reason: string) => wss.clients.forEach((s) => s.close(code, reason)),
    dropAll: () => wss.clients.forEach((s) => s.terminate()),
    stop: async () => {
      await server.dispose();
      await new Promise((r) => wss.close(r));
    },
  };
}

const PING = { query: 'subscription { ping }' };
const instant = () => Promise.resolve();

let cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

async function setup(refresher: () => Promise<SessionPayload | null>, onReconnected = vi.fn()) {
  const server = await startServer();
  const session = new AuthSession({ refresher });
  const live = createLiveClient({
    url: server.url,
    session,
    webSocketImpl: WebSocket,
    retryWait: instant,
    onReconnected,
  });
  const received: string[] = [];
  let wake: (() => void) | null = null;
  const subscribed = server.nextSubscribe();
  const unsubscribe = live.subscribe<{ ping: string }>(PING, {
    next: (r) => {
      if (r.data) received.push(r.data.ping);
      wake?.();
    },
    error: () => undefined,
    complete: () => undefined,
  });
  cleanups.push(
    () => server.stop(),
    () => live.dispose(),
    unsubscribe,
  );
  await subscribed;
  /** Publishes until the subscription receives `value` (it may be re-subscribing). */
  const receive = async (value: string) => {
    server.publish(value);
    while (!received.includes(value)) await new Promise<void>((r) => (wake = r));
  };
  return { server, session, live, received, receive, onReconnected };
}

describe('live link (graphql-ws)', () => {
  it('sends the current access token in connection_init, and nothing for guests', async () => {
    const { server, receive } = await setup(async () => payload('t1'));
    await receive('hello');
    expect(server.inits).toEqual([{ authorization: 'Bearer t1' }]);

    const guest = await setup(async () => null);
    await guest.receive('hi');
    expect(guest.server.inits).toEqual([{}]);
  });

  it('on a 4401 close renews the session and reconnects with the fresh token; the subscription carries on', async () => {
    const refresher = vi.fn().mockResolvedValueOnce(payload('old')).mockResolvedValueOnce(payload('fresh'));
    const { server, receive, onReconnected } = await setup(refresher);
    await receive('before');

    const resubscribed = server.nextSubscribe();
    server.closeAll(4401, 'Unauthorized');
    await resubscribed;
    await receive('after');

    expect(refresher).toHaveBeenCalledTimes(2);
    expect(server.inits).toEqual([{ authorization: 'Bearer old' }, { authorization: 'Bearer fresh' }]);
    expect(onReconnected).toHaveBeenCalledTimes(1);
  });

  it('reconnects after the connection drops and asks the page to refetch, not on the first connection', async () => {
    const { server, receive, onReconnected } = await setup(async () => payload('t1'));
    await receive('one');
    expect(onReconnected).not.toHaveBeenCalled();

    const resubscribed = server.nextSubscribe();
    server.dropAll();
    await resubscribed;
    await receive('two');
    expect(onReconnected).toHaveBeenCalledTimes(1);
    expect(server.inits).toEqual([{ authorization: 'Bearer t1' }, { authorization: 'Bearer t1' }]);
  });

  it('reconnects as a guest after sign-out and as the new user after a sign-in', async () => {
    const { server, session, receive } = await setup(async () => payload('t1'));
    await receive('signed in');

    let resubscribed = server.nextSubscribe();
    session.signOut();
    await resubscribed;
    await receive('guest');
    expect(server.inits.at(-1)).toEqual({});

    resubscribed = server.nextSubscribe();
    session.signIn(payload('t2', 'u2'));
    await resubscribed;
    await receive('other user');
    expect(server.inits.at(-1)).toEqual({ authorization: 'Bearer t2' });
  });

  it('keeps the socket when a silent refresh renews the same user’s token', async () => {
    const { server, session, receive } = await setup(
      vi.fn().mockResolvedValueOnce(payload('t1')).mockResolvedValueOnce(payload('t1b')),
    );
    await receive('a');
    await session.refresh();
    await receive('b');
    expect(server.inits).toHaveLength(1);
  });
});

describe('backoff and URL', () => {
  it('doubles from 1 s up to 30 s, with under a second of jitter', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map((n) => backoffDelay(n, () => 0))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000,
    ]);
    expect(backoffDelay(0, () => 0.999)).toBe(1999);
  });

  it('turns the GraphQL path into a ws:// or wss:// URL on the page origin', () => {
    expect(liveUrl('/graphql', 'http://127.0.0.1:3000/q/1')).toBe('ws://127.0.0.1:3000/graphql');
    expect(liveUrl('/graphql', 'https://crossroads.example/')).toBe('wss://crossroads.example/graphql');
  });
});
