import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthSession, type SessionEvent, type SessionPayload } from './auth-session.js';

const user = {
  __typename: 'User' as const,
  id: 'u1',
  handle: 'ada',
  displayName: 'Ada',
  role: 'MEMBER' as const,
  reputation: 0,
  createdAt: '2026-01-01T00:00:00.000Z',
  email: 'ada@example.com',
};

function payload(token: string, expiresInMs = 15 * 60_000): SessionPayload {
  return { accessToken: token, accessTokenExpiresAt: new Date(Date.now() + expiresInMs).toISOString(), user };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('AuthSession', () => {
  it('restores the session from the cookie once at start, however often start is called', async () => {
    const refresher = vi.fn().mockResolvedValue(payload('t1'));
    const session = new AuthSession({ refresher });
    const events: SessionEvent[] = [];
    session.subscribe((e) => events.push(e));

    await Promise.all([session.start(), session.start(), session.accessToken()]);

    expect(refresher).toHaveBeenCalledTimes(1);
    expect(await session.accessToken()).toBe('t1');
    expect(events).toEqual([{ type: 'signed-in', user }]);
  });

  it('treats a refused start-up refresh as a guest, without an "ended" event', async () => {
    const session = new AuthSession({ refresher: vi.fn().mockResolvedValue(null) });
    const events: SessionEvent[] = [];
    session.subscribe((e) => events.push(e));

    expect(await session.accessToken()).toBeNull();
    expect(events).toEqual([]);
  });

  it('shares one request between concurrent refreshes', async () => {
    const pending = deferred<SessionPayload | null>();
    const refresher = vi.fn().mockReturnValue(pending.promise);
    const session = new AuthSession({ refresher });

    const both = Promise.all([session.refresh(), session.refresh()]);
    pending.resolve(payload('t2'));

    expect(await both).toEqual(['t2', 't2']);
    expect(refresher).toHaveBeenCalledTimes(1);
  });

  it('renews the token a minute before it expires', async () => {
    vi.useFakeTimers();
    const refresher = vi.fn().mockResolvedValueOnce(payload('t1')).mockResolvedValueOnce(payload('t2'));
    const session = new AuthSession({ refresher });
    await session.start();

    await vi.advanceTimersByTimeAsync(13 * 60_000);
    expect(refresher).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(60_000 + 1);
    expect(refresher).toHaveBeenCalledTimes(2);
    expect(await session.accessToken()).toBe('t2');
  });

  it('renews on demand a token that is about to expire (a tab that slept through its timer)', async () => {
    const refresher = vi.fn().mockResolvedValueOnce(payload('stale', 10_000)).mockResolvedValueOnce(payload('fresh'));
    const session = new AuthSession({ refresher });
    await session.start();

    expect(await session.accessToken()).toBe('fresh');
  });

  it('ignores a refresh that finishes after the user signed out', async () => {
    const pending = deferred<SessionPayload | null>();
    const session = new AuthSession({ refresher: () => pending.promise });

    const refreshed = session.refresh();
    session.signOut();
    pending.resolve(payload('late'));

    expect(await refreshed).toBeNull();
    expect(await session.accessToken()).toBeNull();
  });

  it('keeps a sign-in made while the start-up refresh was still failing', async () => {
    const pending = deferred<SessionPayload | null>();
    const session = new AuthSession({ refresher: () => pending.promise });

    void session.start();
    session.signIn(payload('signed-in'));
    pending.resolve(null);

    expect(await session.accessToken()).toBe('signed-in');
  });

  it('announces the end of a session the server no longer renews', async () => {
    const session = new AuthSession({
      refresher: vi.fn().mockResolvedValueOnce(payload('t1')).mockResolvedValueOnce(null),
    });
    const events: SessionEvent[] = [];
    await session.start();
    session.subscribe((e) => events.push(e));

    expect(await session.refresh()).toBeNull();
    expect(events).toEqual([{ type: 'ended' }]);
  });

  it('keeps the token when the server cannot be reached', async () => {
    const session = new AuthSession({
      refresher: vi.fn().mockResolvedValueOnce(payload('t1')).mockRejectedValueOnce(new TypeError('offline')),
    });
    await session.start();

    expect(await session.refresh()).toBe('t1');
  });

  it('after a rejection, reuses a token another request already renewed instead of refreshing again', async () => {
    const refresher = vi.fn().mockResolvedValueOnce(payload('t1')).mockResolvedValueOnce(payload('t2'));
    const session = new AuthSession({ refresher });
    await session.start();
    await session.refresh();

    expect(await session.renewAfterRejection('t1')).toBe('t2');
    expect(refresher).toHaveBeenCalledTimes(2);
  });
});
