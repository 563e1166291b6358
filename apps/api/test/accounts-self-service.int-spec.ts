import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TEST_PASSWORD, TestApp, codeOf, type TestUser } from './support/test-app.js';

const UPDATE_PROFILE = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { handle displayName bio location links avatarUrl } }`;
const CHANGE_PASSWORD = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`;
const ME = `{ me { handle displayName bio location links } }`;
const NEW_PASSWORD = 'violet tractor under seven lanterns';

let t: TestApp;

beforeAll(async () => {
  t = await TestApp.start();
});
afterAll(() => t.close());

async function login(user: TestUser, password = TEST_PASSWORD): Promise<string> {
  const res = await t.gql(LOGIN, { input: { email: user.email, password } });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.login.accessToken as string;
}

describe('updateProfile', () => {
  it('changes only the fields given, and everyone sees the new profile', async () => {
    const u = await t.createUser();
    const res = await t.gql(UPDATE_PROFILE, { input: { displayName: 'Ｒita Reyes', bio: '**PMP** since 2019', location: 'Lisbon', links: ['https://example.test/rita'] } }, { token: u.token });
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
    expect(again.data?.updateProfile).toMatchObject({ displayName: 'Rita Reyes', bio: '**PMP** since 2019', location: null });
    const seen = await t.gql(`query($h: String!) { user(handle: $h) { displayName bio location links } }`, { h: u.user.handle });
    expect(seen.data?.user).toEqual({ displayName: 'Rita Reyes', bio: '**PMP** since 2019', location: null, links: ['https://example.test/rita'] });
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
    const res = await t.gql(CHANGE_PASSWORD, { input: { currentPassword: 'not my password at all', newPassword: NEW_PASSWORD } }, { token: u.token });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.field).toBe('currentPassword');
    await expect(login(u)).resolves.toBeTruthy();
  });

  it('refuses a weak new password on newPassword', async () => {
    const u = await t.createUser();
    const res = await t.gql(CHANGE_PASSWORD, { input: { currentPassword: TEST_PASSWORD, newPassword: 'password1234' } }, { token: u.token });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.field).toBe('newPassword');
  });

  it('changes the password, ends every other session at once and keeps this one', async () => {
    const u = await t.createUser();
    const other = await login(u);
    const current = await login(u);
    expect((await t.gql(ME, {}, { token: other })).data?.me?.handle).toBe(u.user.handle);
    const res = await t.gql(CHANGE_PASSWORD, { input: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD } }, { token: current });
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
