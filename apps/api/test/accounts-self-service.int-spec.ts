import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ParsedMail } from 'mailparser';
import { loadConfig } from '@crossroads/api-platform';
import {
  TEST_PASSWORD,
  TestApp,
  codeOf,
  cookieFrom,
  randomIp,
  uniqueHandle,
  type TestUser,
} from './support/test-app.js';
import { TestSmtpServer } from './support/smtp.js';
import { createIsolatedDatabase } from './support/isolated-database.js';
import { ask } from './support/qa.js';
import { AccountDeletionService } from '@crossroads/api-accounts';

const UPDATE_PROFILE = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { handle displayName bio location links avatarUrl } }`;
const CHANGE_PASSWORD = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`;
const ME = `{ me { handle displayName bio location links } }`;
const NEW_PASSWORD = 'violet tractor under seven lanterns';

const REQUEST_RESET = `mutation($email: String!) { requestPasswordReset(email: $email) }`;
const RESET = `mutation($input: ResetPasswordInput!) { resetPassword(input: $input) { accessToken user { handle } } }`;
const PUBLIC_URL = 'https://crossroads.example';

let t: TestApp;
const smtp = new TestSmtpServer();

// Its own database: on a shared one, another suite's instance (without this SMTP server) may take
// these emails' delivery jobs, and the links never reach this server.
let database: Awaited<ReturnType<typeof createIsolatedDatabase>>;

beforeAll(async () => {
  await smtp.start();
  database = await createIsolatedDatabase('self_service');
  const mail = {
    ...loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'test-secret-that-is-long-enough-0123456789' }).mail,
    smtpUrl: smtp.url,
    publicUrl: PUBLIC_URL,
  };
  t = await TestApp.start({ jobPollSeconds: 0.5, mail }, database.url);
});
afterAll(async () => {
  await t.close();
  await database.drop();
  await smtp.stop();
});

const sentTo = (address: string) => (mail: ParsedMail) =>
  JSON.stringify(mail.to).toLowerCase().includes(address.toLowerCase());
/** The token in the first link to `path` in a received email's text. */
function linkToken(mail: ParsedMail, path: string): string {
  const match = new RegExp(`${PUBLIC_URL.replace(/\./g, '\\.')}${path}\\?token=([\\w%-]+)`).exec(mail.text ?? '');
  if (!match) throw new Error(`no ${path} link in: ${mail.text}`);
  return decodeURIComponent(match[1]);
}

async function login(user: TestUser, password = TEST_PASSWORD): Promise<string> {
  const res = await t.gql(LOGIN, { input: { email: user.email, password } });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.login.accessToken as string;
}

describe('updateProfile', () => {
  it('changes only the fields given, and everyone sees the new profile', async () => {
    const u = await t.createUser();
    const res = await t.gql(
      UPDATE_PROFILE,
      {
        input: {
          displayName: 'Ｒita Reyes',
          bio: '**PMP** since 2019',
          location: 'Lisbon',
          links: ['https://example.test/rita'],
        },
      },
      { token: u.token },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.updateProfile).toEqual({
      handle: u.user.handle,
      displayName: 'Rita Reyes',
      bio: '**PMP** since 2019',
      location: 'Lisbon',
      links: ['https://example.test/rita'],
      avatarUrl: null,
    });
    const again = await t.gql(UPDATE_PROFILE, { input: { location: '' } }, { token: u.token });
    expect(again.data?.updateProfile).toMatchObject({
      displayName: 'Rita Reyes',
      bio: '**PMP** since 2019',
      location: null,
    });
    const seen = await t.gql(`query($h: String!) { user(handle: $h) { displayName bio location links } }`, {
      h: u.user.handle,
    });
    expect(seen.data?.user).toEqual({
      displayName: 'Rita Reyes',
      bio: '**PMP** since 2019',
      location: null,
      links: ['https://example.test/rita'],
    });
  });

  it.each([
    ['displayName', { displayName: '\u200B\u2060' }],
    ['displayName', { displayName: 'a\u202Eb' }],
    ['displayName', { displayName: 'x'.repeat(61) }],
    ['bio', { bio: 'x'.repeat(2_001) }],
    ['location', { location: 'x'.repeat(101) }],
    ['links', { links: ['javascript:alert(1)'] }],
    ['links', { links: Array.from({ length: 6 }, (_, i) => `https://example.test/${i}`) }],
  ])('refuses a bad %s with BAD_USER_INPUT naming it, and changes nothing', async (field, input) => {
    const u = await t.createUser();
    const res = await t.gql(UPDATE_PROFILE, { input }, { token: u.token });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.field).toBe(field);
    const me = await t.gql(ME, {}, { token: u.token });
    expect(me.data?.me).toMatchObject({ displayName: `Test ${u.user.handle}`, bio: null, location: null, links: [] });
  });

  it("refuses a display name like a moderator's", async () => {
    const mod = await t.createUser('MODERATOR', { displayName: 'Morgan Oakes' });
    const u = await t.createUser();
    const res = await t.gql(UPDATE_PROFILE, { input: { displayName: 'Morgan 0akes' } }, { token: u.token });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.field).toBe('displayName');
    // The moderator keeps their own name.
    const own = await t.gql(UPDATE_PROFILE, { input: { displayName: 'Morgan Oakes' } }, { token: mod.token });
    expect(own.errors).toBeUndefined();
  });
});

