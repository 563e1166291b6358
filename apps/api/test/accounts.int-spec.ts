import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import {
  TEST_PASSWORD,
  TestApp,
  codeOf,
  cookieFrom,
  randomIp,
  uniqueHandle,
  type TestUser,
} from './support/test-app.js';

const REGISTER = `mutation Register($input: RegisterInput!) {
  register(input: $input) { accessToken accessTokenExpiresAt user { id handle displayName role reputation email } }
}`;
const LOGIN = `mutation Login($input: LoginInput!) { login(input: $input) { accessToken user { id handle role } } }`;
const ME = `{ me { id handle role email } }`;
const REFRESH = `mutation { refreshSession { accessToken user { handle role } } }`;
const SET_ROLE = `mutation SetRole($input: SetRoleInput!) { setRole(input: $input) { handle role } }`;

let t: TestApp;
let admin: TestUser;

beforeAll(async () => {
  t = await TestApp.start();
  admin = await t.createUser('ADMIN');
});
afterAll(() => t.close());

function registration(overrides: Record<string, string> = {}) {
  const handle = uniqueHandle('r');
  return {
    email: `${handle}@Example.test`,
    password: 'a long enough password',
    handle,
    displayName: 'Rita Reyes',
    ...overrides,
  };
}

describe('register', () => {
  it('creates a MEMBER, signs them in and sets an httpOnly SameSite refresh cookie', async () => {
    const input = registration();
    const result = await t.gql(REGISTER, { input });
    expect(result.errors).toBeUndefined();
    expect(result.data?.register.user).toMatchObject({
      handle: input.handle,
      displayName: 'Rita Reyes',
      role: 'MEMBER',
      reputation: 0,
    });
    const header = result.headers.getSetCookie().find((h) => h.startsWith('crossroads_refresh='));
    expect(header).toMatch(/HttpOnly/i);
    expect(header).toMatch(/SameSite=Strict/i);
    const me = await t.gql(ME, {}, { token: result.data?.register.accessToken });
    expect(me.data?.me).toMatchObject({ handle: input.handle, email: input.email.toLowerCase() });
  });

  it.each([
    ['email', { email: 'not-an-email' }],
    ['password', { password: 'short' }],
    ['password', { password: 'x'.repeat(129) }],
    ['handle', { handle: 'ab' }],
    ['handle', { handle: 'x'.repeat(25) }],
    ['handle', { handle: 'bad handle!' }],
    ['displayName', { displayName: '   ' }],
  ])('refuses a bad %s with BAD_USER_INPUT naming the field', async (field, overrides) => {
    const result = await t.gql(REGISTER, { input: registration(overrides) });
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions?.field).toBe(field);
    expect(result.errors?.[0].message).toContain(field);
  });

  it('treats emails case-insensitively and handles as unique (CONFLICT naming the field)', async () => {
    const input = registration();
    expect((await t.gql(REGISTER, { input })).errors).toBeUndefined();
    const sameEmail = await t.gql(REGISTER, { input: registration({ email: input.email.toUpperCase() }) });
    expect(codeOf(sameEmail)).toBe('CONFLICT');
    expect(sameEmail.errors?.[0].extensions?.field).toBe('email');
    const sameHandle = await t.gql(REGISTER, { input: registration({ handle: input.handle }) });
    expect(codeOf(sameHandle)).toBe('CONFLICT');
    expect(sameHandle.errors?.[0].extensions?.field).toBe('handle');
  });

  it('writes nothing when registration fails', async () => {
    const input = registration();
    await t.gql(REGISTER, { input });
    const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM users WHERE email = $1', [
      input.email.toLowerCase(),
    ]);
    await t.gql(REGISTER, { input: { ...input, handle: uniqueHandle('x') } });
    const [{ count: after }] = await t.dataSource.query('SELECT count(*)::int AS count FROM users WHERE email = $1', [
      input.email.toLowerCase(),
    ]);
    expect(after).toBe(count);
  });

  it('refuses unknown input fields', async () => {
    const result = await t.gql(REGISTER, { input: { ...registration(), role: 'ADMIN' } });
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
  });
});

