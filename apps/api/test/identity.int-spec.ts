import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TestApp, TEST_PASSWORD, codeOf, uniqueHandle, type GqlResult } from './support/test-app.js';

// Issue 12, item 11: display names and passwords at registration.
let t: TestApp;
const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { user { handle displayName } } }`;
const register = (overrides: Record<string, unknown>) => {
  const handle = uniqueHandle('id');
  return t.gql(REGISTER, {
    input: {
      email: `${handle}@example.test`,
      password: 'a long enough password',
      handle,
      displayName: 'Imogen Quill',
      ...overrides,
    },
  });
};
const refusal = (r: GqlResult) => ({ code: codeOf(r), field: r.errors?.[0]?.extensions?.field });

beforeAll(async () => {
  t = await TestApp.start();
  await t.createUser('MODERATOR', { handle: uniqueHandle('mod'), displayName: 'Sam Whitfield' });
  await t.createUser('ADMIN', { handle: 'alex-morgan', displayName: 'Alex Morgan' });
  // A member's name is not protected.
  await t.createUser('MEMBER', { displayName: 'Nora Member' });
});
afterAll(() => t.close());

describe('display names', () => {
  it('are NFKC-normalised', async () => {
    const res = await register({ displayName: 'Ｉｍｏｇｅｎ Ｑｕｉｌｌ' });
    expect(res.data?.register.user.displayName).toBe('Imogen Quill');
  });

  it.each([
    ['a right-to-left override', 'Imogen\u202ElliuQ'],
    ['a left-to-right isolate', '\u2066Imogen\u2069'],
    ['zero-width characters only', '\u200B\u200C\u200D'],
    ['a byte-order mark and a Hangul filler only', '\uFEFF\u3164'],
  ])('refuse %s', async (_what, displayName) => {
    expect(refusal(await register({ displayName }))).toEqual({ code: 'BAD_USER_INPUT', field: 'displayName' });
  });

  it.each([
    ['the same name', 'Alex Morgan'],
    ['another case and spacing', 'alex  MORGAN'],
    ['diacritics', 'Àlèx Mörgan'],
    ['Cyrillic look-alikes', 'Аlех Моrgаn'],
    ['digits for letters', 'A1ex M0rgan'],
    ['a zero-width space inside', 'Sam Whit\u200Bfield'],
    ['a staff handle', 'alex_morgan'],
  ])("refuse a look-alike of a staff member's name or handle: %s", async (_what, displayName) => {
    const res = await register({ displayName });
    expect(refusal(res)).toEqual({ code: 'BAD_USER_INPUT', field: 'displayName' });
    expect(res.errors![0].message).not.toMatch(/@|email/i);
  });

  it("refuse a handle that looks like a staff member's name", async () => {
    expect(refusal(await register({ handle: 'samwhitfield' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'handle' });
  });

  it("accept members' names and ordinary names with accents", async () => {
    expect((await register({ displayName: 'Nora Member' })).errors).toBeUndefined();
    expect((await register({ displayName: 'Lucía Fernández' })).errors).toBeUndefined();
    expect((await register({ displayName: 'Alexa Morgana' })).errors).toBeUndefined();
  });
});

describe('passwords', () => {
  it.each([
    ['11 characters', 'a1b2c3d4e5f', /12/],
    ['12 repeated letters', 'aaaaaaaaaaaa', /password/],
    ['a common password', 'password1234', /password/],
    ['a keyboard walk', 'qwertyuiop12', /password/],
  ])('refuse %s, naming the field', async (_what, password, message) => {
    const res = await register({ password });
    expect(refusal(res)).toEqual({ code: 'BAD_USER_INPUT', field: 'password' });
    expect(res.errors![0].message).toMatch(message);
    expect(res.errors![0].message).toMatch(/password/);
  });

  it("refuse a password built from the account's own handle", async () => {
    const res = await t.gql(REGISTER, {
      input: { email: 'kestrel@example.test', password: 'kestrelvortex2', handle: 'kestrelvortex', displayName: 'Pat' },
    });
    expect(refusal(res)).toEqual({ code: 'BAD_USER_INPUT', field: 'password' });
  });

  it('accept the test, demo and e2e passwords', async () => {
    for (const password of [TEST_PASSWORD, 'a long enough password', 'crossroads-demo', 'crossroads-admin']) {
      expect((await register({ password })).errors).toBeUndefined();
    }
  });
});
