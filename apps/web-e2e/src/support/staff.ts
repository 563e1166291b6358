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
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: Record<string, unknown>; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

/**
 * The development admin's access token. Sign-in is limited to 5 a minute per IP, so one token is
 * shared by the files of this run (cached next to the run's port) and a RATE_LIMITED answer waits.
 */
export async function sharedAdminToken(): Promise<string> {
  const cache = join(tmpdir(), `crossroads-e2e-admin-${new URL(baseUrl).port}.json`);
  if (existsSync(cache)) {
    const { token, expiresAt } = JSON.parse(readFileSync(cache, 'utf8')) as { token: string; expiresAt: string };
    if (Date.parse(expiresAt) - Date.now() > 120_000) return token;
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    const body = await gqlRaw(`mutation($i: LoginInput!) { login(input: $i) { accessToken accessTokenExpiresAt } }`, {
      i: { email: 'admin@crossroads.local', password: 'crossroads-admin' },
    });
    const login = body.data?.['login'] as { accessToken: string; accessTokenExpiresAt: string } | undefined;
    if (login) {
      writeFileSync(cache, JSON.stringify({ token: login.accessToken, expiresAt: login.accessTokenExpiresAt }));
      return login.accessToken;
    }
    const limited = body.errors?.find((e) => e.extensions?.['code'] === 'RATE_LIMITED');
    if (!limited) throw new Error(`admin login failed: ${JSON.stringify(body.errors)}`);
    const wait = Number(limited.extensions?.['retryAfterSeconds'] ?? 20);
    await new Promise((r) => setTimeout(r, Math.min(Math.max(wait, 1), 25) * 1000));
  }
  throw new Error('admin login stayed rate limited');
}

export async function setRole(adminToken: string, handle: string, role: 'MEMBER' | 'MENTOR' | 'MODERATOR' | 'ADMIN'): Promise<void> {
  const body = await gqlRaw(`mutation($i: SetRoleInput!) { setRole(input: $i) { id role } }`, { i: { handle, role } }, adminToken);
  if (body.errors?.length) throw new Error(`setRole failed: ${JSON.stringify(body.errors)}`);
}

/**
 * A browser session signed in as a new account with a staff role: registered in the browser (no
 * sign-in attempt), promoted by the admin, then reloaded so the refreshed token carries the role.
 */
export async function staffInBrowser(page: Page, adminToken: string, prefix: string, displayName: string, role: 'MODERATOR' | 'ADMIN'): Promise<Account> {
  const account = await registerInBrowser(page, prefix, displayName);
  await setRole(adminToken, account.handle, role);
  await page.reload();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Moderation' }).waitFor();
  return account;
}
