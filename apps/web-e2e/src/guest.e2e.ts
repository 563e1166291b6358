import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, launchBrowser, newSession, screenshot } from './support/browser.js';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('as a guest', () => {
  it('sees Crossroads, its tagline and the sign-in links on the home page, with no script or CSP errors', async () => {
    const { context, page, problems } = await newSession(browser, DESKTOP);
    await page.goto('/');

    await page.getByRole('heading', { level: 1, name: 'Crossroads' }).waitFor();
    expect(await page.getByText('Ask, answer and find a mentor').count()).toBe(1);
    const account = page.getByRole('navigation', { name: 'Account' });
    await account.getByRole('link', { name: 'Sign in' }).waitFor();
    await account.getByRole('link', { name: 'Sign up' }).waitFor();
    expect(await page.title()).toBe('Crossroads');
    await screenshot(page, 'home-guest-1280');

    await page.setViewportSize(PHONE);
    await screenshot(page, 'home-guest-375');
    const overflows = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflows).toBe(false);

    expect(problems).toEqual([]);
    await context.close();
  });

  it('gets the not-found page for an unknown path', async () => {
    const { context, page } = await newSession(browser);
    const response = await page.goto('/no/such/page');
    expect(response?.status()).toBe(200); // the server hands every page path to the app

    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    expect(await page.locator('main code').textContent()).toBe('/no/such/page');
    expect(await page.title()).toBe('Page not found · Crossroads');
    await screenshot(page, 'not-found');

    await page.getByRole('link', { name: 'Go to the home page' }).click();
    await page.getByRole('heading', { level: 1, name: 'Crossroads' }).waitFor();
    await context.close();
  });
});
