import { addTypenameToDocument, print } from '@apollo/client/utilities';
import { RefreshSessionDocument, type RefreshSessionMutation } from '../generated/graphql.js';
import type { Refresher, SessionPayload } from './auth-session.js';

export interface CookieRefresherOptions {
  uri?: string;
  fetch?: typeof fetch;
  /** Web Locks, when the browser has them: set to null to disable (tests). */
  locks?: Pick<LockManager, 'request'> | null;
  /** Whether the browser holds a session to renew; by default, the API's readable hint cookie. */
  hasSession?: () => boolean;
}

/** SESSION_HINT_COOKIE in shared-domain (this lib's tests run without that package's build). */
const SESSION_HINT_COOKIE = 'cr_session';

/** The API sets `cr_session=1` beside the httpOnly refresh cookie and clears it with it. */
export function hasSessionCookie(cookies: string = globalThis.document?.cookie ?? ''): boolean {
  return cookies.split(';').some((c) => c.trim() === `${SESSION_HINT_COOKIE}=1`);
}

const LOCK_NAME = 'crossroads-session-refresh';
// With __typename, like Apollo Client's own requests, so the user can be written to the cache.
const query = print(addTypenameToDocument(RefreshSessionDocument));

/**
 * Calls `refreshSession` with the httpOnly cookie, outside Apollo Client so the auth link never
 * recurses into itself. The refresh token rotates and a reused one revokes the session, so tabs
 * take turns through a Web Lock: the second tab then sends the cookie the first one received.
 * Without the readable hint cookie there is no session, and no call is made.
 */
export function createCookieRefresher(options: CookieRefresherOptions = {}): Refresher {
  const uri = options.uri ?? '/graphql';
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const locks = options.locks === undefined ? (globalThis.navigator?.locks ?? null) : options.locks;
  const hasSession = options.hasSession ?? (() => hasSessionCookie());

  const refreshOnce = async (): Promise<SessionPayload | null> => {
    // A guest (no hint cookie) has nothing to renew: no call that can only fail with UNAUTHENTICATED.
    if (!hasSession()) return null;
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