describe('changePassword', () => {
  it('refuses a wrong current password on currentPassword, and the old password still works', async () => {
    const u = await t.createUser();
    const res = await t.gql(
      CHANGE_PASSWORD,
      { input: { currentPassword: 'not my password at all', newPassword: NEW_PASSWORD } },
      { token: u.token },
    );
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.field).toBe('currentPassword');
    await expect(login(u)).resolves.toBeTruthy();
  });

  it('refuses a weak new password on newPassword', async () => {
    const u = await t.createUser();
    const res = await t.gql(
      CHANGE_PASSWORD,
      { input: { currentPassword: TEST_PASSWORD, newPassword: 'password1234' } },
      { token: u.token },
    );
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.field).toBe('newPassword');
  });

  it('changes the password, ends every other session at once and keeps this one', async () => {
    const u = await t.createUser();
    const other = await login(u);
    const current = await login(u);
    expect((await t.gql(ME, {}, { token: other })).data?.me?.handle).toBe(u.user.handle);
    const res = await t.gql(
      CHANGE_PASSWORD,
      { input: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD } },
      { token: current },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.changePassword).toBe(true);
    expect((await t.gql(ME, {}, { token: current })).data?.me?.handle).toBe(u.user.handle);
    // The other session's still-unexpired access token is refused on its very next request.
    expect(codeOf(await t.gql(ME, {}, { token: other }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(ME, {}, { token: u.token }))).toBe('UNAUTHENTICATED');
    await expect(login(u)).rejects.toThrow(/UNAUTHENTICATED|incorrect/);
    await expect(login(u, NEW_PASSWORD)).resolves.toBeTruthy();
  });
});

