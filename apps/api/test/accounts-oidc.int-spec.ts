import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { loadConfig } from '@crossroads/api-platform';
import { TEST_PASSWORD, TestApp, codeOf } from './support/test-app.js';
import { CookieJar, TestOidcProvider, followRedirects, freePort, type ProviderAccount } from './support/oidc.js';

const REFRESH = `mutation { refreshSession { accessToken user { id handle displayName } } }`;
const METHODS = `{ mySignInMethods { hasPassword identities { id provider providerName email } } }`;
const CONFIRM = `mutation($input: ConfirmOidcLinkInput!) { confirmOidcLink(input: $input) { accessToken user { id handle } } }`;
const UNLINK = `mutation($id: ID!) { unlinkIdentity(id: $id) }`;

const op = new TestOidcProvider();
let t: TestApp;
let appUrl: string;

beforeAll(async () => {
  const issuer = await op.listen();
  const port = await freePort();
  appUrl = `http://127.0.0.1:${port}`;
  op.configure(`${appUrl}/auth/oidc/test/callback`);
  const mail = {
    ...loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'test-secret-that-is-long-enough-0123456789' }).mail,
    publicUrl: appUrl,
  };
  t = await TestApp.start({
    port,
    mail,
    oidcProviders: [
      { id: 'test', displayName: 'Test ID', issuer, clientId: op.clientId, clientSecret: op.clientSecret },
    ],
  });
});
afterAll(async () => {
  await t.close();
  await op.close();
});

function person(overrides: Partial<ProviderAccount> = {}): ProviderAccount {
  const sub = randomUUID();
  const account = {
    sub,
    email: `p-${sub.slice(0, 8)}@idp.test`,
    email_verified: true,
    name: 'Dana Okafor',
    preferred_username: `dana${sub.slice(0, 4)}`,
    ...overrides,
  };
  op.accounts.set(sub, account);
  return account;
}

/** A browser that signs in with the provider as `who` (or refuses there); ends where the app sends it back to the web app. */
async function signInWithProvider(
  who: ProviderAccount | 'deny',
  jar = new CookieJar(),
  start = `${appUrl}/auth/oidc/test`,
): Promise<{ landed: URL; jar: CookieJar }> {
  op.next = who === 'deny' ? 'deny' : { login: who.sub };
  const landed = await followRedirects(
    start,
    jar,
    (url) => url.origin === appUrl && !url.pathname.startsWith('/auth/oidc/'),
  );
  return { landed, jar };
}

/** The session the browser got: renews from its refresh cookie as the web app does. */
async function sessionOf(jar: CookieJar) {
  const refresh = jar.get(appUrl, 'crossroads_refresh');
  const res = await t.gql(REFRESH, {}, { cookie: `crossroads_refresh=${refresh}` });
  expect(res.errors).toBeUndefined();
  return res.data!.refreshSession as { accessToken: string; user: { id: string; handle: string; displayName: string } };
}

const usersWithEmail = async (email: string) =>
  Number(
    ((await t.dataSource.query(`SELECT count(*) AS n FROM users WHERE email = $1`, [email])) as { n: string }[])[0].n,
  );
const identitiesOf = async (userId: string) =>
  (await t.dataSource.query(`SELECT provider, subject FROM user_identities WHERE user_id = $1`, [userId])) as {
    provider: string;
    subject: string;
  }[];

