import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STEP_TIMEOUT, baseUrl, launchBrowser, newSession, screenshot } from './support/browser.js';
import { expectAccessible, registerUser } from './support/api.js';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface KeptMail {
  to: string;
  subject: string;
  text: string;
}

/** The newest email to `to` whose text holds `path`, as the development mailbox shows it (the mail job runs on its own). */
async function mailTo(to: string, path: string): Promise<KeptMail> {
  let found: KeptMail | undefined;
  await expect
    .poll(
      async () => {
        const { messages } = (await (await fetch(`${baseUrl}/dev/mail/messages?limit=200`)).json()) as {
          messages: KeptMail[];
        };
        found = messages.find((m) => m.to.includes(to) && m.text.includes(path));
        return Boolean(found);
      },
      { timeout: STEP_TIMEOUT },
    )
    .toBe(true);
  if (!found) throw new Error(`no email to ${to}`);
  return found;
}

async function signInInBrowser(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByTestId('current-user').waitFor();
  // The sign-in page moves on once signed in; wait for it, or a menu opened meanwhile closes with the navigation.
  await page.waitForURL((url) => url.pathname === '/');
}

describe('password reset in the browser', () => {
  it('asks for a link, follows it from the email, sets a new password, and a used link says so', async () => {
    const account = await registerUser('reset');
    const { context, page } = await newSession(browser);
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Forgot your password?' }).waitFor();
    await page.getByLabel('Email').fill(account.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByTestId('reset-requested').waitFor();

    const mail = await mailTo(account.email, '/reset-password?token=');
    const link = /https?:\/\/\S+\/reset-password\?token=[\w%-]+/.exec(mail.text)?.[0] ?? '';
    expect(link).toContain('/reset-password?token=');
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    await expectAccessible(page, 'reset-password form');
    await page.getByLabel('New password', { exact: true }).fill('seven violet lanterns over the harbour');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.getByText('Your new password is saved.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/settings/sessions');
    await page.getByTestId('current-user').waitFor();

    // The link worked once.
    await page.goto(link);
    await page.getByLabel('New password', { exact: true }).fill('another long harbour password here');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.getByRole('heading', { level: 1, name: 'This password reset link no longer works' }).waitFor();
    await page.getByRole('link', { name: 'Ask for a new link' }).waitFor();
    await screenshot(page, 'reset-link-used');

    // The new password signs in; the old one does not.
    const other = await newSession(browser);
    await signInInBrowser(other.page, account.email, 'seven violet lanterns over the harbour');
    await other.context.close();
    await context.close();
  });
});

describe('avatar upload in the browser', () => {
  it('uploads a photo, shows it in the settings and the header, and explains a file that is not an image', async () => {
    const account = await registerUser('avatar');
    const { context, page } = await newSession(browser);
    await signInInBrowser(page, account.email, account.password);
    await page.getByRole('button', { name: new RegExp(account.displayName) }).click();
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Profile' }).waitFor();

    const photo = await sharp({
      create: { width: 900, height: 600, channels: 3, background: { r: 30, g: 120, b: 90 } },
    })
      .jpeg()
      .toBuffer();
    await page.getByLabel('Upload an avatar').setInputFiles({ name: 'me.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.getByText('Your new avatar is saved.').waitFor();
    const image = page.getByTestId('avatar-image');
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(128);
    await expect
      .poll(() =>
        page.getByTestId('header-avatar').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth),
      )
      .toBe(48);
    await expectAccessible(page, 'profile settings with an avatar');
    await screenshot(page, 'settings-profile-avatar');

    await page.getByLabel('Change avatar').setInputFiles({
      name: 'notes.png',
      mimeType: 'image/png',
      buffer: Buffer.from('these are my notes, not a picture'),
    });
    await page.getByText('The file must be a JPEG, PNG or WebP image.').waitFor();
    // The earlier avatar stays.
    expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(128);
    await context.close();
  });
});

describe('OpenID Connect sign-in in the browser', () => {
  /** Starts at the sign-in page, signs in at the provider's own page as `email` (or cancels there). */
  async function throughProvider(page: Page, email: string, action: 'Continue' | 'Cancel' = 'Continue') {
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Sign in with Test ID' }).click();
    await page.getByRole('heading', { name: 'Sign in to Test ID' }).waitFor();
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: action }).click();
  }

  it('creates an account on the first sign-in with the provider', async () => {
    const { context, page } = await newSession(browser);
    const email = `dana.${Date.now()}@idp.example`;
    await throughProvider(page, email);
    await page.getByTestId('current-user').waitFor();
    expect(await page.getByTestId('current-user').innerText()).toContain(`${email.split('@')[0]} (provider)`);
    expect(new URL(page.url()).pathname).toBe('/');
    await page.goto('/settings/sign-ins');
    await page.getByTestId('linked-sign-ins').getByText(`Test ID (${email})`).waitFor();
    await screenshot(page, 'settings-linked-sign-ins');
    await context.close();
  });

  it('links to an existing account after its password, and says so when cancelled or unverified', async () => {
    const account = await registerUser('linker');
    const { context, page } = await newSession(browser);
    await throughProvider(page, account.email);
    await page.getByRole('heading', { level: 1, name: 'You already have an account' }).waitFor();
    await page.getByLabel('Crossroads password').fill(account.password);
    await page.getByRole('button', { name: 'Link and sign in' }).click();
    await page.getByTestId('current-user').waitFor();
    expect(await page.getByTestId('current-user').innerText()).toContain(`@${account.handle}`);
    await context.close();

    const cancelled = await newSession(browser);
    await throughProvider(cancelled.page, `erin.${Date.now()}@idp.example`, 'Cancel');
    await cancelled.page.getByTestId('oidc-error').getByText('Sign-in was cancelled at the provider.').waitFor();
    expect(await cancelled.page.getByTestId('current-user').count()).toBe(0);
    await cancelled.context.close();

    const unverified = await newSession(browser);
    await throughProvider(unverified.page, `unverified.${Date.now()}@idp.example`);
    await unverified.page
      .getByTestId('oidc-error')
      .getByText(/has not verified your email address/)
      .waitFor();
    expect(await unverified.page.getByTestId('current-user').count()).toBe(0);
    await unverified.context.close();
  });
});
