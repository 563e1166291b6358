import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ParsedMail } from 'mailparser';
import { hkdfSync } from 'node:crypto';
import { loadConfig, signUnsubscribeToken, type AppConfig } from '@crossroads/api-platform';
import { NotificationEmails } from '@crossroads/api-notifications';
import { TestApp, codeOf, type TestUser } from './support/test-app.js';
import { createIsolatedDatabase } from './support/isolated-database.js';
import { TestSmtpServer, eventually } from './support/smtp.js';
import { COMMENT, answer, ask } from './support/qa.js';

// Issue 14 item 5, "email policy": which notification becomes which email, when, through a real
// SMTP server (smtp-server) and the real job queue. Recipients are made "away" by moving their
// last_seen_at back: any GraphQL request of theirs would mark them active (that is the rule).
const JWT_SECRET = 'test-secret-that-is-long-enough-0123456789';
const PUBLIC_URL = 'https://crossroads.example';
const DELAY_SECONDS = 3;
const smtp = new TestSmtpServer();
let database: Awaited<ReturnType<typeof createIsolatedDatabase>>;
let t: TestApp;

const mailConfig = (overrides: Partial<AppConfig['mail']>): AppConfig['mail'] => ({
  ...loadConfig({ NODE_ENV: 'test', JWT_SECRET }).mail,
  ...overrides,
});
const to = (mail: ParsedMail) =>
  (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((a) =>
    a.value.map((v) => v.address?.toLowerCase()),
  );
const mailTo = (address: string, subject?: RegExp) => (m: ParsedMail) =>
  to(m).includes(address.toLowerCase()) && (!subject || subject.test(m.subject ?? ''));
const rawHeader = (mail: ParsedMail, name: string) => {
  const line = mail.headerLines.find((h) => h.key === name)?.line;
  return line === undefined
    ? undefined
    : line
        .slice(line.indexOf(':') + 1)
        .replace(/\r?\n\s+/g, '')
        .trim();
};
/** The one-click unsubscribe URL, pointed at the test server (PUBLIC_URL is a placeholder host). */
const unsubscribeUrlOf = (mail: ParsedMail) =>
  rawHeader(mail, 'list-unsubscribe')!.slice(1, -1).replace(PUBLIC_URL, t.url);

const away = (user: TestUser, secondsAgo = 3600) =>
  t.dataSource.query(`UPDATE users SET last_seen_at = now() - make_interval(secs => $2::int) WHERE id = $1`, [
    user.user.id,
    secondsAgo,
  ]);

/** The user's notification of `type` once the fan-out job wrote it. */
const notificationOf = (user: TestUser, type: string, questionId: string) =>
  eventually(async () => {
    const [row] = (await t.dataSource.query(
      `SELECT id, group_count AS "groupCount" FROM notifications WHERE recipient_id = $1 AND type = $2 AND question_id = $3`,
      [user.user.id, type, questionId],
    )) as { id: string; groupCount: number }[];
    return row;
  });

/** Every instant-email job of a notification has run (completed), however it decided. */
const instantJobsDone = (notificationId: string, count = 1) =>
  eventually(async () => {
    const rows = (await t.dataSource.query(
      `SELECT state FROM pgboss.job WHERE name = 'notification-email-instant' AND data->>'notificationId' = $1`,
      [notificationId],
    )) as {
      state: string;
    }[];
    return rows.length >= count && rows.every((r) => r.state === 'completed') ? rows.length : undefined;
  }, 30_000);

const emailsOfNotification = async (notificationId: string) =>
  (
    (await t.dataSource.query(`SELECT count(*)::int AS n FROM mail_messages WHERE idempotency_key LIKE $1`, [
      `notification:${notificationId}:%`,
    ])) as { n: number }[]
  )[0].n;

beforeAll(async () => {
  await smtp.start();
  database = await createIsolatedDatabase('notification_email');
  t = await TestApp.start(
    {
      jobPollSeconds: 0.5,
      emailInstantDelaySeconds: DELAY_SECONDS,
      mail: mailConfig({ smtpUrl: smtp.url, retryDelaySeconds: 1, publicUrl: PUBLIC_URL }),
    },
    database.url,
  );
});

afterAll(async () => {
  await t?.close();
  await smtp.stop();
  await database?.drop();
});

describe('instant email', () => {
  let asker: TestUser;
  let first: ParsedMail;

  it('is sent after the delay to an away person, with a clear subject, the excerpt, a button to the exact answer, why and unsubscribe', async () => {
    asker = await t.createUser();
    const mentor = await t.createUser('MENTOR');
    const question = await ask(t, asker);
    await away(asker);
    const posted = Date.now();
    const a = await answer(
      t,
      mentor,
      question.id,
      'Start as a PMO analyst & learn the reporting cycle <b>first</b>; it builds credibility fast.',
    );
    first = await smtp.waitFor(mailTo(asker.email));
    // The job waits EMAIL_INSTANT_DELAY_SECONDS (tolerance: the job queue's clock and poll).
    expect(Date.now() - posted).toBeGreaterThanOrEqual((DELAY_SECONDS - 1) * 1000);
    expect(first.subject).toBe(`Test ${mentor.user.handle} answered your question “${question.title}”`);
    const link = `${PUBLIC_URL}/q/${question.id}#answer-${a.id}`;
    expect(first.text).toContain(`Read the answer: ${link}`);
    expect(first.text).toContain('Start as a PMO analyst & learn the reporting cycle');
    expect(first.text).toContain('You get this because you asked this question.');
    expect(first.html).toContain(`href="${link}"`);
    expect(first.html).toContain('&lt;b&gt;first&lt;/b&gt;'); // user text escaped, never markup
    expect(rawHeader(first, 'list-unsubscribe')).toMatch(
      /^<https:\/\/crossroads\.example\/unsubscribe\?token=[\w-]+\.[\w-]+>$/,
    );
    expect(rawHeader(first, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(first.text).toMatch(/Unsubscribe: https:\/\/crossroads\.example\/unsubscribe\?token=/);
  });

  it('is not sent when the notification was read in the app meanwhile', async () => {
    const reader = await t.createUser();
    const mentor = await t.createUser('MENTOR');
    const question = await ask(t, reader);
    await away(reader);
    await answer(t, mentor, question.id);
    const note = await notificationOf(reader, 'ANSWER_POSTED', question.id);
    await t.dataSource.query(`UPDATE notifications SET read_at = now() WHERE id = $1`, [note.id]);
    await instantJobsDone(note.id);
    expect(await emailsOfNotification(note.id)).toBe(0);
  });

  it('is not sent when the person was active in the last 10 minutes', async () => {
    const active = await t.createUser();
    const mentor = await t.createUser('MENTOR');
    const question = await ask(t, active);
    await away(active, 9 * 60); // active 9 minutes ago: still "here"
    await answer(t, mentor, question.id);
    const note = await notificationOf(active, 'ANSWER_POSTED', question.id);
    await instantJobsDone(note.id);
    expect(await emailsOfNotification(note.id)).toBe(0);
  });

  it('grouped notifications send one email ("A and B answered …")', async () => {
    const busy = await t.createUser();
    const [m1, m2] = [await t.createUser('MENTOR'), await t.createUser('MENTOR')];
    const question = await ask(t, busy);
    await away(busy);
    await answer(t, m1, question.id);
    await answer(t, m2, question.id);
    const note = await eventually(async () => {
      const n = await notificationOf(busy, 'ANSWER_POSTED', question.id);
      return n.groupCount === 2 ? n : undefined;
    });
    await instantJobsDone(note.id, 2);
    expect(await emailsOfNotification(note.id)).toBe(1);
    const mail = await smtp.waitFor(mailTo(busy.email));
    // Newest first, in whichever order the two fan-out jobs ran.
    const names = [`Test ${m1.user.handle}`, `Test ${m2.user.handle}`];
    expect([
      `${names[1]} and ${names[0]} answered “${question.title}”`,
      `${names[0]} and ${names[1]} answered “${question.title}”`,
    ]).toContain(mail.subject);
  });

  it('a fan-out emails every follower who chose instant email for that type (jobs queued in one statement)', async () => {
    const tag = `pmo-${Date.now().toString(36)}`;
    const followers = await Promise.all([1, 2, 3].map(() => t.createUser()));
    const daily = await t.createUser();
    for (const f of [...followers, daily]) {
      await t.dataSource.query(
        `INSERT INTO follows (user_id, target_type, target_key, level) VALUES ($1, 'TAG', $2, 'WATCHING_FIRST_POST')`,
        [f.user.id, tag],
      );
      await away(f);
    }
    for (const f of followers) {
      await t.dataSource.query(
        `INSERT INTO notification_settings (user_id, type, in_app, email) VALUES ($1, 'FOLLOWED_TAG_QUESTION', true, 'INSTANT')`,
        [f.user.id],
      );
    }
    const author = await t.createUser();
    const question = await ask(t, author, { tags: [tag] });
    const mails = await Promise.all(followers.map((f) => smtp.waitFor(mailTo(f.email, /asked/))));
    for (const mail of mails) {
      expect(mail.subject).toBe(`Test ${author.user.handle} asked “${question.title}” in #${tag}`);
      expect(mail.text).toContain('You get this because you follow this tag.');
      expect(mail.text).toContain(`Read the question: ${PUBLIC_URL}/q/${question.id}`);
    }
    // The default for followed tags is the daily digest: no instant email job for that follower.
    const note = await notificationOf(daily, 'FOLLOWED_TAG_QUESTION', question.id);
    const jobs = (await t.dataSource.query(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'notification-email-instant' AND data->>'notificationId' = $1`,
      [note.id],
    )) as {
      n: number;
    }[];
    expect(jobs[0].n).toBe(0);
  });

  it('the one-click unsubscribe link turns that type off, and the next one is not emailed', async () => {
    const res = await fetch(unsubscribeUrlOf(first), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('emails about answers to your questions');
    const [setting] = (await t.dataSource.query(
      `SELECT email, in_app AS "inApp" FROM notification_settings WHERE user_id = $1 AND type = 'ANSWER_POSTED'`,
      [asker.user.id],
    )) as {
      email: string;
      inApp: boolean;
    }[];
    expect(setting).toEqual({ email: 'OFF', inApp: true });
    // The next answer on another question: in-app still, no email job at all.
    const mentor = await t.createUser('MENTOR');
    const question = await ask(t, asker);
    await away(asker);
    await answer(t, mentor, question.id);
    const note = await notificationOf(asker, 'ANSWER_POSTED', question.id);
    const jobs = (await t.dataSource.query(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'notification-email-instant' AND data->>'notificationId' = $1`,
      [note.id],
    )) as {
      n: number;
    }[];
    expect(jobs[0].n).toBe(0);
  });

  it('a tampered unsubscribe link changes nothing', async () => {
    const url = unsubscribeUrlOf(first);
    const tampered = url.slice(0, -3) + (url.endsWith('AAA') ? 'BBB' : 'AAA');
    await t.dataSource.query(
      `UPDATE notification_settings SET email = 'INSTANT' WHERE user_id = $1 AND type = 'ANSWER_POSTED'`,
      [asker.user.id],
    );
    const res = await fetch(tampered, { method: 'POST' });
    expect(res.status).toBe(400);
    const [setting] = (await t.dataSource.query(
      `SELECT email FROM notification_settings WHERE user_id = $1 AND type = 'ANSWER_POSTED'`,
      [asker.user.id],
    )) as { email: string }[];
    expect(setting.email).toBe('INSTANT');
  });
});

describe('digests', () => {
  const HOUR = 3_600_000;
  const insert = (user: TestUser, type: string, text: string, hoursAgo: number, read = false) =>
    t.dataSource.query(
      `INSERT INTO notifications (recipient_id, type, text, url, source_key, created_at, read_at)
       VALUES ($1, $2, $3, $4, $5, now() - make_interval(hours => $6::int), CASE WHEN $7::boolean THEN now() END)`,
      [user.user.id, type, text, `/q/${user.user.id}`, `test:${text}`, hoursAgo, read],
    );
  const digestRows = async (user: TestUser) =>
    (
      (await t.dataSource.query(`SELECT idempotency_key AS key FROM mail_messages WHERE idempotency_key LIKE $1`, [
        `digest:%:${user.user.id}:%`,
      ])) as { key: string }[]
    ).map((r) => r.key);
  const run = (frequency: 'DAILY' | 'WEEKLY') => t.app.get(NotificationEmails).sendDigests(frequency);

  it('lists the unread notifications of digest types in the period, with the tags section; skips the rest', async () => {
    const reader = await t.createUser();
    await away(reader, (30 * HOUR) / 1000);
    await insert(reader, 'FOLLOWED_TAG_QUESTION', 'Amara asked “Is PRINCE2 worth it?” in #pmo', 2);
    await insert(reader, 'FOLLOWED_QUESTION_ANSWER', 'Declan answered “Moving into construction PM”', 3);
    await insert(reader, 'ANSWER_POSTED', 'Instant type: not in a digest', 2);
    await insert(reader, 'FOLLOWED_TAG_QUESTION', 'Read already', 2, true);
    await insert(reader, 'FOLLOWED_TAG_QUESTION', 'Older than the period', 30);
    expect(await run('DAILY')).toBeGreaterThanOrEqual(1);
    const mail = await smtp.waitFor(mailTo(reader.email, /daily/));
    expect(mail.subject).toBe(
      'Your daily Crossroads digest: 1 unread notification and 1 new question in tags you follow',
    );
    expect(mail.text).toContain('New questions in tags you follow:\n\n• Amara asked “Is PRINCE2 worth it?” in #pmo');
    expect(mail.text).toContain('• Declan answered “Moving into construction PM”');
    expect(mail.text).toContain(`${PUBLIC_URL}/q/${reader.user.id}`);
    expect(mail.text).not.toMatch(/Instant type|Read already|Older than the period/);
    expect(rawHeader(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');

    // A re-run of the same period sends nothing again.
    await run('DAILY');
    expect(await digestRows(reader)).toHaveLength(1);

    // Its unsubscribe link turns digests off (the types sent daily), not instant email.
    const res = await fetch(unsubscribeUrlOf(mail), { method: 'POST' });
    expect(res.status).toBe(200);
    const settings = (await t.dataSource.query(
      `SELECT type, email FROM notification_settings WHERE user_id = $1 ORDER BY type`,
      [reader.user.id],
    )) as { type: string; email: string }[];
    expect(settings).toEqual([
      { type: 'FOLLOWED_TAG_QUESTION', email: 'OFF' },
      { type: 'FOLLOWED_QUESTION_ANSWER', email: 'OFF' },
      { type: 'MATCHED_QUESTION', email: 'OFF' },
    ]);
  });

  it('skips empty digests, recent visitors and people away for more than 180 days', async () => {
    const empty = await t.createUser();
    await away(empty, (30 * HOUR) / 1000);
    await insert(empty, 'FOLLOWED_TAG_QUESTION', 'Read one', 2, true);
    const visitor = await t.createUser();
    await away(visitor, HOUR / 1000);
    await insert(visitor, 'FOLLOWED_TAG_QUESTION', 'For a visitor', 2);
    const gone = await t.createUser();
    await away(gone, (200 * 24 * HOUR) / 1000);
    await insert(gone, 'FOLLOWED_TAG_QUESTION', 'For someone gone', 2);
    await run('DAILY');
    expect(await digestRows(empty)).toEqual([]);
    expect(await digestRows(visitor)).toEqual([]);
    expect(await digestRows(gone)).toEqual([]);
  });

  it('weekly digests carry the types set to WEEKLY over seven days; the daily one does not', async () => {
    const weekly = await t.createUser();
    await away(weekly, (8 * 24 * HOUR) / 1000);
    await t.dataSource.query(
      `INSERT INTO notification_settings (user_id, type, in_app, email) VALUES ($1, 'FOLLOWED_TAG_QUESTION', true, 'WEEKLY')`,
      [weekly.user.id],
    );
    await insert(weekly, 'FOLLOWED_TAG_QUESTION', 'Three days old, weekly', 72);
    await run('DAILY');
    expect(await digestRows(weekly)).toEqual([]);
    await run('WEEKLY');
    const mail = await smtp.waitFor(mailTo(weekly.email, /weekly/));
    expect(mail.text).toContain('• Three days old, weekly');
    expect(await digestRows(weekly)).toHaveLength(1);
  });
});

describe('guest follow-up comments', () => {
  const GUEST = 'Guest.Reader@Example.test';
  const MODERATE = `mutation($input: ModerateCommentInput!) { moderateComment(input: $input) { id status } }`;
  const confirmUrlOf = (mail: ParsedMail) => {
    const match = /Confirm follow-up emails: (\S+)/.exec(mail.text ?? '');
    return match![1].replace(PUBLIC_URL, t.url);
  };
  const subscription = async (questionId: string) =>
    (
      (await t.dataSource.query(
        `SELECT id, confirmed_at AS "confirmedAt" FROM guest_follow_ups WHERE question_id = $1`,
        [questionId],
      )) as { id: string; confirmedAt: Date | null }[]
    )[0];

  it('a member cannot ask for it (members follow questions)', async () => {
    const member = await t.createUser();
    const question = await ask(t, member);
    const res = await t.gql(
      COMMENT,
      {
        input: {
          targetId: question.id,
          targetType: 'QUESTION',
          body: 'Following this one closely.',
          notifyByEmail: true,
        },
      },
      { token: member.token },
    );
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.field).toBe('notifyByEmail');
  });

  it('confirm → emails on the next published comment, with unsubscribe; a tampered link changes nothing', async () => {
    const asker = await t.createUser();
    const moderator = await t.createUser('MODERATOR');
    const question = await ask(t, asker);
    const guest = await t.gql(COMMENT, {
      input: {
        targetId: question.id,
        targetType: 'QUESTION',
        body: 'Same situation here, following.',
        guestName: 'Robin',
        guestEmail: GUEST,
        notifyByEmail: true,
      },
    });
    expect(guest.errors).toBeUndefined();
    const confirmation = await smtp.waitFor(mailTo(GUEST, /^Confirm follow-up emails/));
    expect(confirmation.subject).toBe(`Confirm follow-up emails for “${question.title}”`);
    expect(rawHeader(confirmation, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const url = confirmUrlOf(confirmation);

    // Tampered: a clear page, nothing confirmed (GET and POST).
    const tampered = url.replace(/token=(.)/, (_m, c: string) => `token=${c === 'e' ? 'f' : 'e'}`);
    for (const method of ['GET', 'POST']) {
      const bad = await fetch(tampered, { method });
      expect(bad.status).toBe(400);
      expect(await bad.text()).toContain('Nothing was changed');
    }
    expect((await subscription(question.id)).confirmedAt).toBeNull();

    // Expired (signed right, a minute too late): a clear page, nothing confirmed.
    const key = Buffer.from(hkdfSync('sha256', JWT_SECRET, 'crossroads', 'crossroads/guest-follow-up-confirm/v1', 32));
    const stale = signUnsubscribeToken(key, {
      userId: (await subscription(question.id)).id,
      scope: 'guest-follow-up-confirm',
      exp: Math.floor(Date.now() / 1000) - 60,
    });
    const expired = await fetch(`${t.url}/follow-ups/confirm?token=${stale}`, { method: 'POST' });
    expect(expired.status).toBe(400);
    expect(await expired.text()).toContain('This confirmation link has expired. Nothing was changed.');
    expect((await subscription(question.id)).confirmedAt).toBeNull();

    // GET only shows the button (mail scanners prefetch links); POST confirms.
    const shown = await fetch(url);
    expect(shown.status).toBe(200);
    expect(await shown.text()).toContain('<form method="post"');
    expect((await subscription(question.id)).confirmedAt).toBeNull();
    const confirmed = await fetch(url, { method: 'POST' });
    expect(confirmed.status).toBe(200);
    expect((await subscription(question.id)).confirmedAt).not.toBeNull();

    // A member's comment, published by a moderator's approval: the guest hears of it.
    const member = await t.createUser();
    const held = await t.gql(
      COMMENT,
      {
        input: {
          targetId: question.id,
          targetType: 'QUESTION',
          body: 'Try a PMO analyst role first, it worked for me.',
        },
      },
      { token: member.token },
    );
    await t.gql(
      MODERATE,
      { input: { commentId: held.data!.addComment.id, decision: 'APPROVE' } },
      { token: moderator.token },
    );
    const followUp = await smtp.waitFor(mailTo(GUEST, /commented on/));
    expect(followUp.subject).toBe(`Test ${member.user.handle} commented on “${question.title}”`);
    expect(followUp.text).toContain('Try a PMO analyst role first, it worked for me.');
    expect(followUp.text).toContain(`${PUBLIC_URL}/q/${question.id}#comment-${held.data!.addComment.id}`);
    expect(followUp.text).not.toContain(member.email);
    // The guest's address is never shown to the public.
    const anonymous = await t.gql(
      `query($id: ID!) { question(id: $id) { comments { edges { node { guestEmail } } } } }`,
      { id: question.id },
    );
    expect(anonymous.text.toLowerCase()).not.toContain(GUEST.toLowerCase());

    // Its unsubscribe link removes the subscription.
    const res = await fetch(unsubscribeUrlOf(followUp), { method: 'POST' });
    expect(res.status).toBe(200);
    expect(await subscription(question.id)).toBeUndefined();
  });
});
