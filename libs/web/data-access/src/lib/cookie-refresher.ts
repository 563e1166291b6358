import { addTypenameToDocument, print } from '@apollo/client/utilities';
import { RefreshSessionDocument, type RefreshSessionMutation } from '../generated/graphql.js';
import type { Refresher, SessionPayload } from './auth-session.js';

export interface CookieRefresherOptions {
  uri?: string;
  fetch?: typeof fetch;
  /** Web Locks, when the browser has them: set to null to disable (tests). */
  locks?: Pick<LockManager, 'request'> | null;
}

const LOCK_NAME = 'crossroads-session-refresh';
// With __typename, like Apollo Client's own requests, so the user can be written to the cache.
const query = print(addTypenameToDocument(RefreshSessionDocument));

/**
 * Calls `refreshSession` with the httpOnly cookie, outside Apollo Client so the auth link never
 * recurses into itself. The refresh token rotates and a reused one revokes the session, so tabs
 * take turns through a Web Lock: the second tab then sends the cookie the first one received.
 */
export function createCookieRefresher(options: CookieRefresherOptions = {}): Refresher {
  const uri = options.uri ?? '/graphql';
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const locks = options.locks === undefined ? (globalThis.navigator?.locks ?? null) : options.locks;

  const refreshOnce = async (): Promise<SessionPayload | null> => {
    const response = await doFetch(uri, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ operationName: 'RefreshSession', query, variables: {} }),
    });
    let body: { data?: RefreshSessionMutation | null; errors?: { extensions?: { code?: unknown } }[] };
    try {
      body = (await response.json()) as typeof body;
    } catch {
      throw new Error(`refreshSession answered ${response.status} without JSON`);
    }
    if (body.data?.refreshSession) return body.data.refreshSession;
    if (body.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) return null;
    throw new Error(`refreshSession failed (${response.status})`);
  };

  return () => (locks ? locks.request(LOCK_NAME, refreshOnce) : refreshOnce());
}