describe('login', () => {
  it('signs in with the right password and refuses a wrong one or an unknown email alike', async () => {
    const u = await t.createUser();
    const ok = await t.gql(LOGIN, { input: { email: u.email.toUpperCase(), password: TEST_PASSWORD } });
    expect(ok.data?.login.user.handle).toBe(u.user.handle);
    const wrong = await t.gql(LOGIN, { input: { email: u.email, password: 'wrong password!' } });
    const unknown = await t.gql(LOGIN, { input: { email: 'nobody@example.test', password: 'wrong password!' } });
    expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
    expect(codeOf(unknown)).toBe('UNAUTHENTICATED');
    expect(wrong.errors?.[0].message).toBe(unknown.errors?.[0].message);
  });

  it('allows 5 attempts a minute per IP, then RATE_LIMITED with the wait', async () => {
    const ip = randomIp();
    for (let i = 0; i < 5; i++) {
      const r = await t.gql(LOGIN, { input: { email: `nobody${i}@example.test`, password: 'whatever-it-is' } }, { ip });
      expect(codeOf(r)).toBe('UNAUTHENTICATED');
    }
    const limited = await t.gql(
      LOGIN,
      { input: { email: 'someone@example.test', password: 'whatever-it-is' } },
      { ip },
    );
    expect(codeOf(limited)).toBe('RATE_LIMITED');
    expect(limited.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('allows 5 attempts a minute per account, whatever the IP', async () => {
    const u = await t.createUser();
    for (let i = 0; i < 5; i++) await t.gql(LOGIN, { input: { email: u.email, password: 'wrong password!' } });
    const limited = await t.gql(LOGIN, { input: { email: u.email, password: TEST_PASSWORD } });
    expect(codeOf(limited)).toBe('RATE_LIMITED');
  });

  it('counts each aliased attempt in one request', async () => {
    const u = await t.createUser();
    const ip = randomIp();
    const aliases = Array.from(
      { length: 5 },
      (_, i) => `a${i}: login(input: { email: "${u.email}", password: "${TEST_PASSWORD}" }) { accessToken }`,
    );
    const result = await t.gql(`mutation { ${aliases.join('\n')} }`, {}, { ip });
    expect(result.errors).toBeUndefined();
    expect(Object.keys(result.data ?? {})).toHaveLength(5);
    // the five aliases spent the account's five attempts: the next one, from anywhere, is refused
    expect(codeOf(await t.gql(LOGIN, { input: { email: u.email, password: TEST_PASSWORD } }))).toBe('RATE_LIMITED');
  });

  it('counts each attempt of a batched request', async () => {
    const u = await t.createUser();
    const op = { query: LOGIN, variables: { input: { email: u.email, password: 'wrong password!' } } };
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': randomIp() },
      body: JSON.stringify([op, op, op, op, op]),
    });
    const results = (await res.json()) as Array<{ errors?: Array<{ extensions: { code: string } }> }>;
    expect(results.map((r) => r.errors?.[0].extensions.code)).toEqual(Array(5).fill('UNAUTHENTICATED'));
    expect(codeOf(await t.gql(LOGIN, { input: { email: u.email, password: TEST_PASSWORD } }))).toBe('RATE_LIMITED');
  });
});

describe('sessions', () => {
  async function signIn(overrides: Record<string, string> = {}) {
    const input = registration(overrides);
    const result = await t.gql(REGISTER, { input });
    return {
      input,
      cookie: cookieFrom(result, 'crossroads_refresh')!,
      token: result.data?.register.accessToken as string,
    };
  }

  it('issues access tokens that expire within 15 minutes', async () => {
    const { token } = await signIn();
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    expect(claims.exp - claims.iat).toBeLessThanOrEqual(15 * 60);
  });

  it('rotates the refresh token on use and revokes the family when an old one is replayed', async () => {
    const { cookie } = await signIn();
    const first = await t.gql(REFRESH, {}, { cookie });
    expect(first.errors).toBeUndefined();
    const rotated = cookieFrom(first, 'crossroads_refresh');
    expect(rotated).toBeDefined();
    expect(rotated).not.toBe(cookie);

    const replay = await t.gql(REFRESH, {}, { cookie });
    expect(codeOf(replay)).toBe('UNAUTHENTICATED');
    // the replay revoked the whole family, including the token issued by the rotation
    const afterReplay = await t.gql(REFRESH, {}, { cookie: rotated });
    expect(codeOf(afterReplay)).toBe('UNAUTHENTICATED');
  });

  it('refuses refresh without a cookie', async () => {
    expect(codeOf(await t.gql(REFRESH))).toBe('UNAUTHENTICATED');
  });

  it('logout revokes the session', async () => {
    const { cookie } = await signIn();
    const out = await t.gql('mutation { logout }', {}, { cookie });
    expect(out.data?.logout).toBe(true);
    expect(codeOf(await t.gql(REFRESH, {}, { cookie }))).toBe('UNAUTHENTICATED');
  });

  it('a refreshed session carries the role set meanwhile', async () => {
    // A name of its own: once staff, its name may not be registered again (look-alike rule).
    const { input, cookie } = await signIn({ displayName: `Promoted ${Math.random().toString(36).slice(2, 10)}` });
    await t.gql(SET_ROLE, { input: { handle: input.handle, role: 'MODERATOR' } }, { token: admin.token });
    const refreshed = await t.gql(REFRESH, {}, { cookie });
    expect(refreshed.data?.refreshSession.user.role).toBe('MODERATOR');
  });
});

describe('access tokens', () => {
  const forge = (header: object, claims: object, secret: string) => {
    const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const body = `${enc(header)}.${enc(claims)}`;
    return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
  };

  it('refuses a token signed with alg "none"', async () => {
    const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const token = `${enc({ alg: 'none', typ: 'JWT' })}.${enc({ sub: admin.user.id, handle: admin.user.handle, role: 'ADMIN', iat: now, exp: now + 60, iss: 'crossroads', aud: 'crossroads-api' })}.`;
    expect(codeOf(await t.gql(ME, {}, { token }))).toBe('UNAUTHENTICATED');
  });

  it('refuses a token signed with another secret or another algorithm', async () => {
    const now = Math.floor(Date.now() / 1000);
    const { sid } = JSON.parse(Buffer.from(admin.token.split('.')[1], 'base64url').toString()) as { sid: string };
    const claims = {
      sub: admin.user.id,
      sid,
      handle: admin.user.handle,
      role: 'ADMIN',
      iat: now,
      exp: now + 60,
      iss: 'crossroads',
      aud: 'crossroads-api',
    };
    expect(codeOf(await t.gql(ME, {}, { token: forge({ alg: 'HS256', typ: 'JWT' }, claims, 'not-the-secret') }))).toBe(
      'UNAUTHENTICATED',
    );
    expect(
      codeOf(await t.gql(ME, {}, { token: forge({ alg: 'HS384', typ: 'JWT' }, claims, t.config.jwtSecret) })),
    ).toBe('UNAUTHENTICATED');
    // the same claims, correctly signed, pass: the refusals above come from the header, not the claims
    expect(
      (await t.gql(ME, {}, { token: forge({ alg: 'HS256', typ: 'JWT' }, claims, t.config.jwtSecret) })).data?.me
        ?.handle,
    ).toBe(admin.user.handle);
  });

  it('refuses an expired token', async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      sub: admin.user.id,
      handle: admin.user.handle,
      role: 'ADMIN',
      iat: now - 3600,
      exp: now - 1800,
      iss: 'crossroads',
      aud: 'crossroads-api',
    };
    expect(
      codeOf(await t.gql(ME, {}, { token: forge({ alg: 'HS256', typ: 'JWT' }, claims, t.config.jwtSecret) })),
    ).toBe('UNAUTHENTICATED');
  });
});

