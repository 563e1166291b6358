import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, launchBrowser, newSession, screenshot } from './support/browser.js';
import {
  adminToken,
  askQuestion,
  expectAccessible,
  expectNoHorizontalScroll,
  gql,
  registerInBrowser,
  registerUser,
  type Account,
} from './support/api.js';
import { expectInert, VECTORS } from './support/xss.js';

type Session = { context: BrowserContext; page: Page; problems: string[] };

let browser: Browser;
let mentor: Account;
let mentorSession: Session;
let menteeSession: Session;
const run = Date.now().toString(36);
// A tag only this run uses, so the suggestions and directory filters are about our mentor.
const tag = `mentoring-${run}`;

async function upsertMentor(token: string, input: Record<string, unknown>): Promise<void> {
  await gql(`mutation($i: MentorProfileInput!) { upsertMentorProfile(input: $i) { headline } }`, { i: input }, token);
}

/** Both screenshots (1280 and 375 px) with no sideways scrolling on the phone. */
async function screenshotsBothWidths(page: Page, name: string) {
  await page.setViewportSize(DESKTOP);
  await screenshot(page, `${name}-1280`);
  await page.setViewportSize(PHONE);
  await expectNoHorizontalScroll(page);
  await screenshot(page, `${name}-375`);
  await page.setViewportSize(DESKTOP);
}

beforeAll(async () => {
  browser = await launchBrowser();
  mentorSession = await newSession(browser);
  menteeSession = await newSession(browser);
  mentor = await registerInBrowser(mentorSession.page, 'mentr', 'Mira Mentor');
  await registerInBrowser(menteeSession.page, 'mentee', 'Ezra Mentee');
  await upsertMentor(mentor.token, {
    headline: `PMO lead with twelve years in construction ${run}`,
    bio: 'I set up **three PMOs**. Ask me about portfolio reporting and governance.',
    yearsExperience: 12,
    industries: ['Construction'],
    certifications: ['PMP', 'PRINCE2 Practitioner'],
    expertise: [tag, 'pmo'],
    links: ['https://example.com/mira'],
    acceptingRequests: true,
    maxOpenRequests: 5,
  });
  // The mentor session picks up its new role.
  await mentorSession.page.reload();
  await mentorSession.page.getByTestId('current-user').waitFor();
});

afterAll(async () => {
  await browser?.close();
});

