import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { auditPage } from './axe-harness.js';
import { baseUrl, uniqueHandle } from './browser.js';

/** Calls the API directly (test data is faster to make here than by clicking). */
export async function gql<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'apollo-require-preflight': 'true',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

export interface Account {
  id: string;
  handle: string;
  email: string;
  password: string;
  displayName: string;
  token: string;
}

export async function registerUser(
  prefix: string,
  displayName = `${prefix[0]?.toUpperCase()}${prefix.slice(1)} Tester`,
): Promise<Account> {
  const handle = uniqueHandle(prefix);
  const email = `${handle}@example.com`;
  const password = 'a long enough password';
  const data = await gql<{ register: { accessToken: string; user: { id: string } } }>(
    `mutation($i: RegisterInput!) { register(input: $i) { accessToken user { id } } }`,
    { i: { handle, email, password, displayName } },
  );
  return { id: data.register.user.id, handle, email, password, displayName, token: data.register.accessToken };
}

/**
 * An account created `days` ago (the API's test-only route, on with TEST_ROUTES=true): past the
 * new-account limits, so a suite can post several questions without waiting them out.
 */
export async function registerAgedUser(prefix: string, displayName?: string, days = 7): Promise<Account> {
  const account = await registerUser(prefix, displayName);
  const res = await fetch(`${baseUrl}/test/accounts/${account.handle}/age?days=${days}`, { method: 'POST' });
  if (res.status !== 204) throw new Error(`ageing ${account.handle} failed: HTTP ${res.status} ${await res.text()}`);
  return account;
}

export async function adminToken(): Promise<string> {
  const data = await gql<{ login: { accessToken: string } }>(
    `mutation($i: LoginInput!) { login(input: $i) { accessToken } }`,
    {
      i: { email: 'admin@crossroads.local', password: 'crossroads-admin' },
    },
  );
  return data.login.accessToken;
}

export async function askQuestion(token: string, title: string, body: string, tags: string[]): Promise<string> {
  const data = await gql<{ askQuestion: { id: string } }>(
    `mutation($i: AskQuestionInput!) { askQuestion(input: $i) { id } }`,
    { i: { title, body, tags } },
    token,
  );
  return data.askQuestion.id;
}

export async function postAnswer(token: string, questionId: string, body: string): Promise<string> {
  const data = await gql<{ postAnswer: { id: string } }>(
    `mutation($i: PostAnswerInput!) { postAnswer(input: $i) { id } }`,
    { i: { questionId, body } },
    token,
  );
  return data.postAnswer.id;
}

export async function addComment(
  token: string,
  targetId: string,
  targetType: 'QUESTION' | 'ANSWER',
  body: string,
): Promise<{ id: string; status: string }> {
  const data = await gql<{ addComment: { id: string; status: string } }>(
    `mutation($i: AddCommentInput!) { addComment(input: $i) { id status } }`,
    { i: { targetId, targetType, body } },
    token,
  );
  return data.addComment;
}

export async function approveComment(token: string, commentId: string): Promise<void> {
  await gql(
    `mutation($i: ModerateCommentInput!) { moderateComment(input: $i) { id } }`,
    { i: { commentId, decision: 'APPROVE' } },
    token,
  );
}

/**
 * Creates an account from inside this page's browser session, so the session holds its refresh
 * cookie and is signed in (sign-in attempts are throttled per IP, registrations are not).
 */
export async function registerInBrowser(page: Page, prefix: string, displayName: string): Promise<Account> {
  const handle = uniqueHandle(prefix);
  const email = `${handle}@example.com`;
  const password = 'a long enough password';
  const res = await page.request.post('/graphql', {
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
    data: {
      query: `mutation($i: RegisterInput!) { register(input: $i) { accessToken user { id } } }`,
      variables: { i: { handle, email, password, displayName } },
    },
  });
  const body = (await res.json()) as {
    data: { register: { accessToken: string; user: { id: string } } } | null;
    errors?: unknown[];
  };
  const registered = body.data?.register;
  if (!registered) throw new Error(`register failed: ${JSON.stringify(body.errors)}`);
  await page.goto('/');
  await page.getByTestId('current-user').waitFor();
  return { id: registered.user.id, handle, email, password, displayName, token: registered.accessToken };
}

/** Runs axe-core in the page now and fails on any serious or critical violation (`what` names the state). */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const violations = await auditPage(page, true);
  expect(
    violations.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.targets.slice(0, 3).join(', ')})`),
    `axe on ${what}`,
  ).toEqual([]);
}

/** The page does not overflow sideways (responsive at this width). */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}