describe('password reset', () => {
  it('answers true for any address, and mails a single-use link only to an account', async () => {
    const u = await t.createUser();
    const unknown = `${uniqueHandle('nobody')}@example.test`;
    const known = await t.gql(REQUEST_RESET, { email: u.email.toUpperCase() });
    const nobody = await t.gql(REQUEST_RESET, { email: unknown });
    expect(known.errors).toBeUndefined();
    expect(nobody.errors).toBeUndefined();
    expect(known.data).toEqual(nobody.data);
    expect(known.data?.requestPasswordReset).toBe(true);
    const mail = await smtp.waitFor(sentTo(u.email));
    expect(mail.subject).toBe('Reset your Crossroads password');
    const token = linkToken(mail, '/reset-password');
    // Stored hashed, valid for one hour.
    const [row] = (await t.dataSource.query(
      `SELECT token_hash, expires_at - created_at AS valid FROM account_tokens WHERE user_id = $1`,
      [u.user.id],
    )) as {
      token_hash: string;
      valid: { hours?: number; minutes?: number };
    }[];
    expect(row.token_hash).not.toContain(token);
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect((row.valid.hours ?? 0) * 60 + (row.valid.minutes ?? 0)).toBe(60);
    const queued = (await t.dataSource.query(
      `SELECT count(*)::int AS n FROM mail_messages WHERE lower(recipient) = lower($1)`,
      [unknown],
    )) as { n: number }[];
    expect(queued[0].n).toBe(0);
  });

  it('sets the new password, ends every session, signs in, and the link works only once', async () => {
    const u = await t.createUser();
    const other = await login(u);
    await t.gql(REQUEST_RESET, { email: u.email });
    const token = linkToken(await smtp.waitFor(sentTo(u.email)), '/reset-password');
    const res = await t.gql(RESET, { input: { token, newPassword: NEW_PASSWORD } });
    expect(res.errors).toBeUndefined();
    expect(res.data?.resetPassword.user.handle).toBe(u.user.handle);
    expect(cookieFrom(res, 'crossroads_refresh')).toBeTruthy();
    expect((await t.gql(ME, {}, { token: res.data!.resetPassword.accessToken })).data?.me?.handle).toBe(u.user.handle);
    expect(codeOf(await t.gql(ME, {}, { token: other }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(ME, {}, { token: u.token }))).toBe('UNAUTHENTICATED');
    await expect(login(u)).rejects.toThrow();
    await expect(login(u, NEW_PASSWORD)).resolves.toBeTruthy();
    const again = await t.gql(RESET, { input: { token, newPassword: 'another quite long passphrase here' } });
    expect(codeOf(again)).toBe('BAD_USER_INPUT');
    expect(again.errors?.[0].extensions?.field).toBe('token');
    await expect(login(u, NEW_PASSWORD)).resolves.toBeTruthy();
  });

  it('refuses a weak password, an unknown link and an expired one', async () => {
    const u = await t.createUser();
    await t.gql(REQUEST_RESET, { email: u.email });
    const token = linkToken(await smtp.waitFor(sentTo(u.email)), '/reset-password');
    const weak = await t.gql(RESET, { input: { token, newPassword: 'password1234' } });
    expect(weak.errors?.[0].extensions?.field).toBe('newPassword');
    const unknown = await t.gql(RESET, { input: { token: 'not-a-token', newPassword: NEW_PASSWORD } });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
    await t.dataSource.query(`UPDATE account_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [
      u.user.id,
    ]);
    const expired = await t.gql(RESET, { input: { token, newPassword: NEW_PASSWORD } });
    expect(expired.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
    expect(expired.errors?.[0].message).toMatch(/expired or was already used/);
    await expect(login(u)).resolves.toBeTruthy();
  });

  it('is limited per address (whatever the IP) and per IP (whatever the address)', async () => {
    const address = `${uniqueHandle('lim')}@example.test`;
    for (let i = 0; i < 3; i++) expect((await t.gql(REQUEST_RESET, { email: address })).errors).toBeUndefined();
    const perAddress = await t.gql(REQUEST_RESET, { email: address.toUpperCase() });
    expect(codeOf(perAddress)).toBe('RATE_LIMITED');
    expect(perAddress.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
    const ip = randomIp();
    for (let i = 0; i < 10; i++)
      expect(
        (await t.gql(REQUEST_RESET, { email: `${uniqueHandle('ip')}@example.test` }, { ip })).errors,
      ).toBeUndefined();
    expect(codeOf(await t.gql(REQUEST_RESET, { email: `${uniqueHandle('ip')}@example.test` }, { ip }))).toBe(
      'RATE_LIMITED',
    );
  });
});

describe('email verification', () => {
  const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { accessToken } }`;
  const VERIFY = `mutation($token: String!) { verifyEmail(token: $token) { handle emailVerified } }`;
  const RESEND = `mutation { resendVerificationEmail }`;
  const VERIFIED = `{ me { emailVerified } }`;

  async function register() {
    const handle = uniqueHandle('ver');
    const email = `${handle}@example.test`;
    const res = await t.gql(REGISTER, {
      input: { handle, email, displayName: 'Vera Verified', password: TEST_PASSWORD },
    });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return { handle, email, token: res.data!.register.accessToken as string };
  }

  it('mails a link at sign-up; following it verifies the address once', async () => {
    const r = await register();
    expect((await t.gql(VERIFIED, {}, { token: r.token })).data?.me.emailVerified).toBe(false);
    const mail = await smtp.waitFor(sentTo(r.email));
    expect(mail.subject).toBe('Confirm your email address for Crossroads');
    const link = linkToken(mail, '/verify-email');
    // The link works without signing in (it may be opened on another device).
    const res = await t.gql(VERIFY, { token: link });
    expect(res.errors).toBeUndefined();
    expect(res.data?.verifyEmail.handle).toBe(r.handle);
    expect((await t.gql(VERIFIED, {}, { token: r.token })).data?.me.emailVerified).toBe(true);
    const again = await t.gql(VERIFY, { token: link });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
    expect(codeOf(await t.gql(RESEND, {}, { token: r.token }))).toBe('CONFLICT');
  });

  it('resends a fresh link on request, and an expired link is refused', async () => {
    const r = await register();
    const first = linkToken(await smtp.waitFor(sentTo(r.email)), '/verify-email');
    await t.dataSource.query(
      `UPDATE account_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = encode(sha256($1::bytea), 'hex')`,
      [first],
    );
    expect(codeOf(await t.gql(VERIFY, { token: first }))).toBe('BAD_USER_INPUT');
    const resent = await t.gql(RESEND, {}, { token: r.token });
    expect(resent.data?.resendVerificationEmail).toBe(true);
    const second = await smtp.waitFor((m) => sentTo(r.email)(m) && linkToken(m, '/verify-email') !== first);
    expect((await t.gql(VERIFY, { token: linkToken(second, '/verify-email') })).errors).toBeUndefined();
    expect((await t.gql(VERIFIED, {}, { token: r.token })).data?.me.emailVerified).toBe(true);
  });
});

describe('email change', () => {
  const REQUEST = `mutation($input: RequestEmailChangeInput!) { requestEmailChange(input: $input) }`;
  const CONFIRM = `mutation($token: String!) { confirmEmailChange(token: $token) { handle email emailVerified } }`;
  const MY_EMAIL = `{ me { email emailVerified } }`;
  const newAddress = () => `${uniqueHandle('new')}@example.test`;

  it('refuses a wrong password on password and an invalid address on newEmail, and sends nothing', async () => {
    const u = await t.createUser();
    const to = newAddress();
    const wrong = await t.gql(
      REQUEST,
      { input: { newEmail: to, password: 'not my password at all' } },
      { token: u.token },
    );
    expect(wrong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    const invalid = await t.gql(
      REQUEST,
      { input: { newEmail: 'not-an-address', password: TEST_PASSWORD } },
      { token: u.token },
    );
    expect(invalid.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newEmail' });
    expect((await t.gql(MY_EMAIL, {}, { token: u.token })).data?.me.email).toBe(u.email);
    const [{ count }] = (await t.dataSource.query(
      `SELECT count(*)::int AS count FROM account_tokens WHERE user_id = $1 AND purpose = 'email_change'`,
      [u.user.id],
    )) as { count: number }[];
    expect(count).toBe(0);
  });

  it('mails a link to the new address; following it switches and verifies the address once, tells the old one, and keeps sessions', async () => {
    const u = await t.createUser();
    const to = newAddress();
    const res = await t.gql(
      REQUEST,
      { input: { newEmail: to.toUpperCase(), password: TEST_PASSWORD } },
      { token: u.token },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.requestEmailChange).toBe(true);
    const mail = await smtp.waitFor(sentTo(to));
    expect(mail.subject).toBe('Confirm your new email address for Crossroads');
    const link = linkToken(mail, '/confirm-email');
    // Nothing changes until the link is followed.
    expect((await t.gql(MY_EMAIL, {}, { token: u.token })).data?.me.email).toBe(u.email);
    const confirmed = await t.gql(CONFIRM, { token: link });
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data?.confirmEmailChange.handle).toBe(u.user.handle);
    expect((await t.gql(MY_EMAIL, {}, { token: u.token })).data?.me).toEqual({ email: to, emailVerified: true });
    const notice = await smtp.waitFor(
      (m) => sentTo(u.email)(m) && m.subject === 'Your Crossroads email address was changed',
    );
    expect(notice.text).toContain(`${to[0]}***@example.test`);
    expect(notice.text).not.toContain(to);
    expect(notice.text).toMatch(/reset your password/i);
    const again = await t.gql(CONFIRM, { token: link });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
    await expect(login({ ...u, email: to })).resolves.toBeTruthy();
    await expect(login(u)).rejects.toThrow();
  });

  it('answers the same for an address that has an account: that address gets a notice, not a link', async () => {
    const u = await t.createUser();
    const owner = await t.createUser();
    const res = await t.gql(REQUEST, { input: { newEmail: owner.email, password: TEST_PASSWORD } }, { token: u.token });
    expect(res.errors).toBeUndefined();
    expect(res.data?.requestEmailChange).toBe(true);
    const notice = await smtp.waitFor(
      (m) => sentTo(owner.email)(m) && m.subject === 'Someone tried to use this address on Crossroads',
    );
    expect(notice.text).not.toContain('/confirm-email');
    expect((await t.gql(MY_EMAIL, {}, { token: u.token })).data?.me.email).toBe(u.email);
  });

  it('refuses an expired link, and a link whose address was taken meanwhile', async () => {
    const u = await t.createUser();
    const to = newAddress();
    await t.gql(REQUEST, { input: { newEmail: to, password: TEST_PASSWORD } }, { token: u.token });
    const first = linkToken(await smtp.waitFor(sentTo(to)), '/confirm-email');
    await t.dataSource.query(
      `UPDATE account_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = encode(sha256($1::bytea), 'hex')`,
      [first],
    );
    expect((await t.gql(CONFIRM, { token: first })).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'token',
    });

    const other = newAddress();
    await t.gql(REQUEST, { input: { newEmail: other, password: TEST_PASSWORD } }, { token: u.token });
    const second = linkToken(await smtp.waitFor(sentTo(other)), '/confirm-email');
    const rival = await t.createUser();
    await t.dataSource.query(`UPDATE users SET email = $1 WHERE id = $2`, [other, rival.user.id]);
    expect(codeOf(await t.gql(CONFIRM, { token: second }))).toBe('CONFLICT');
    expect((await t.gql(MY_EMAIL, {}, { token: u.token })).data?.me.email).toBe(u.email);
  });

  it('is limited to 3 requests an hour per account, wrong passwords included', async () => {
    const u = await t.createUser();
    for (let i = 0; i < 3; i++)
      await t.gql(
        REQUEST,
        { input: { newEmail: newAddress(), password: 'not my password at all' } },
        { token: u.token },
      );
    expect(
      codeOf(await t.gql(REQUEST, { input: { newEmail: newAddress(), password: TEST_PASSWORD } }, { token: u.token })),
    ).toBe('RATE_LIMITED');
  });
});

describe('sessions', () => {
  const SESSIONS = `{ mySessions { id current userAgent ipPrefix createdAt lastUsedAt } }`;
  const REVOKE = `mutation($id: ID!) { revokeSession(id: $id) }`;
  const EVERYWHERE = `mutation { signOutEverywhere }`;
  const REFRESH = `mutation { refreshSession { accessToken } }`;
  const LOGIN_FULL = `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`;

  async function signIn(user: TestUser, ip: string, userAgent: string) {
    const res = await t.gql(
      LOGIN_FULL,
      { input: { email: user.email, password: TEST_PASSWORD } },
      { ip, headers: { 'user-agent': userAgent } },
    );
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return {
      token: res.data!.login.accessToken as string,
      cookie: `crossroads_refresh=${cookieFrom(res, 'crossroads_refresh')}`,
    };
  }
  const sessionsOf = async (token: string) => {
    const res = await t.gql(SESSIONS, {}, { token });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!.mySessions as {
      id: string;
      current: boolean;
      userAgent: string | null;
      ipPrefix: string | null;
    }[];
  };

  it('lists each live session with its browser and a coarse network, the current one marked', async () => {
    const u = await t.createUser();
    const laptop = await signIn(u, '203.0.113.77', 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0');
    const phone = await signIn(u, '2001:db8:85a3:1234::8a2e:370:7334', 'Mozilla/5.0 (iPhone) Safari/604.1');
    const sessions = await sessionsOf(laptop.token);
    expect(sessions).toHaveLength(3); // the factory's session, the laptop, the phone
    expect(sessions.filter((s) => s.current)).toEqual([
      expect.objectContaining({
        userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0',
        ipPrefix: '203.0.113.0/24',
      }),
    ]);
    expect(sessions).toContainEqual(
      expect.objectContaining({
        current: false,
        userAgent: 'Mozilla/5.0 (iPhone) Safari/604.1',
        ipPrefix: '2001:db8:85a3::/48',
      }),
    );
    expect(JSON.stringify(sessions)).not.toContain('203.0.113.77');
    expect((await sessionsOf(phone.token)).find((s) => s.current)?.ipPrefix).toBe('2001:db8:85a3::/48');
    expect(codeOf(await t.gql(SESSIONS))).toBe('UNAUTHENTICATED');
  });

  it('revokeSession ends that session at once (its access token and refresh cookie), others stay', async () => {
    const u = await t.createUser();
    const laptop = await signIn(u, randomIp(), 'Laptop');
    const phone = await signIn(u, randomIp(), 'Phone');
    const phoneId = (await sessionsOf(phone.token)).find((s) => s.current)!.id;
    const res = await t.gql(REVOKE, { id: phoneId }, { token: laptop.token });
    expect(res.data?.revokeSession).toBe(true);
    expect(codeOf(await t.gql(ME, {}, { token: phone.token }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(REFRESH, {}, { cookie: phone.cookie }))).toBe('UNAUTHENTICATED');
    expect((await t.gql(ME, {}, { token: laptop.token })).data?.me?.handle).toBe(u.user.handle);
    expect((await sessionsOf(laptop.token)).map((s) => s.id)).not.toContain(phoneId);
    // Ended already, someone else's, or not an id at all: NOT_FOUND.
    expect(codeOf(await t.gql(REVOKE, { id: phoneId }, { token: laptop.token }))).toBe('NOT_FOUND');
    const stranger = await t.createUser();
    const laptopId = (await sessionsOf(laptop.token)).find((s) => s.current)!.id;
    expect(codeOf(await t.gql(REVOKE, { id: laptopId }, { token: stranger.token }))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(REVOKE, { id: 'not-a-session' }, { token: laptop.token }))).toBe('NOT_FOUND');
    expect((await t.gql(ME, {}, { token: laptop.token })).data?.me?.handle).toBe(u.user.handle);
  });

  it('signOutEverywhere ends every session, this one included, at once', async () => {
    const u = await t.createUser();
    const laptop = await signIn(u, randomIp(), 'Laptop');
    const phone = await signIn(u, randomIp(), 'Phone');
    const res = await t.gql(EVERYWHERE, {}, { token: laptop.token });
    expect(res.data?.signOutEverywhere).toBe(true);
    for (const token of [laptop.token, phone.token, u.token])
      expect(codeOf(await t.gql(ME, {}, { token }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(REFRESH, {}, { cookie: phone.cookie }))).toBe('UNAUTHENTICATED');
    const again = await signIn(u, randomIp(), 'Laptop');
    expect(await sessionsOf(again.token)).toHaveLength(1);
  });
});

describe('deleteAccount', () => {
  const DELETE = `mutation($input: DeleteAccountInput!) { deleteAccount(input: $input) }`;
  const deletionOf = async (id: string) =>
    (
      (await t.dataSource.query(
        `SELECT deletion_requested_at AS "requestedAt", erased_at AS "erasedAt" FROM users WHERE id = $1`,
        [id],
      )) as { requestedAt: Date | null; erasedAt: Date | null }[]
    )[0];
  const eraseDue = () => t.app.get(AccountDeletionService).eraseDue();

  it('refuses a wrong password on password and changes nothing', async () => {
    const u = await t.createUser();
    const res = await t.gql(DELETE, { input: { password: 'not my password at all' } }, { token: u.token });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    expect((await deletionOf(u.user.id)).requestedAt).toBeNull();
    expect((await t.gql(ME, {}, { token: u.token })).data?.me?.handle).toBe(u.user.handle);
  });

  it('ends every session; signing in within 7 days undoes it', async () => {
    const u = await t.createUser();
    const res = await t.gql(DELETE, { input: { password: TEST_PASSWORD } }, { token: u.token });
    expect(res.data?.deleteAccount).toBe(true);
    expect(codeOf(await t.gql(ME, {}, { token: u.token }))).toBe('UNAUTHENTICATED');
    await t.dataSource.query(
      `UPDATE users SET deletion_requested_at = now() - interval '6 days 23 hours' WHERE id = $1`,
      [u.user.id],
    );
    await login(u);
    expect((await deletionOf(u.user.id)).requestedAt).toBeNull();
    await eraseDue();
    expect((await deletionOf(u.user.id)).erasedAt).toBeNull();
  });

  it('after 7 days erases the personal data and sessions; posts stay, by "Deleted user"', async () => {
    const u = await t.createUser();
    await t.gql(
      UPDATE_PROFILE,
      { input: { bio: 'Twenty years in logistics.', location: 'Ghent', links: ['https://example.test/me'] } },
      { token: u.token },
    );
    const q = await ask(t, u);
    const keep = await t.createUser();
    await t.gql(DELETE, { input: { password: TEST_PASSWORD } }, { token: u.token });
    await t.gql(DELETE, { input: { password: TEST_PASSWORD } }, { token: keep.token });
    await t.dataSource.query(
      `UPDATE users SET deletion_requested_at = now() - interval '7 days 1 minute' WHERE id = $1`,
      [u.user.id],
    );
    await t.dataSource.query(`UPDATE users SET deletion_requested_at = now() - interval '6 days' WHERE id = $1`, [
      keep.user.id,
    ]);
    // Past the grace period, signing in no longer undoes it.
    await expect(login(u)).rejects.toThrow();
    // Another suite's instance may erase this due account first (same database): check the outcome, not the count.
    await eraseDue();
    expect(
      (
        (await t.dataSource.query(`SELECT erased_at FROM users WHERE id = $1`, [u.user.id])) as {
          erased_at: Date | null;
        }[]
      )[0].erased_at,
    ).not.toBeNull();
    const [row] = (await t.dataSource.query(
      `SELECT email, password_hash, display_name AS "displayName", handle, bio, location, links FROM users WHERE id = $1`,
      [u.user.id],
    )) as Record<string, unknown>[];
    expect(row).toMatchObject({
      email: null,
      password_hash: null,
      displayName: 'Deleted user',
      bio: null,
      location: null,
      links: [],
    });
    expect(row.handle).not.toBe(u.user.handle);
    const sessions = (await t.dataSource.query(`SELECT count(*)::int AS n FROM refresh_tokens WHERE user_id = $1`, [
      u.user.id,
    ])) as { n: number }[];
    expect(sessions[0].n).toBe(0);
    const event = (await t.dataSource.query(
      `SELECT count(*)::int AS n FROM domain_events WHERE type = 'accounts.account-erased' AND payload->>'userId' = $1`,
      [u.user.id],
    )) as { n: number }[];
    expect(event[0].n).toBe(1);
    const shown = await t.gql(`query($id: ID!) { question(id: $id) { author { displayName handle } } }`, { id: q.id });
    expect(shown.data?.question.author.displayName).toBe('Deleted user');
    expect((await deletionOf(keep.user.id)).erasedAt).toBeNull();
    expect(
      await t.gql(`query($h: String!) { user(handle: $h) { id } }`, { h: u.user.handle }).then((r) => r.data?.user),
    ).toBeNull();
  });
});

describe('GET /me/export', () => {
  const download = (token?: string) =>
    fetch(`${t.url}/me/export`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('gives a signed-in member a JSON file of what they wrote and their settings, and nobody else’s', async () => {
    const u = await t.createUser();
    const other = await t.createUser();
    await t.gql(UPDATE_PROFILE, { input: { bio: 'Site manager turned PM.' } }, { token: u.token });
    const mine = await ask(t, u);
    const theirs = await ask(t, other);
    await t.gql(
      `mutation($input: NotificationSettingInput!) { setNotificationSetting(input: $input) { type } }`,
      { input: { type: 'FOLLOWED_TAG_QUESTION', email: 'WEEKLY' } },
      { token: u.token },
    );
    const res = await download(u.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment/);
    const data = (await res.json()) as Record<string, any>;
    expect(data.profile).toMatchObject({ handle: u.user.handle, email: u.email, bio: 'Site manager turned PM.' });
    expect(data.questions.map((q: { id: string }) => q.id)).toEqual([mine.id]);
    expect(JSON.stringify(data)).not.toContain(theirs.id);
    expect(data.settings.notifications).toContainEqual(
      expect.objectContaining({ type: 'FOLLOWED_TAG_QUESTION', email: 'WEEKLY' }),
    );
    // Every context's part is there (accounts assembles them through the export port).
    expect(Object.keys(data).sort()).toEqual(
      [
        'answers',
        'comments',
        'exportedAt',
        'mentorAvailability',
        'mentorProfile',
        'mentorshipMessages',
        'mentorshipPlanRevisions',
        'mentorshipRequests',
        'profile',
        'questions',
        'settings',
        'votes',
      ].sort(),
    );
    expect(data.mentorProfile).toBeNull();
  });

  it('refuses guests and ended sessions with 401', async () => {
    expect((await download()).status).toBe(401);
    const u = await t.createUser();
    await t.gql(`mutation { signOutEverywhere }`, {}, { token: u.token });
    expect((await download(u.token)).status).toBe(401);
  });
});