describe('users and roles', () => {
  it('me is null for guests', async () => {
    const result = await t.gql(ME);
    expect(result.errors).toBeUndefined();
    expect(result.data?.me).toBeNull();
  });

  it('finds a user by handle and shows their email only to them and to admins', async () => {
    const u = await t.createUser();
    const other = await t.createUser();
    const q = `query ($h: String!) { user(handle: $h) { handle displayName email } }`;
    expect((await t.gql(q, { h: u.user.handle })).data?.user).toMatchObject({ handle: u.user.handle, email: null });
    expect((await t.gql(q, { h: u.user.handle }, { token: other.token })).data?.user.email).toBeNull();
    expect((await t.gql(q, { h: u.user.handle }, { token: u.token })).data?.user.email).toBe(u.email);
    expect((await t.gql(q, { h: u.user.handle }, { token: admin.token })).data?.user.email).toBe(u.email);
    expect((await t.gql(q, { h: 'no-such-user' })).data?.user).toBeNull();
  });

  it('lets an admin set a role, and nobody else', async () => {
    const target = await t.createUser();
    const input = { handle: target.user.handle, role: 'MENTOR' };
    expect(codeOf(await t.gql(SET_ROLE, { input }))).toBe('UNAUTHENTICATED');
    for (const role of ['MEMBER', 'MENTOR', 'MODERATOR'] as const) {
      const caller = await t.createUser(role);
      expect(codeOf(await t.gql(SET_ROLE, { input }, { token: caller.token }))).toBe('FORBIDDEN');
    }
    const ok = await t.gql(SET_ROLE, { input }, { token: admin.token });
    expect(ok.data?.setRole).toEqual({ handle: target.user.handle, role: 'MENTOR' });
  });

  it('refuses an unknown handle, an unknown role and an admin changing their own role', async () => {
    expect(
      codeOf(await t.gql(SET_ROLE, { input: { handle: 'nobody-here', role: 'MENTOR' } }, { token: admin.token })),
    ).toBe('NOT_FOUND');
    expect(
      codeOf(await t.gql(SET_ROLE, { input: { handle: admin.user.handle, role: 'KING' } }, { token: admin.token })),
    ).toBe('BAD_USER_INPUT');
    expect(
      codeOf(await t.gql(SET_ROLE, { input: { handle: admin.user.handle, role: 'MEMBER' } }, { token: admin.token })),
    ).toBe('CONFLICT');
  });
});

describe('private data', () => {
  it('never returns a password hash, and emails only to their owner', async () => {
    const u = await t.createUser();
    const viewer = await t.createUser();
    const hash = (await t.dataSource.query('SELECT password_hash FROM users WHERE id = $1', [u.user.id]))[0]
      .password_hash as string;
    const responses = [
      await t.gql(
        `query ($h: String!) { user(handle: $h) { id handle displayName role reputation createdAt email } }`,
        { h: u.user.handle },
        { token: viewer.token },
      ),
      await t.gql(LOGIN, { input: { email: u.email, password: TEST_PASSWORD } }),
      await t.gql(`{ __type(name: "User") { fields { name } } }`),
    ];
    for (const r of responses) expect(r.text).not.toContain(hash);
    expect(responses[0].text).not.toContain(u.email);
    const fields = (responses[2].data?.__type.fields as Array<{ name: string }>).map((f) => f.name);
    expect(fields).not.toContain('passwordHash');
  });
});