describe('OpenID Connect sign-in', () => {
  it('lists the configured providers for the sign-in page', async () => {
    const res = await t.gql(`{ oidcProviders { id displayName } }`);
    expect(res.data?.oidcProviders).toEqual([{ id: 'test', displayName: 'Test ID' }]);
  });

  it('creates a verified account on the first sign-in and signs the same account in afterwards', async () => {
    const p = person();
    const { landed, jar } = await signInWithProvider(p);
    expect(landed.pathname).toBe('/');
    expect(landed.search).toBe('');
    const first = await sessionOf(jar);
    expect(first.user.displayName).toBe('Dana Okafor');
    expect(first.user.handle).toBe(p.preferred_username);
    const [row] = (await t.dataSource.query(
      `SELECT email, password_hash AS "passwordHash", email_verified_at AS "verifiedAt" FROM users WHERE id = $1`,
      [first.user.id],
    )) as {
      email: string;
      passwordHash: string | null;
      verifiedAt: Date | null;
    }[];
    expect(row).toMatchObject({ email: p.email, passwordHash: null });
    expect(row.verifiedAt).not.toBeNull();

    const methods = await t.gql(METHODS, {}, { token: first.accessToken });
    expect(methods.data?.mySignInMethods).toEqual({
      hasPassword: false,
      identities: [{ id: expect.any(String), provider: 'test', providerName: 'Test ID', email: p.email }],
    });

    const again = await signInWithProvider(p);
    expect(again.landed.pathname).toBe('/');
    expect((await sessionOf(again.jar)).user.id).toBe(first.user.id);
    expect(await usersWithEmail(p.email)).toBe(1);
  });

  it('links to the existing account with the same email only after its password is entered', async () => {
    const existing = await t.createUser();
    const p = person({ email: existing.email });
    const { landed, jar } = await signInWithProvider(p);
    expect(landed.pathname).toBe('/sign-in/link');
    expect(landed.searchParams.get('provider')).toBe('test');
    expect(jar.get(appUrl, 'crossroads_refresh')).toBeUndefined();
    expect(await identitiesOf(existing.user.id)).toEqual([]);
    const token = landed.searchParams.get('token')!;

    const wrong = await t.gql(CONFIRM, { input: { token, password: 'not the password at all' } });
    expect(codeOf(wrong)).toBe('BAD_USER_INPUT');
    expect(wrong.errors?.[0].extensions?.field).toBe('password');
    expect(await identitiesOf(existing.user.id)).toEqual([]);

    const forged = await t.gql(CONFIRM, { input: { token: token.slice(0, -4) + 'AAAA', password: TEST_PASSWORD } });
    expect(codeOf(forged)).toBe('BAD_USER_INPUT');
    expect(forged.errors?.[0].extensions?.field).toBe('token');

    const ok = await t.gql(CONFIRM, { input: { token, password: TEST_PASSWORD } });
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.confirmOidcLink.user.id).toBe(existing.user.id);
    expect(await identitiesOf(existing.user.id)).toEqual([{ provider: 'test', subject: p.sub }]);

    // From now on the provider signs straight into that account.
    const again = await signInWithProvider(p);
    expect(again.landed.pathname).toBe('/');
    expect((await sessionOf(again.jar)).user.id).toBe(existing.user.id);
    expect(await usersWithEmail(existing.email)).toBe(1);
  });

  it('says so when the person refuses at the provider, and changes nothing', async () => {
    const before = await t.dataSource.query(`SELECT count(*) AS n FROM users`);
    const { landed, jar } = await signInWithProvider('deny');
    expect(landed.pathname).toBe('/sign-in');
    expect(landed.searchParams.get('oidcError')).toBe('denied');
    expect(jar.get(appUrl, 'crossroads_refresh')).toBeUndefined();
    expect(await t.dataSource.query(`SELECT count(*) AS n FROM users`)).toEqual(before);
  });

  it('refuses a callback whose state is not the one this browser started with', async () => {
    const p = person();
    // Browser A goes through the provider and stops at the callback with a valid code and its state.
    const a = new CookieJar();
    op.next = { login: p.sub };
    const callback = await followRedirects(
      `${appUrl}/auth/oidc/test`,
      a,
      (url) => url.pathname === '/auth/oidc/test/callback',
    );
    expect(callback.searchParams.get('code')).toBeTruthy();
    // Browser B started its own sign-in: its cookie holds another state.
    const b = new CookieJar();
    await followRedirects(`${appUrl}/auth/oidc/test`, b, (url) => url.origin !== appUrl);
    for (const jar of [b, new CookieJar()]) {
      const landed = await followRedirects(callback.href, jar, (url) => !url.pathname.startsWith('/auth/oidc/'));
      expect(landed.pathname).toBe('/sign-in');
      expect(landed.searchParams.get('oidcError')).toBe('state');
      expect(jar.get(appUrl, 'crossroads_refresh')).toBeUndefined();
    }
    expect(await usersWithEmail(p.email)).toBe(0);
  });

  it('refuses an unverified provider email: no account is created or linked', async () => {
    const fresh = person({ email_verified: false });
    const first = await signInWithProvider(fresh);
    expect(first.landed.searchParams.get('oidcError')).toBe('unverified_email');
    expect(await usersWithEmail(fresh.email)).toBe(0);

    const existing = await t.createUser();
    const claimant = person({ email: existing.email, email_verified: false });
    const second = await signInWithProvider(claimant);
    expect(second.landed.pathname).toBe('/sign-in');
    expect(second.landed.searchParams.get('oidcError')).toBe('unverified_email');
    expect(await identitiesOf(existing.user.id)).toEqual([]);
    expect(second.jar.get(appUrl, 'crossroads_refresh')).toBeUndefined();
  });
});

