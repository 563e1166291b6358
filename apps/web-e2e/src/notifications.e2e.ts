import type { Browser, BrowserContext, Page, WebSocket } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, STEP_TIMEOUT, launchBrowser, newSession, screenshot } from './support/browser.js';
import {
  askQuestion,
  expectAccessible,
  expectNoHorizontalScroll,
  registerInBrowser,
  type Account,
} from './support/api.js';
import { setRole, sharedAdminToken } from './support/staff.js';

type Session = { context: BrowserContext; page: Page; problems: string[] };

let browser: Browser;
let asker: Account;
let mentor: Account;
let askerSession: Session;
let mentorSession: Session;
const run = Date.now().toString(36);
const title = `How do I run my first project retrospective? ${run}`;
let questionId: string;

/** Resolves when the page's live socket has sent a `subscribe` for `operationName`. */
function subscribed(page: Page, operationName: string): Promise<void> {
  const sentOn = (ws: WebSocket) =>
    ws.waitForEvent('framesent', {
      predicate: (frame) => {
        const text = typeof frame.payload === 'string' ? frame.payload : frame.payload.toString('utf8');
        return text.includes('"type":"subscribe"') && text.includes(`"operationName":"${operationName}"`);
      },
      timeout: STEP_TIMEOUT,
    });
  return new Promise<void>((resolve, reject) => {
    page.on('websocket', (ws) => void sentOn(ws).then(() => resolve(), reject));
  });
}

/** No sideways scrolling at 375 px, and axe finds nothing serious, on the page shown. */
async function checkPage(page: Page, name: string) {
  await expectAccessible(page, name);
  await page.setViewportSize(PHONE);
  await expectNoHorizontalScroll(page);
  await screenshot(page, `${name}-375`);
  await page.setViewportSize(DESKTOP);
}

beforeAll(async () => {
  browser = await launchBrowser();
  askerSession = await newSession(browser);
  mentorSession = await newSession(browser);
  asker = await registerInBrowser(askerSession.page, 'asker', 'Nia Asker');
  mentor = await registerInBrowser(mentorSession.page, 'mentor', 'Omar Mentor');
  await setRole(await sharedAdminToken(), mentor.handle, 'MENTOR');
  await mentorSession.page.reload();
  await mentorSession.page.getByTestId('current-user').waitFor();
  questionId = await askQuestion(
    asker.token,
    title,
    'I lead a small team and want our first retrospective to be useful, not a blame session. How should I run it?',
    ['retrospectives'],
  );
});

afterAll(async () => {
  await browser?.close();
});

describe('notifications in the browser', () => {
  it('the asker’s open question page shows the mentor’s answer live, the bell counts it, and the inbox links to the exact answer', async () => {
    const { page } = askerSession;
    const live = Promise.all([subscribed(page, 'QuestionActivity'), subscribed(page, 'NotificationAdded')]);
    await page.goto(`/q/${questionId}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByRole('link', { name: 'Notifications, none unread' }).waitFor();
    // Askers follow their questions.
    await page.getByRole('button', { name: 'Follow this question', pressed: true }).waitFor();
    await live;

    const m = mentorSession.page;
    await m.goto(`/q/${questionId}`);
    await m
      .getByRole('textbox', { name: 'Answer' })
      .fill('Use a simple start–stop–continue format, go first yourself, and agree on one action with an owner.');
    await m.getByRole('button', { name: 'Post your answer' }).click();
    await m.getByRole('heading', { name: '1 answer' }).waitFor();

    // No reload on the asker's side: the answer, the polite announcement and the bell.
    await page.getByRole('listitem', { name: 'Answer by Omar Mentor' }).waitFor();
    await page.getByRole('heading', { name: '1 answer' }).waitFor();
    await page.getByRole('link', { name: 'Notifications, 1 unread' }).waitFor();
    expect(await page.getByTestId('live-announcement').textContent()).toBe('1 new answer');
    expect(await page.getByTestId('live-announcement').getAttribute('aria-live')).toBe('polite');
    const answerId = (await page.getByRole('listitem', { name: 'Answer by Omar Mentor' }).getAttribute('id'))?.replace(
      'answer-',
      '',
    );
    expect(answerId).toBeTruthy();
    await expectAccessible(page, 'question page with a live answer and the follow button');

    await page.getByRole('link', { name: 'Notifications, 1 unread' }).click();
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    const item = page.getByTestId('notification').filter({ hasText: 'Omar Mentor' });
    await item.waitFor();
    expect(await item.getAttribute('class')).toContain('notification--unread');
    await screenshot(page, 'notifications-inbox-1280');
    await checkPage(page, 'notifications-inbox');

    await item.getByRole('link').click();
    await page.waitForURL((url) => url.pathname === `/q/${questionId}` && url.hash === `#answer-${answerId}`);
    const answer = page.locator(`#answer-${answerId}`);
    await expect.poll(() => answer.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect
      .poll(() =>
        answer.evaluate(
          (el) => el.getBoundingClientRect().top < window.innerHeight && el.getBoundingClientRect().bottom > 0,
        ),
      )
      .toBe(true);
    // Opened: read, and the bell says so.
    await page.getByRole('link', { name: 'Notifications, none unread' }).waitFor();
    expect(askerSession.problems).toEqual([]);
    expect(mentorSession.problems).toEqual([]);
  });

  it('settings and following pages: save on change, change a level, unfollow; accessible and no sideways scroll at 375 px', async () => {
    const { page } = askerSession;
    await page.goto('/settings/notifications');
    await page.getByRole('heading', { level: 1, name: 'Notification settings' }).waitFor();
    const email = page.getByRole('combobox', { name: 'Email: Answers to your questions' });
    await email.selectOption('WEEKLY');
    await page.getByTestId('settings-status').getByText('Saved: Answers to your questions.').waitFor();
    await page.reload();
    expect(await page.getByRole('combobox', { name: 'Email: Answers to your questions' }).inputValue()).toBe('WEEKLY');
    await checkPage(page, 'notification-settings');

    await page.goto(`/?tag=retrospectives`);
    await page.getByRole('heading', { name: 'Questions tagged retrospectives' }).waitFor();
    await page.getByRole('button', { name: 'Follow the tag retrospectives', pressed: false }).click();
    await page.getByRole('button', { name: 'Follow the tag retrospectives', pressed: true }).waitFor();

    await page.goto('/following');
    const tagLevel = page.getByRole('combobox', { name: 'Level for retrospectives' });
    expect(await tagLevel.inputValue()).toBe('WATCHING_FIRST_POST');
    await tagLevel.selectOption('WATCHING');
    await page.getByTestId('following-status').getByText('retrospectives: Watching.').waitFor();
    await page.getByRole('link', { name: title }).waitFor();
    await checkPage(page, 'following');

    await page.getByRole('button', { name: `Unfollow ${title}` }).click();
    await page.getByTestId('following-status').getByText(`You no longer follow ${title}.`).waitFor();
    await page.getByRole('link', { name: title }).waitFor({ state: 'detached' });
    expect(askerSession.problems).toEqual([]);
  });
});
