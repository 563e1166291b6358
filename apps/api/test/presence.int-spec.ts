import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PRINCIPAL_LOOKUP_TAG, UsersService } from '@crossroads/api-accounts';
import { SqlCounter, pageStatementCount } from './support/sql-counter.js';
import { TestApp, type TestUser } from './support/test-app.js';
import { createIsolatedDatabase } from './support/isolated-database.js';

// Issue 14 item 5 (presence for the email rules): the principal lookup records when a member was
// last active, in its one statement, at most once a minute.
let t: TestApp;
let database: Awaited<ReturnType<typeof createIsolatedDatabase>>;

beforeAll(async () => {
  database = await createIsolatedDatabase('presence');
  t = await TestApp.start({}, database.url);
});
afterAll(async () => {
  await t.close();
  await database.drop();
});

const lastSeenOf = async (user: TestUser) =>
  (
    (await t.dataSource.query(`SELECT last_seen_at AS "at" FROM users WHERE id = $1`, [user.user.id])) as {
      at: Date | null;
    }[]
  )[0].at;
const setLastSeen = (user: TestUser, secondsAgo: number | null) =>
  t.dataSource.query(
    `UPDATE users SET last_seen_at = CASE WHEN $2::int IS NULL THEN NULL ELSE now() - make_interval(secs => $2::int) END WHERE id = $1`,
    [user.user.id, secondsAgo],
  );
const me = (user: TestUser) => t.gql(`{ me { handle } }`, {}, { token: user.token });

describe('presence', () => {
  it('an authenticated request records the member as seen, within the one principal statement', async () => {
    const user = await t.createUser();
    expect(await lastSeenOf(user)).toBeNull();
    const before = Date.now();
    const statements = await SqlCounter.during(() => me(user));
    pageStatementCount(statements); // exactly one principal lookup
    // The write is part of that lookup, not a statement of its own.
    expect(statements.filter((s) => /UPDATE\s+"?users/i.test(s))).toEqual([
      expect.stringContaining(PRINCIPAL_LOOKUP_TAG),
    ]);
    const seen = await lastSeenOf(user);
    expect(seen).not.toBeNull();
    expect(seen!.getTime()).toBeGreaterThanOrEqual(before - 2000);
  });

  it('writes at most once a minute: a recent value is kept, an older one moves to now', async () => {
    const user = await t.createUser();
    await setLastSeen(user, 30);
    const recent = await lastSeenOf(user);
    await me(user);
    expect((await lastSeenOf(user))!.getTime()).toBe(recent!.getTime());
    await setLastSeen(user, 600);
    await me(user);
    expect(Date.now() - (await lastSeenOf(user))!.getTime()).toBeLessThan(30_000);
  });

  it('a signed-out session records nothing', async () => {
    const user = await t.createUser();
    await t.dataSource.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1`, [user.user.id]);
    await me(user);
    expect(await lastSeenOf(user)).toBeNull();
  });

  it('lastSeen reads presence for the email rules', async () => {
    const user = await t.createUser();
    await setLastSeen(user, 3600);
    const seen = await t.app.get(UsersService).lastSeen([user.user.id]);
    expect(Date.now() - seen.get(user.user.id)!.lastSeenAt!.getTime()).toBeGreaterThan(3_500_000);
  });
});