describe('a provider that cannot be reached', () => {
  it('sends the browser back to the sign-in page with a reason instead of an error page', async () => {
    const down = await TestApp.start({
      oidcProviders: [
        { id: 'down', displayName: 'Down', issuer: 'http://127.0.0.1:9/', clientId: 'x', clientSecret: 'y' },
      ],
    });
    try {
      const res = await fetch(`${down.url}/auth/oidc/down`, { redirect: 'manual' });
      expect(res.status).toBe(303);
      const location = new URL(res.headers.get('location') ?? '');
      expect(location.pathname).toBe('/sign-in');
      expect(location.searchParams.get('oidcError')).toBe('failed');
      expect((await fetch(`${down.url}/auth/oidc/nope`, { redirect: 'manual' })).status).toBe(404);
    } finally {
      await down.close();
    }
  });
});

describe('linked sign-ins in the settings', () => {
  it('links a provider to the signed-in member from the settings page, and unlinks it', async () => {
    const u = await t.createUser();
    const p = person({ email: `other-${randomUUID().slice(0, 6)}@idp.test` });
    const start = await t.gql(`mutation { startOidcLink(provider: "test") }`, {}, { token: u.token });
    expect(start.errors).toBeUndefined();
    const { landed } = await signInWithProvider(p, new CookieJar(), appUrl + (start.data!.startOidcLink as string));
    expect(landed.pathname).toBe('/settings/sign-ins');
    expect(landed.searchParams.get('linked')).toBe('test');
    const methods = await t.gql(METHODS, {}, { token: u.token });
    expect(methods.data?.mySignInMethods.hasPassword).toBe(true);
    const [identity] = methods.data?.mySignInMethods.identities as { id: string }[];
    expect(identity).toBeDefined();

    // Someone else cannot see or unlink it.
    const other = await t.createUser();
    expect(codeOf(await t.gql(UNLINK, { id: identity.id }, { token: other.token }))).toBe('NOT_FOUND');
    expect(await identitiesOf(u.user.id)).toHaveLength(1);

    expect((await t.gql(UNLINK, { id: identity.id }, { token: u.token })).data?.unlinkIdentity).toBe(true);
    expect(await identitiesOf(u.user.id)).toEqual([]);
  });

  it('will not unlink the last way to sign in of an account without a password', async () => {
    const p = person();
    const { jar } = await signInWithProvider(p);
    const session = await sessionOf(jar);
    const methods = await t.gql(METHODS, {}, { token: session.accessToken });
    const [identity] = methods.data?.mySignInMethods.identities as { id: string }[];
    const res = await t.gql(UNLINK, { id: identity.id }, { token: session.accessToken });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(await identitiesOf(session.user.id)).toHaveLength(1);
  });
});
