import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, fieldError, launchBrowser, newSession, screenshot, uniqueHandle } from './support/browser.js';
import { expectAccessible } from './support/api.js';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];

const account = {
  displayName: 'Grace Hopper',
  handle: uniqueHandle('grace'),
  email: `grace.${Date.now()}@example.com`,
  password: 'a long enough password',
};

beforeAll(async () => {
  browser = await launchBrowser();
  ({ context, page, problems } = await newSession(browser));
});

afterAll(async () => {
  await browser?.close();
});

const header = () => page.getByRole('navigation', { name: 'Account' });

async function expectSignedIn(p: Page = page) {
  const user = p.getByTestId('current-user');
  await user.waitFor();
  expect((await user.innerText()).replace(/\s+/g, ' ')).toBe(`${account.displayName} @${account.handle}`);
  await p.getByRole('button', { name: `${account.displayName} @${account.handle}` }).waitFor();
}

/** Every Web Storage value, so a test can prove the access token is not kept there. */
const webStorage = (p: Page) =>
  p.evaluate(() => {
    const all = (s: Storage) => Array.from({ length: s.length }, (_, i) => `${s.key(i)}=${s.getItem(s.key(i) ?? '')}`);
    return [...all(localStorage), ...all(sessionStorage)];
  });

// The flows build on each other (sign up → reload → sign out → sign in), so they run in order.
describe('accounts in the browser', () => {
  it('a visitor signs up through the form and then sees their name in the header', async () => {
    await page.goto('/');
    await header().getByRole('link', { name: 'Sign up' }).click();
    await page.getByRole('heading', { level: 1, name: 'Create your account' }).waitFor();

    await page.getByLabel('Name').fill(account.displayName);
    await page.getByLabel('Handle').fill(account.handle);
    await page.getByLabel('Email').fill(account.email);
    // The strength meter (zxcvbn-ts, loaded on demand) explains a weak password, then approves a strong one.
    const password = page.getByLabel('Password', { exact: true });
    await password.fill('aaaaaaaaaaaa');
    const meter = page.getByRole('meter', { name: 'Password strength' });
    await page.locator('[role="meter"][aria-valuetext="Very weak"]').waitFor();
    expect(await page.getByTestId('password-meter').innerText()).toMatch(/Repeated characters/);
    await password.fill(account.password);
    await page.locator('[role="meter"][aria-valuetext="Very strong"]').waitFor();
    expect(await meter.getAttribute('aria-valuenow')).toBe('4');
    await expectAccessible(page, 'sign-up form with the strength meter');
    await screenshot(page, 'sign-up-filled');
    await page.getByRole('button', { name: 'Create account' }).click();

    await expectSignedIn();
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByText(`Welcome back, ${account.displayName}.`).waitFor();
    await screenshot(page, 'home-signed-in-1280');
  });

  it('stays signed in after a reload (refresh cookie), with no token in Web Storage', async () => {
    const refreshed = page.waitForResponse(
      async (r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('RefreshSession'),
    );
    await page.reload();
    const body = (await (await refreshed).json()) as { data?: { refreshSession?: { accessToken: string } } };
    const token = body.data?.refreshSession?.accessToken;
    expect(token).toBeTruthy();

    await expectSignedIn();
    const stored = await webStorage(page);
    expect(stored.filter((v) => v.includes(token ?? '<none>') || /eyJ[\w-]+\.[\w-]+\./.test(v))).toEqual([]);

    const cookie = (await context.cookies()).find((c) => c.name === 'crossroads_refresh');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/graphql' });

    await page.setViewportSize(PHONE);
    await screenshot(page, 'home-signed-in-375');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('signs out, stays signed out after a reload, and signs back in through the form', async () => {
    // Sign out lives in the account menu.
    await header()
      .getByRole('button', { name: `${account.displayName} @${account.handle}` })
      .click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await header().getByRole('link', { name: 'Sign in' }).waitFor();
    await page.reload();
    await header().getByRole('link', { name: 'Sign in' }).waitFor();
    expect(await page.getByTestId('current-user').count()).toBe(0);

    await header().getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByLabel('Email').fill(account.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('Email or password is incorrect.').waitFor();
    await screenshot(page, 'sign-in-wrong-password');

    await page.getByLabel('Password').fill(account.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectSignedIn();
    expect(new URL(page.url()).pathname).toBe('/');
  });

  it("shows the server's error next to the handle field when the handle is taken", async () => {
    const other = await newSession(browser, PHONE);
    await other.page.goto('/sign-up');
    await other.page.getByLabel('Name').fill('Someone Else');
    await other.page.getByLabel('Handle').fill(account.handle);
    await other.page.getByLabel('Email').fill(`someone.${Date.now()}@example.com`);
    await other.page.getByLabel('Password').fill('another long password');
    await other.page.getByRole('button', { name: 'Create account' }).click();

    const handle = other.page.getByLabel('Handle');
    await other.page.getByText('That handle is already registered.').waitFor();
    expect(await fieldError(handle)).toBe('That handle is already registered.');
    expect(await handle.getAttribute('aria-invalid')).toBe('true');
    expect(await fieldError(other.page.getByLabel('Email'))).toBeNull();
    expect(await handle.evaluate((el) => el === document.activeElement)).toBe(true);
    await screenshot(other.page, 'sign-up-handle-taken-375');
    await other.context.close();
  });

  it('logged no script or CSP errors along the way', () => {
    expect(problems).toEqual([]);
  });
});
