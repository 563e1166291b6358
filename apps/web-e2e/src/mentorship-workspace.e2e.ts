import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, DESKTOP, launchBrowser, newSession, screenshot } from './support/browser.js';
import { expectAccessible, expectNoHorizontalScroll, gql, registerInBrowser, type Account } from './support/api.js';
import { VECTORS, expectInert } from './support/xss.js';

type Session = { context: BrowserContext; page: Page; problems: string[] };

let browser: Browser;
let mentor: Account;
let mentee: Account;
let mentorSession: Session;
let menteeSession: Session;
let mentorshipId: string;
const run = Date.now().toString(36);

beforeAll(async () => {
  browser = await launchBrowser();
  mentorSession = await newSession(browser);
  menteeSession = await newSession(browser);
  mentor = await registerInBrowser(mentorSession.page, 'wsmentor', 'Wren Mentor');
  mentee = await registerInBrowser(menteeSession.page, 'wsmentee', 'Ines Mentee');
  await gql(
    `mutation($i: MentorProfileInput!) { upsertMentorProfile(input: $i) { headline } }`,
    {
      i: { headline: `Portfolio manager helping people into PMO roles ${run}`, yearsExperience: 9, expertise: ['pmo'] },
    },
    mentor.token,
  );
  // Free every day, all day (UTC): whenever the suite runs, there are slots to pick.
  await gql(
    `mutation($i: [AvailabilityWindowInput!]!) { setAvailability(input: $i) { headline } }`,
    { i: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00', timeZone: 'UTC' })) },
    mentor.token,
  );
  const { requestMentorship } = await gql<{ requestMentorship: { id: string } }>(
    `mutation($i: RequestMentorshipInput!) { requestMentorship(input: $i) { id } }`,
    { i: { mentorHandle: mentor.handle, message: 'Could you help me plan a move into a PMO analyst role this year?' } },
    mentee.token,
  );
  mentorshipId = requestMentorship.id;
  await gql(
    `mutation($i: RespondToMentorshipInput!) { respondToMentorship(input: $i) { id } }`,
    { i: { requestId: mentorshipId, accept: true } },
    mentor.token,
  );
});

afterAll(async () => {
  await browser?.close();
});

describe('mentorship workspace', () => {
  it('the mentor sees their availability on their profile page and saves a date off', async () => {
    const { page } = mentorSession;
    await page.goto('/mentor/profile');
    await page.getByRole('heading', { level: 2, name: 'When mentees can book you' }).waitFor();
    expect(await page.getByLabel('Your time zone').inputValue()).toBe('UTC');
    expect(await page.getByRole('group', { name: /^Window \d/ }).count()).toBe(7);
    await page.getByLabel('Dates off').fill('2031-12-25');
    await page.getByRole('button', { name: 'Save availability' }).click();
    await page.getByText('Availability saved.').waitFor();
    await expectAccessible(page, 'availability editor');
    const { user } = await gql<{ user: { mentorProfile: { availabilityExceptions: string[] } } }>(
      `query($h: String!) { user(handle: $h) { mentorProfile { availabilityExceptions } } }`,
      { h: mentor.handle },
      mentor.token,
    );
    expect(user.mentorProfile.availabilityExceptions).toEqual(['2031-12-25']);
  });

  it('the mentee opens the workspace from My mentorships and books a slot by keyboard', async () => {
    const { page, problems } = menteeSession;
    await page.goto('/mentorships');
    await page.getByRole('link', { name: 'Open workspace with Wren Mentor' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mentorship with Wren Mentor' }).waitFor();
    const times = page.getByRole('group', { name: /^Time/ });
    await times.getByRole('radio').first().waitFor();
    await expectAccessible(page, 'mentorship workspace');
    // Keyboard only: focus the first time, move to the next one with the arrow key, book.
    await times.getByRole('radio').first().focus();
    await page.keyboard.press('ArrowRight');
    const picked = await times.getByRole('radio', { checked: true }).getAttribute('value');
    expect(picked).toBeTruthy();
    await page.getByRole('button', { name: 'Book session' }).focus();
    await page.keyboard.press('Enter');
    await page
      .getByTestId('booking-status')
      .getByText(/^Booked:/)
      .waitFor();
    await page.getByTestId('session').first().getByText('Scheduled').waitFor();
    const ics = await page
      .getByTestId('session')
      .first()
      .getByRole('link', { name: 'Add to calendar (.ics)' })
      .getAttribute('href');
    expect(ics).toMatch(/\/calendar\/sessions\/[0-9a-f-]+\.ics\?u=/);
    await expectAccessible(page, 'mentorship workspace after booking');
    await page.setViewportSize(PHONE);
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'mentorship-workspace-375');
    await page.setViewportSize(DESKTOP);
    expect(problems).toEqual([]);
  });

  it('both exchange messages live, without reloading', async () => {
    const mentorPage = mentorSession.page;
    const menteePage = menteeSession.page;
    await mentorPage.goto(`/mentorships/${mentorshipId}`);
    await mentorPage.getByRole('heading', { level: 1, name: 'Mentorship with Ines Mentee' }).waitFor();
    await menteePage.goto(`/mentorships/${mentorshipId}`);
    await menteePage.getByRole('heading', { level: 1, name: 'Mentorship with Wren Mentor' }).waitFor();

    await menteePage.getByLabel('Your message').fill('Hello! I would like to work on **stakeholder maps** first.');
    await menteePage.getByRole('button', { name: 'Send' }).click();
    await mentorPage.getByTestId('thread').getByText('stakeholder maps').waitFor();
    expect(await mentorPage.getByTestId('thread').locator('strong', { hasText: 'stakeholder maps' }).count()).toBe(1);

    await mentorPage.getByLabel('Your message').fill('Great, bring one from your current project on Thursday.');
    await mentorPage.getByRole('button', { name: 'Send' }).click();
    await menteePage.getByTestId('thread').getByText('bring one from your current project').waitFor();
    await expectAccessible(mentorPage, 'mentorship thread (mentor)');
    expect(mentorSession.problems).toEqual([]);
    expect(menteeSession.problems).toEqual([]);
  });

  it('messages with every XSS vector render inert', async () => {
    await gql(
      `mutation($i: SendMentorshipMessageInput!) { sendMentorshipMessage(input: $i) { id } }`,
      { i: { mentorshipId, body: `Vectors:\n\n${VECTORS.join('\n\n')}` } },
      mentee.token,
    );
    const { page } = mentorSession;
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`/mentorships/${mentorshipId}`);
    await page.getByTestId('thread').getByText('Vectors:').waitFor();
    // The thread, not the whole page: a signed-in header shows the bell's own svg icon.
    await expectInert(page, dialogs, '[data-testid="thread"]');
  });
});
