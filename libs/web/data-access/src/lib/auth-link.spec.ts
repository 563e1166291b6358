import { describe, expect, it, vi } from 'vitest';
import { MeDocument, LoginDocument } from '../generated/graphql.js';
import { createCrossroadsClient } from './apollo-client.js';
import type { SessionPayload } from './auth-session.js';

const user = {
  __typename: 'User',
  id: 'u1',
  handle: 'ada',
  displayName: 'Ada',
  role: 'MEMBER',
  reputation: 0,
  createdAt: '2026-01-01T00:00:00.000Z',
  email: 'ada@example.com',
} as const;

const payload = (token: string): SessionPayload => ({
  accessToken: token,
  accessTokenExpiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
  user,
});

type Handler = (body: { operationName: string }, headers: Headers) => unknown;

/** A fake /graphql: records each request's operation and Authorization header. */
function fakeServer(handler: Handler) {
  const calls: { operationName: string; authorization: string | null }[] = [];
  const fetch = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    // A guest's query comes as a GET (guest-reads-link.ts), its operation in the URL.
    const body =
      init?.method === 'GET'
        ? { operationName: new URL(String(url), 'http://x').searchParams.get('operationName') ?? '' }
        : (JSON.parse(String(init?.body)) as { operationName: string });
    const headers = new Headers(init?.headers);
    calls.push({ operationName: body.operationName, authorization: headers.get('authorization') });
    return new Response(JSON.stringify(handler(body, headers)), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

const unauthenticated = {
  data: null,
  errors: [{ message: 'Your session has expired.', extensions: { code: 'UNAUTHENTICATED' } }],
};

describe('auth link', () => {
  it('waits for the start-up refresh and sends its token as a bearer token', async () => {
    const server = fakeServer(() => ({ data: { me: user } }));
    const { client, session } = createCrossroadsClient({ fetch: server.fetch, refresher: async () => payload('t1') });
    void session.start();

    const { data } = await client.query({ query: MeDocument, fetchPolicy: 'network-only' });

    expect(data?.me?.handle).toBe('ada');
    expect(server.calls).toEqual([{ operationName: 'Me', authorization: 'Bearer t1' }]);
  });

  it('sends no Authorization header for guests', async () => {
    const server = fakeServer(() => ({ data: { me: null } }));
    const { client } = createCrossroadsClient({ fetch: server.fetch, refresher: async () => null });

    await client.query({ query: MeDocument });

    expect(server.calls).toEqual([{ operationName: 'Me', authorization: null }]);
  });

  it('renews a refused token once and retries the operation', async () => {
    const server = fakeServer((_body, headers) =>
      headers.get('authorization') === 'Bearer t2' ? { data: { me: user } } : unauthenticated,
    );
    const refresher = vi.fn().mockResolvedValueOnce(payload('t1')).mockResolvedValueOnce(payload('t2'));
    const { client } = createCrossroadsClient({ fetch: server.fetch, refresher });

    const { data } = await client.query({ query: MeDocument, fetchPolicy: 'network-only' });

    expect(data?.me?.id).toBe('u1');
    expect(refresher).toHaveBeenCalledTimes(2);
    expect(server.calls.map((c) => c.authorization)).toEqual(['Bearer t1', 'Bearer t2']);
  });

  it('gives up after one retry and reports the error', async () => {
    const server = fakeServer(() => unauthenticated);
    const refresher = vi.fn().mockResolvedValueOnce(payload('t1')).mockResolvedValueOnce(payload('t2'));
    const { client } = createCrossroadsClient({ fetch: server.fetch, refresher });

    await expect(client.query({ query: MeDocument, fetchPolicy: 'network-only' })).rejects.toThrow(/expired/);
    expect(server.calls).toHaveLength(2);
  });

  it('leaves session operations alone: no token, no refresh on their UNAUTHENTICATED errors', async () => {
    const server = fakeServer(() => ({
      data: null,
      errors: [{ message: 'Email or password is incorrect.', extensions: { code: 'UNAUTHENTICATED' } }],
    }));
    const refresher = vi.fn().mockResolvedValue(payload('t1'));
    const { client, session } = createCrossroadsClient({ fetch: server.fetch, refresher });
    await session.start();

    await expect(
      client.mutate({ mutation: LoginDocument, variables: { input: { email: 'a@b.c', password: 'x' } } }),
    ).rejects.toThrow(/incorrect/);
    expect(refresher).toHaveBeenCalledTimes(1);
    expect(server.calls).toEqual([{ operationName: 'Login', authorization: null }]);
  });

  it('puts the restored user into the cache as `me`', async () => {
    const server = fakeServer(() => ({ data: { me: null } }));
    const { client, session } = createCrossroadsClient({ fetch: server.fetch, refresher: async () => payload('t1') });
    await session.start();

    const { data } = await client.query({ query: MeDocument, fetchPolicy: 'cache-only' });
    expect(data?.me?.displayName).toBe('Ada');
    expect(server.calls).toEqual([]);
  });
});
