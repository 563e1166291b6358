import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { baseUrl } from './browser.js';
import { registerInBrowser, type Account } from './api.js';

/** A GraphQL call that returns errors instead of throwing (to read extensions.code). */
export async function gqlRaw(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'apollo-require-preflight': 'true',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as {
    data?: Record<string, unknown>;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}

/**
 * The development admin's access token, shared by the files of this run (cached next to the run's
 * port). The test API starts with SIGN_IN_LIMIT_PER_MINUTE raised, so a sign-in is never throttled.
 */
export async function sharedAdminToken(): Promise<string> {
  const cache = join(tmpdir(), `crossroads-e2e-admin-${new URL(baseUrl).port}.json`);
  if (existsSync(cache)) {
    const { token, expiresAt } = JSON.parse(readFileSync(cache, 'utf8')) as { token: string; expiresAt: string };
    if (Date.parse(expiresAt) - Date.now() > 120_000) return token;
  }
  const body = await gqlRaw(`mutation($i: LoginInput!) { login(input: $i) { accessToken accessTokenExpiresAt } }`, {
    i: { email: 'admin@crossroads.local', password: 'crossroads-admin' },
  });
  const login = body.data?.['login'] as { accessToken: string; accessTokenExpiresAt: string } | undefined;
  if (!login) throw new Error(`admin login failed: ${JSON.stringify(body.errors)}`);
  writeFileSync(cache, JSON.stringify({ token: login.accessToken, expiresAt: login.accessTokenExpiresAt }));
  return login.accessToken;
}

export async function setRole(
  adminToken: string,
  handle: string,
  role: 'MEMBER' | 'MENTOR' | 'MODERATOR' | 'ADMIN',
): Promise<void> {
  const body = await gqlRaw(
    `mutation($i: SetRoleInput!) { setRole(input: $i) { id role } }`,
    { i: { handle, role } },
    adminToken,
  );
  if (body.errors?.length) throw new Error(`setRole failed: ${JSON.stringify(body.errors)}`);
}

/**
 * A browser session signed in as a new account with a staff role: registered in the browser (no
 * sign-in attempt), promoted by the admin, then reloaded so the refreshed token carries the role.
 */
export async function staffInBrowser(
  page: Page,
  adminToken: string,
  prefix: string,
  displayName: string,
  role: 'MODERATOR' | 'ADMIN',
): Promise<Account> {
  const account = await registerInBrowser(page, prefix, displayName);
  await setRole(adminToken, account.handle, role);
  await page.reload();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Moderation' }).waitFor();
  return account;
}
