import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { PRINCIPAL_LOOKUP_TAG } from '@crossroads/api-accounts';
import { SqlCounter } from './support/sql-counter.js';
import {
  TEST_PASSWORD,
  TestApp,
  codeOf,
  cookieFrom,
  randomIp,
  uniqueHandle,
  type TestUser,
} from './support/test-app.js';
import { createIsolatedDatabase } from './support/isolated-database.js';
import { ask } from './support/qa.js';

/**
 * Issue 12 items 1, 6 and 8: the principal (role, suspension, live session, existing user) comes
 * from PostgreSQL on every request, once per HTTP request, and tokens must be short-lived.
 */

let t: TestApp;
let admin: TestUser;
let database: Awaited<ReturnType<typeof createIsolatedDatabase>>;

const ME = `{ me { handle role } }`;
const QUEUE = `{ moderationQueue(first: 5) { totalCount } }`;
const CLOSE = `mutation($input: CloseQuestionInput!) { closeQuestion(input: $input) { id status } }`;
const SET_ROLE = `mutation($input: SetRoleInput!) { setRole(input: $input) { role } }`;
const SUSPEND = `mutation($input: SuspendUserInput!) { suspendUser(input: $input) { id endsAt } }`;
const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { accessToken } }`;
const REFRESH = `mutation { refreshSession { accessToken } }`;

beforeAll(async () => {
  database = await createIsolatedDatabase('principal');
  t = await TestApp.start({}, database.url);
  admin = await t.createUser('ADMIN');
});
afterAll(async () => {
  await t.close();
  await database.drop();
});

/** A member registered through the API: an access token and its session's refresh cookie. */
async function register(): Promise<{ handle: string; token: string; cookie: string }> {
  const handle = uniqueHandle('s');
  const res = await t.gql(
    REGISTER,
    { input: { handle, email: `${handle}@example.test`, displayName: 'Session Tester', password: TEST_PASSWORD } },
    { ip: randomIp() },
  );
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return { handle, token: res.data!.register.accessToken as string, cookie: cookieFrom(res, 'crossroads_refresh')! };
}

describe('roles, suspensions and sign-outs apply to the next request', () => {
  it('a demoted moderator loses moderationQueue and closeQuestion at once', async () => {
    const mod = await t.createUser('MODERATOR');
    const q = await ask(t, await t.createUser());
    expect((await t.gql(QUEUE, {}, { token: mod.token })).errors).toBeUndefined();
    expect(
      (await t.gql(SET_ROLE, { input: { handle: mod.user.handle, role: 'MEMBER' } }, { token: admin.token })).errors,
    ).toBeUndefined();
    expect(codeOf(await t.gql(QUEUE, {}, { token: mod.token }))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(CLOSE, { input: { id: q.id, reason: 'OFF_TOPIC' } }, { token: mod.token }))).toBe(
      'FORBIDDEN',
    );
    expect((await t.gql(ME, {}, { token: mod.token })).data?.me).toEqual({ handle: mod.user.handle, role: 'MEMBER' });
  });

  it('a newly granted role works with the token the member already holds', async () => {
    const member = await t.createUser('MEMBER');
    expect(codeOf(await t.gql(QUEUE, {}, { token: member.token }))).toBe('FORBIDDEN');
    expect(
      (await t.gql(SET_ROLE, { input: { handle: member.user.handle, role: 'MODERATOR' } }, { token: admin.token }))
        .errors,
    ).toBeUndefined();
    const res = await t.gql(QUEUE, {}, { token: member.token });
    expect(res.errors).toBeUndefined();
    expect(res.data?.moderationQueue.totalCount).toEqual(expect.any(Number));
  });

  it('a suspended moderator cannot read the queue (FORBIDDEN with the end date) but still reads as a member', async () => {
    const mod = await t.createUser('MODERATOR');
    expect((await t.gql(QUEUE, {}, { token: mod.token })).errors).toBeUndefined();
    const suspended = await t.gql(
      SUSPEND,
      { input: { handle: mod.user.handle, reason: 'Leaked a guest email', days: 2 } },
      { token: admin.token },
    );
    expect(suspended.errors).toBeUndefined();
    const res = await t.gql(QUEUE, {}, { token: mod.token });
    expect(codeOf(res)).toBe('FORBIDDEN');
    expect(res.errors?.[0].extensions?.suspendedUntil).toBe(suspended.data!.suspendUser.endsAt);
    expect((await t.gql(ME, {}, { token: mod.token })).data?.me?.handle).toBe(mod.user.handle);
  });

  it('after logout the access token of that session is refused', async () => {
    const s = await register();
    expect((await t.gql(ME, {}, { token: s.token })).data?.me?.handle).toBe(s.handle);
    expect((await t.gql('mutation { logout }', {}, { cookie: s.cookie })).data?.logout).toBe(true);
    expect(codeOf(await t.gql(ME, {}, { token: s.token }))).toBe('UNAUTHENTICATED');
  });

  it('a family revoked by refresh-token reuse stops every access token it issued', async () => {
    const s = await register();
    const rotated = await t.gql(REFRESH, {}, { cookie: s.cookie });
    expect(rotated.errors).toBeUndefined();
    const second = rotated.data!.refreshSession.accessToken as string;
    expect((await t.gql(ME, {}, { token: second })).data?.me?.handle).toBe(s.handle);
    expect(codeOf(await t.gql(REFRESH, {}, { cookie: s.cookie }))).toBe('UNAUTHENTICATED'); // the replay
    expect(codeOf(await t.gql(ME, {}, { token: s.token }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(ME, {}, { token: second }))).toBe('UNAUTHENTICATED');
  });

  it('another session of the same member stays signed in', async () => {
    const s = await register();
    const login = await t.gql(`mutation($input: LoginInput!) { login(input: $input) { accessToken } }`, {
      input: { email: `${s.handle}@example.test`, password: TEST_PASSWORD },
    });
    const other = login.data!.login.accessToken as string;
    await t.gql('mutation { logout }', {}, { cookie: s.cookie });
    expect(codeOf(await t.gql(ME, {}, { token: s.token }))).toBe('UNAUTHENTICATED');
    expect((await t.gql(ME, {}, { token: other })).data?.me?.handle).toBe(s.handle);
  });
});

describe('one principal per HTTP request', () => {
  const lookups = (statements: string[]) => statements.filter((s) => s.includes(PRINCIPAL_LOOKUP_TAG)).length;

  it('two protected top-level fields in one document both answer, with one lookup', async () => {
    let res: any;
    const statements = await SqlCounter.during(async () => {
      res = await t.gql(`{ me { handle } moderationWords }`, {}, { token: admin.token });
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.me.handle).toBe(admin.user.handle);
    expect(res.data.moderationWords).toEqual(expect.any(Array));
    expect(lookups(statements)).toBe(1);
  });

  it('two operations in one batch both answer, with one lookup', async () => {
    let results: any;
    const statements = await SqlCounter.during(async () => {
      const res = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${admin.token}`,
          'x-forwarded-for': randomIp(),
        },
        body: JSON.stringify([{ query: `{ me { handle } }` }, { query: `{ moderationWords }` }, { query: QUEUE }]),
      });
      results = await res.json();
    });
    expect(results.map((r: any) => r.errors)).toEqual([undefined, undefined, undefined]);
    expect(results[0].data.me.handle).toBe(admin.user.handle);
    expect(lookups(statements)).toBe(1);
  });

  it('a bad token is refused on every field of the document, public ones included', async () => {
    const res = await t.gql(`{ me { handle } moderationWords }`, {}, { token: `${admin.token}x` });
    expect(res.data).toBeNull();
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
  });
});