describe('mentoring in the browser', () => {
  it('a member requests mentorship from a mentor profile, the mentor accepts, the mentee completes and reviews', async () => {
    const { page, problems } = menteeSession;
    await page.goto('/mentors');
    await page.getByRole('heading', { level: 1, name: 'Mentors' }).waitFor();
    await page.getByLabel('Search').fill(run);
    await page.getByRole('button', { name: 'Show mentors' }).click();
    await page.getByRole('link', { name: new RegExp(`PMO lead with twelve years.*${run}`) }).click();

    await page.getByRole('heading', { level: 1, name: 'Mira Mentor' }).waitFor();
    await page.getByText('three PMOs').waitFor();
    const link = page.getByRole('link', { name: 'example.com/mira' });
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    await expectAccessible(page, 'mentor profile');
    await screenshotsBothWidths(page, 'mentor-profile');

    await page.getByRole('button', { name: 'Request mentorship from Mira Mentor' }).click();
    const dialog = page.getByRole('dialog', { name: 'Request mentorship from Mira Mentor' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Send request' }).click();
    await dialog.getByText(/A message is required/).waitFor();
    await dialog
      .getByLabel('Message')
      .fill('I coordinate projects and want to move into a PMO analyst role. Could you help me plan it?');
    await expectAccessible(page, 'request mentorship dialog');
    await screenshot(page, 'request-mentorship-dialog-1280');
    await dialog.getByRole('button', { name: 'Send request' }).click();
    await dialog.getByText('Your request was sent to Mira Mentor').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();

    // While it is open no second request is offered (the API would refuse it): the profile says
    // "Request pending" and links to the request, after a reload too (the API's viewerOpenRequest).
    const viewRequest = page.getByRole('link', { name: 'View your request to Mira Mentor' });
    // Closing the confirmation puts focus on the link that replaced the button (not on <body>).
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('href')?.startsWith('/mentorships?tab=mentee#request-') === true,
    );
    for (const when of ['after sending', 'after a reload']) {
      if (when === 'after a reload') await page.reload();
      await viewRequest.waitFor();
      await page.getByText('Request pending', { exact: true }).waitFor();
      expect(await page.getByRole('button', { name: 'Request mentorship from Mira Mentor' }).count(), when).toBe(0);
    }
    expect(await viewRequest.getAttribute('href')).toMatch(/^\/mentorships\?tab=mentee#request-[0-9a-f-]{36}$/);
    await expectAccessible(page, 'mentor profile with a pending request');
    await viewRequest.click();
    await page.getByRole('heading', { level: 1, name: 'My mentorships' }).waitFor();
    await page
      .getByRole('listitem', { name: 'Request to Mira Mentor' })
      .getByText('Waiting for the mentor', { exact: true })
      .waitFor();

    // The mentor accepts with a message.
    const m = mentorSession.page;
    await m.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My mentorships' }).click();
    await m.getByRole('heading', { level: 1, name: 'My mentorships' }).waitFor();
    await m.getByRole('tab', { name: 'As mentor' }).click();
    const incoming = m.getByRole('listitem', { name: 'Request from Ezra Mentee' });
    await incoming.getByText('move into a PMO analyst role').waitFor();
    await expectAccessible(m, 'my mentorships (mentor)');
    await incoming.getByLabel('Message to Ezra Mentee (optional)').fill('Happy to help: let us talk on Thursday.');
    await incoming.getByRole('button', { name: 'Accept' }).click();
    await incoming.getByText('Accepted', { exact: true }).waitFor();

    // The mentee completes it and reviews.
    await page.goto('/mentorships');
    const outgoing = page.getByRole('listitem', { name: 'Request to Mira Mentor' });
    await outgoing.getByText('Happy to help: let us talk on Thursday.').waitFor();
    await outgoing.getByRole('button', { name: 'Mark completed' }).click();
    await outgoing.getByText('Completed', { exact: true }).waitFor();
    await outgoing.getByRole('button', { name: 'Post review' }).click();
    await outgoing.getByText('Choose a rating from 1 to 5 stars.').waitFor();
    await outgoing.getByRole('radio', { name: '5 stars' }).focus();
    await page.keyboard.press('Space');
    await outgoing.getByLabel('Review (optional)').fill('Clear, practical advice. I have a plan now.');
    await expectAccessible(page, 'my mentorships (mentee, review form)');
    await screenshotsBothWidths(page, 'mentorships');
    await outgoing.getByRole('button', { name: 'Post review' }).click();
    await outgoing.getByText('Your review:').waitFor();

    // The mentor replies; the review and reply show on the profile.
    await m.goto('/mentorships?tab=mentor');
    const done = m.getByRole('listitem', { name: 'Request from Ezra Mentee' });
    await done.getByLabel('Reply to this review').fill('Thank you, good luck with the new role!');
    await done.getByRole('button', { name: 'Post reply' }).click();
    // The reply itself: 'Your reply:' also labels the mentor's answer to the request, so waiting for
    // that label passed before the reply showed, or met two labels (strict mode) once it had.
    await done.getByText('Thank you, good luck with the new role!').waitFor();

    await page.goto(`/u/${mentor.handle}`);
    await page.getByText('Clear, practical advice. I have a plan now.').waitFor();
    await page.getByText('Thank you, good luck with the new role!').waitFor();
    await page.getByRole('img', { name: 'Rated 5.0 out of 5' }).first().waitFor();
    expect(problems.filter((p) => !/Failed to load resource/.test(p))).toEqual([]);
  });

  it('a member becomes a mentor through the form, and appears in the directory', async () => {
    const { context, page, problems } = await newSession(browser);
    const member = await registerInBrowser(page, 'newmnt', 'Nora Newmentor');
    await page.goto('/mentor/profile');
    await page.getByRole('heading', { level: 1, name: 'Become a mentor' }).waitFor();
    await page.getByRole('button', { name: 'Create your mentor profile' }).click();
    await page.getByText('Headline is required.').waitFor();
    await expectAccessible(page, 'mentor profile form');

    await page.getByLabel('Headline').fill(`Scrum master turned programme manager ${run}`);
    await page.getByLabel('Years of experience').fill('8');
    const expertise = page.getByRole('combobox', { name: 'Expertise' });
    await expertise.fill(tag);
    await expertise.press('Enter');
    // Close the suggestions popover (it hides the rest of the page from assistive tech while open).
    await expertise.press('Escape');
    await page.getByRole('textbox', { name: 'Bio' }).fill('I moved from **Scrum** to programme management.');
    await page.getByLabel('Industries').fill('Software, Banking');
    await page.locator('.cert-choice', { hasText: /^CSM$/ }).click();
    await page.getByLabel('Link 1').fill('http://not-secure.example.com');
    await page.getByRole('button', { name: 'Create your mentor profile' }).click();
    await page.getByText(/Links must start with https/).waitFor();
    await page.getByLabel('Link 1').fill('https://example.com/nora');
    await screenshotsBothWidths(page, 'mentor-form');
    await page.getByRole('button', { name: 'Create your mentor profile' }).click();

    await page.waitForURL(`**/u/${member.handle}`);
    await page.getByRole('heading', { level: 2, name: /Mentor/ }).waitFor();
    await page.getByText(`Scrum master turned programme manager ${run}`).waitFor();
    await page.getByText('CSM', { exact: true }).waitFor();

    await page.goto(`/mentors?expertise=${tag}`);
    await page.getByRole('link', { name: `Scrum master turned programme manager ${run}` }).waitFor();
    await page.getByRole('link', { name: new RegExp(`PMO lead with twelve years.*${run}`) }).waitFor();
    await expectAccessible(page, 'mentor directory');
    await screenshotsBothWidths(page, 'mentors');
    expect(problems.filter((p) => !/Failed to load resource/.test(p))).toEqual([]);
    await context.close();
  });

  it('suggested mentors appear on a question with a reason and a pre-filled request', async () => {
    const asker = await registerUser('sugg', 'Sunny Suggest');
    const title = `Which first steps lead into a PMO role ${run}?`;
    const id = await askQuestion(
      asker.token,
      title,
      'I coordinate projects in a construction firm. Which first steps lead into a PMO role?',
      [tag],
    );
    const { page } = menteeSession;
    await page.goto(`/q/${id}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const panel = page.getByRole('complementary', { name: 'Mentors who could help' });
    const suggestion = panel.getByTestId('suggested-mentor').filter({ hasText: 'Mira Mentor' });
    await suggestion.waitFor();
    expect((await suggestion.locator('.suggestion__reason').textContent())?.trim().length).toBeGreaterThan(5);
    await expectAccessible(page, 'question page with suggested mentors');
    await screenshot(page, 'question-suggested-mentors-1280');

    await suggestion.getByRole('button', { name: 'Request mentorship from Mira Mentor' }).click();
    const dialog = page.getByRole('dialog', { name: 'Request mentorship from Mira Mentor' });
    await dialog.getByRole('link', { name: title }).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it('a moderator closes and reopens a question', async () => {
    const author = await registerUser('clsq', 'Cleo Closeable');
    const title = `What should I put in a PMO charter ${run}?`;
    const id = await askQuestion(
      author.token,
      title,
      'I am drafting a PMO charter for a mid-size firm. What should it contain?',
      ['pmo'],
    );
    const { context, page, problems } = await newSession(browser);
    const moderator = await registerInBrowser(page, 'modr', 'Moe Moderator');
    await gql(
      `mutation($i: SetRoleInput!) { setRole(input: $i) { role } }`,
      { i: { handle: moderator.handle, role: 'MODERATOR' } },
      await adminToken(),
    );
    await page.reload();
    await page.getByTestId('current-user').waitFor();

    await page.goto(`/q/${id}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const actions = page.getByRole('group', { name: 'Question actions' });
    await actions.getByRole('button', { name: 'Close' }).click();
    const dialog = page.getByRole('dialog', { name: 'Close this question' });
    await dialog.getByRole('button', { name: 'Close question' }).click();
    await dialog.getByText('Choose a reason.').waitFor();
    await dialog.getByRole('radio', { name: 'Duplicate of another question' }).focus();
    await page.keyboard.press('Space');
    await dialog.getByRole('button', { name: 'Close question' }).click();
    await dialog.getByText('Pick the question this one duplicates.').waitFor();
    await dialog.getByRole('radio', { name: 'Off-topic' }).focus();
    await page.keyboard.press('Space');
    await expectAccessible(page, 'close question dialog');
    await dialog.getByRole('button', { name: 'Close question' }).click();
    await page.getByText('This question is closed and takes no new answers.').waitFor();
    await screenshot(page, 'question-closed-moderator-1280');

    await actions.getByRole('button', { name: 'Reopen' }).click();
    await page.getByRole('heading', { name: 'Your answer' }).waitFor();
    expect(await page.getByText('This question is closed and takes no new answers.').count()).toBe(0);
    expect(problems.filter((p) => !/Failed to load resource/.test(p))).toEqual([]);
    await context.close();
  });

  it('a mentor bio with every XSS vector renders inert', async () => {
    const x = await registerUser('xssmnt', 'Xena Bio');
    await upsertMentor(x.token, {
      headline: `Mentor with a hostile bio ${run}`,
      bio: `Vectors:\n\n${VECTORS.join('\n\n')}`,
      yearsExperience: 3,
      expertise: [tag],
    });
    const { context, page } = await newSession(browser);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`/u/${x.handle}`);
    await page.getByRole('heading', { level: 1, name: 'Xena Bio' }).waitFor();
    await page.locator('.mentor-profile__bio').waitFor();
    await expectInert(page, dialogs);
    await page.goto(`/mentors?expertise=${tag}`);
    await page.getByRole('link', { name: `Mentor with a hostile bio ${run}` }).waitFor();
    await expectInert(page, dialogs);
    await context.close();
  });
});
