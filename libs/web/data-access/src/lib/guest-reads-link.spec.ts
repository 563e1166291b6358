import { describe, expect, it, vi } from 'vitest';
import { createHash } from 'node:crypto';
import { print } from 'graphql';
import { LoginDocument, MeDocument } from '../generated/graphql.js';
import { createCrossroadsClient } from './apollo-client.js';

interface Call {
  method: string;
  params: URLSearchParams;
  body: { query?: string; operationName?: string; extensions?: { persistedQuery?: { sha256Hash: string } } } | null;
  headers: Headers;
  cache: RequestCache | undefined;
}

/** A fake /graphql that does not know a persisted query until it has seen its text once. */
function fakeServer(respond: () => unknown) {
  const calls: Call[] = [];
  const known = new Set<string>();
  const fetch = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    const call: Call = {
      method: init?.method ?? 'GET',
      params: new URL(String(url), 'http://x').searchParams,
      body: init?.body ? JSON.parse(String(init.body)) : null,
      headers: new Headers(init?.headers),
      cache: init?.cache,
    };
    calls.push(call);
    const extensions =
      call.body?.extensions ?? (call.params.get('extensions') ? JSON.parse(call.params.get('extensions')!) : undefined);
    const hash = extensions?.persistedQuery?.sha256Hash as string | undefined;
    const text = call.body?.query ?? call.params.get('query');
    if (hash && text) known.add(hash);
    const result =
      hash && !text && !known.has(hash)
        ? { errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] }
        : respond();
    return new Response(JSON.stringify(result), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('guest reads link', () => {
  it("sends a guest's query as a GET with the document's hash, revalidating, after registering its text once", async () => {
    const server = fakeServer(() => ({ data: { me: null } }));
    const { client } = createCrossroadsClient({ fetch: server.fetch, refresher: async () => null, guestGet: true });

    await client.query({ query: MeDocument, fetchPolicy: 'network-only' });
    await client.query({ query: MeDocument, fetchPolicy: 'network-only' });

    expect(server.calls.map((c) => c.method)).toEqual(['GET', 'POST', 'GET']);
    const [first, retry, second] = server.calls;
    // The hash of the text sent on the fallback (the client's document, __typename added).
    const hash = sha256(retry.body!.query!);
    expect(first.params.get('query')).toBeNull();
    expect(JSON.parse(first.params.get('extensions')!)).toMatchObject({
      persistedQuery: { version: 1, sha256Hash: hash },
    });
    expect(first.headers.get('apollo-require-preflight')).toBe('true');
    expect(first.cache).toBe('no-cache');
    expect(retry.body?.query).toContain(print(MeDocument).split('\n')[0]);
    expect(second.params.get('query')).toBeNull();
    expect(second.headers.get('authorization')).toBeNull();
  });

  it("keeps a signed-in member's queries, and everyone's mutations, as POSTs with their text", async () => {
    const user = {
      __typename: 'User',
      id: 'u1',
      handle: 'ada',
      displayName: 'Ada',
      role: 'MEMBER',
      reputation: 0,
      createdAt: '2026-01-01T00:00:00.000Z',
      email: 'ada@example.com',
    };
    const server = fakeServer(() => ({ data: { me: user } }));
    const refresher = async () => ({
      accessToken: 't1',
      accessTokenExpiresAt: new Date(Date.now() + 900_000).toISOString(),
      user: user as never,
    });
    const { client } = createCrossroadsClient({ fetch: server.fetch, refresher, guestGet: true });

    await client.query({ query: MeDocument, fetchPolicy: 'network-only' });
    const guest = createCrossroadsClient({ fetch: server.fetch, refresher: async () => null, guestGet: true });
    await guest.client
      .mutate({ mutation: LoginDocument, variables: { input: { email: 'a@b.c', password: 'x' } } })
      .catch(() => undefined);

    expect(server.calls.map((c) => [c.method, c.headers.get('authorization'), Boolean(c.body?.query)])).toEqual([
      ['POST', 'Bearer t1', true],
      ['POST', null, true],
    ]);
  });
});