describe('token rules', () => {
  const claimsOf = (token: string) =>
    JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<string, unknown>;
  const forge = (claims: Record<string, unknown>) => {
    const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const body = `${enc({ alg: 'HS256', typ: 'JWT' })}.${enc(claims)}`;
    return `${body}.${createHmac('sha256', t.config.jwtSecret).update(body).digest('base64url')}`;
  };
  const meWith = (token: string) => t.gql(ME, {}, { token });

  it('accepts its own claims re-signed (the control for the refusals below)', async () => {
    const claims = claimsOf(admin.token);
    expect((await meWith(forge(claims))).data?.me?.handle).toBe(admin.user.handle);
  });

  it('refuses a token without exp', async () => {
    const { exp: _exp, ...claims } = claimsOf(admin.token);
    expect(codeOf(await meWith(forge(claims)))).toBe('UNAUTHENTICATED');
  });

  it('refuses a token that lives longer than 15 minutes (a 10-year exp, or 16 minutes)', async () => {
    const claims = claimsOf(admin.token);
    const iat = claims.iat as number;
    expect(codeOf(await meWith(forge({ ...claims, exp: iat + 10 * 365 * 86_400 })))).toBe('UNAUTHENTICATED');
    expect(codeOf(await meWith(forge({ ...claims, exp: iat + 16 * 60 })))).toBe('UNAUTHENTICATED');
    expect((await meWith(forge({ ...claims, exp: iat + 15 * 60 }))).data?.me?.handle).toBe(admin.user.handle);
  });

  it('refuses a token without iat', async () => {
    const { iat: _iat, ...claims } = claimsOf(admin.token);
    expect(codeOf(await meWith(forge(claims)))).toBe('UNAUTHENTICATED');
  });

  it('refuses a token whose user no longer exists', async () => {
    const gone = await t.createUser();
    expect((await meWith(gone.token)).data?.me?.handle).toBe(gone.user.handle);
    await t.dataSource.query(`DELETE FROM users WHERE id = $1`, [gone.user.id]);
    expect(codeOf(await meWith(gone.token))).toBe('UNAUTHENTICATED');
  });

  it("refuses a token naming another user than its session's", async () => {
    const other = await t.createUser('ADMIN');
    const claims = claimsOf(admin.token);
    expect(codeOf(await meWith(forge({ ...claims, sub: other.user.id, handle: other.user.handle })))).toBe(
      'UNAUTHENTICATED',
    );
  });
});
