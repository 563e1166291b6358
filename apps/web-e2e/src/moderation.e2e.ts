import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, launchBrowser, newSession, screenshot } from './support/browser.js';
import {
  askQuestion,
  expectAccessible,
  expectNoHorizontalScroll,
  gql,
  registerInBrowser,
  registerUser,
  type Account,
} from './support/api.js';
import { sharedAdminToken, staffInBrowser } from './support/staff.js';

type Session = { context: BrowserContext; page: Page; problems: string[] };

let browser: Browser;
let admin: string;
let moderator: Account;
let modSession: Session;
let questionId: string;
const run = Date.now().toString(36);
const questionTitle = `How do I explain a career break when moving into a PMO ${run}?`;

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await sharedAdminToken();
  modSession = await newSession(browser);
  moderator = await staffInBrowser(modSession.page, admin, 'mod', 'Morgan Moderator', 'MODERATOR');
  const asker = await registerUser('modq', 'Quinn Asker');
  questionId = await askQuestion(
    asker.token,
    questionTitle,
    'I took two years off to care for family. How should I explain the gap when I apply for PMO analyst roles?',
    ['pmo', 'career-change'],
  );
});

afterAll(async () => {
  await browser?.close();
});

describe('moderation', () => {
  it('guests are sent to sign in and members see the forbidden page', async () => {
    const { context, page } = await newSession(browser);
    await page.goto('/moderation');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(new URL(page.url()).searchParams.get('next')).toBe('/moderation');
    await registerInBrowser(page, 'memb', 'Mel Member');
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Moderation' }).count()).toBe(
      0,
    );
    await page.goto('/moderation');
    await page.getByRole('heading', { level: 1, name: 'You don’t have access to this page' }).waitFor();
    await context.close();
  });

  it('a held guest comment is approved from the queue with one keystroke and then shows on the question page', async () => {
    const body = `Thanks, this is really useful for my own move ${run}.`;
    const held = await gql<{ addComment: { id: string; status: string } }>(
      `mutation($i: AddCommentInput!) { addComment(input: $i) { id status } }`,
      {
        i: {
          targetId: questionId,
          targetType: 'QUESTION',
          body,
          guestName: 'Gus Guest',
          guestEmail: 'gus@example.com',
        },
      },
    );
    expect(held.addComment.status).toBe('PENDING');

    const { page, problems } = modSession;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Moderation' }).click();
    await page.getByRole('heading', { level: 2, name: /Held comments/ }).waitFor();
    const item = page.getByTestId('queue-item').filter({ hasText: body });
    await item.waitFor();
    await item.getByText('Guest comment').waitFor();
    await item.getByText('gus@example.com').waitFor();
    await item.getByRole('link', { name: questionTitle }).waitFor();
    await expectAccessible(page, 'moderation queue');
    await screenshot(page, 'moderation-queue-1280');
    await page.setViewportSize(PHONE);
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'moderation-queue-375');
    await page.setViewportSize(DESKTOP);

    // Keyboard only: focus the item and press A.
    await item.focus();
    await page.keyboard.press('a');
    await page.getByTestId('queue-announcement').getByText('Approved: comment by Gus Guest (guest).').waitFor();
    await item.waitFor({ state: 'detached' });
    const focused = await page.evaluate(
      () => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.className ?? '',
    );
    expect(['queue-item', 'queue-empty']).toContain(focused);

    const guest = await newSession(browser);
    await guest.page.goto(`/q/${questionId}`);
    await guest.page.getByRole('heading', { level: 1, name: questionTitle }).waitFor();
    await guest.page.locator('.comment__body', { hasText: body }).waitFor();
    expect(await guest.page.getByText('gus@example.com').count()).toBe(0);
    await guest.context.close();
    expect(problems).toEqual([]);
  });

  it('a moderator suspends a member, who then cannot post (FORBIDDEN shown); the log lists it', async () => {
    const member = await newSession(browser);
    const account = await registerInBrowser(member.page, 'susp', 'Sid Suspended');

    const { page } = modSession;
    await page.goto('/moderation');
    await page.getByRole('navigation', { name: 'Moderation' }).getByRole('link', { name: 'Suspensions' }).click();
    await page.getByRole('heading', { level: 2, name: 'Suspensions' }).waitFor();
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'Suspend a member' }) });
    await form.getByRole('button', { name: 'Suspend' }).click();
    await form.getByText('Enter the member’s handle.').waitFor();
    await form.getByLabel('Handle').fill(account.handle);
    await form.getByLabel('Days').fill('3');
    await form.getByLabel('Reason', { exact: true }).fill('Repeated self-promotion in comments');
    await form.getByRole('button', { name: 'Suspend' }).click();
    await page.getByText(`@${account.handle} is suspended until`).waitFor();
    await expectAccessible(page, 'suspensions');
    await screenshot(page, 'moderation-suspensions-1280');
    await page.setViewportSize(PHONE);
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'moderation-suspensions-375');
    await page.setViewportSize(DESKTOP);

    await member.page.goto(`/q/${questionId}`);
    await member.page
      .getByRole('textbox', { name: 'Answer' })
      .fill('Be honest about the break and show what you learned while caring for family.');
    await member.page.getByRole('button', { name: 'Post your answer' }).click();
    await member.page
      .getByRole('alert')
      .getByText(/Your account is suspended/)
      .waitFor();
    await screenshot(member.page, 'suspended-member-cannot-post');
    await member.context.close();

    // The audit log, filtered by action, with Load more when there is more.
    await page.getByRole('navigation', { name: 'Moderation' }).getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { level: 2, name: 'Audit log' }).waitFor();
    await page.getByLabel('Action').selectOption('SUSPEND');
    await page.getByLabel('Moderator (handle)').fill(moderator.handle);
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/action=SUSPEND/);
    // The filtered page replaces the unfiltered one (which also holds this row): wait for it to settle.
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="log-row"]').length === 1);
    await page.getByTestId('log-row').filter({ hasText: 'Repeated self-promotion in comments' }).waitFor();
    expect(await page.getByTestId('log-row').count()).toBe(1);
    await expectAccessible(page, 'audit log');
    await screenshot(page, 'moderation-log-1280');
    await page.setViewportSize(PHONE);
    await expectNoHorizontalScroll(page);
    await page.setViewportSize(DESKTOP);

    await page.getByRole('navigation', { name: 'Moderation' }).getByRole('link', { name: 'Flags' }).click();
    await page.getByRole('heading', { level: 2, name: 'Flagged posts' }).waitFor();
    await page
      .getByTestId('flag')
      .or(page.getByText(/^No open flags\./))
      .first()
      .waitFor();
    await expectAccessible(page, 'flag queue');
    await screenshot(page, 'moderation-flags-1280');
    // Admin-only tabs are not offered to moderators.
    expect(await page.getByRole('link', { name: 'Word list' }).count()).toBe(0);
  });

  it('the admin edits the moderation word list and changes a role', async () => {
    const s = await newSession(browser);
    await staffInBrowser(s.page, admin, 'boss', 'Ada Admin', 'ADMIN');
    const word = `spamword${run}`;
    await s.page.goto('/moderation/words');
    const box = s.page.getByLabel('Words and phrases, one per line');
    await box.waitFor();
    const before = await box.inputValue();
    await box.fill(`${before}\n${word}\n${word.toUpperCase()}\nx`);
    await s.page.getByRole('button', { name: 'Save word list' }).click();
    await s.page.getByText('Each word or phrase must be 2–60 characters: “x” is not.').waitFor();
    await box.fill(`${before}\n${word}\n${word.toUpperCase()}`);
    await s.page.getByRole('button', { name: 'Save word list' }).click();
    await s.page.getByText(/^Saved: \d+ words/).waitFor();
    const words = await gql<{ moderationWords: string[] }>(`{ moderationWords }`, {}, admin);
    expect(words.moderationWords.map((w) => w.toLowerCase())).toContain(word);
    await expectAccessible(s.page, 'word list');
    await screenshot(s.page, 'moderation-words-1280');

    const someone = await registerUser('rolee', 'Rory Role');
    await s.page.getByRole('navigation', { name: 'Moderation' }).getByRole('link', { name: 'Roles' }).click();
    await s.page.getByLabel('Handle').fill(someone.handle);
    await s.page.getByLabel('Role', { exact: true }).selectOption('MENTOR');
    await s.page.getByRole('button', { name: 'Change role' }).click();
    await s.page.getByText(`@${someone.handle} is now mentor.`).waitFor();
    await expectAccessible(s.page, 'roles');
    await screenshot(s.page, 'moderation-roles-1280');
    await s.page.setViewportSize(PHONE);
    await expectNoHorizontalScroll(s.page);
    await screenshot(s.page, 'moderation-roles-375');
    expect(s.problems).toEqual([]);
    await s.context.close();
  });
});
