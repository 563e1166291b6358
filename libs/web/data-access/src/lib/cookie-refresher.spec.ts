import { describe, expect, it, vi } from 'vitest';
import { createCookieRefresher, hasSessionCookie } from './cookie-refresher.js';

const session = {
  accessToken: 't1',
  accessTokenExpiresAt: new Date(Date.now() + 60_000).toISOString(),
  user: { __typename: 'User' },
};
const answering = () =>
  vi.fn(
    async () =>
      new Response(JSON.stringify({ data: { refreshSession: session } }), {
        headers: { 'content-type': 'application/json' },
      }),
  );

describe('createCookieRefresher', () => {
  it('makes no call without the "has session" cookie (a guest has nothing to renew)', async () => {
    const fetch = answering();
    const refresh = createCookieRefresher({ fetch, locks: null, hasSession: () => false });
    expect(await refresh()).toBeNull();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('renews the session when the cookie is there', async () => {
    const fetch = answering();
    const refresh = createCookieRefresher({ fetch, locks: null, hasSession: () => true });
    expect(await refresh()).toEqual(session);
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

describe('hasSessionCookie', () => {
  it('finds cr_session=1 among the cookies, and nothing else passes for it', () => {
    expect(hasSessionCookie('a=b; cr_session=1; c=d')).toBe(true);
    expect(hasSessionCookie('cr_session=1')).toBe(true);
    expect(hasSessionCookie('')).toBe(false);
    expect(hasSessionCookie('cr_session=; x=1')).toBe(false);
    expect(hasSessionCookie('not_cr_session=1')).toBe(false);
  });
});
