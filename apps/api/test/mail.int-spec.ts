import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ParsedMail } from 'mailparser';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { MAIL_LIMITS } from '@crossroads/shared-domain';
import {
  Mailer,
  UnsubscribeHandlers,
  loadConfig,
  signUnsubscribeToken,
  unsubscribeKey,
  type AppConfig,
  type OutgoingEmail,
} from '@crossroads/api-platform';
import { TestApp, codeOf } from './support/test-app.js';
import { createIsolatedDatabase } from './support/isolated-database.js';
import { TestSmtpServer, eventually } from './support/smtp.js';

// The mail pipeline through a real SMTP server (smtp-server) and real pg-boss workers.
const JWT_SECRET = 'test-secret-that-is-long-enough-0123456789';
const refused = new Set<string>();
const smtp = new TestSmtpServer({ rcptCode: (address) => (refused.has(address) ? 550 : undefined) });
let database: Awaited<ReturnType<typeof createIsolatedDatabase>>;
let t: TestApp;
let mailer: Mailer;
const unsubscribed: { userId: string; scope: string }[] = [];

const mailConfig = (overrides: Partial<AppConfig['mail']>): AppConfig['mail'] => ({
  ...loadConfig({ NODE_ENV: 'test', JWT_SECRET }).mail,
  ...overrides,
});
const key = () => randomUUID();
const subjectOf = (mail: ParsedMail) => mail.subject ?? '';
/** A header's raw value (mailparser restructures List-* headers). */
const rawHeader = (mail: ParsedMail, name: string) => {
  const line = mail.headerLines.find((h) => h.key === name)?.line;
  return line === undefined
    ? undefined
    : line
        .slice(line.indexOf(':') + 1)
        .replace(/\r?\n\s+/g, '')
        .trim();
};

function notification(to: string, idempotencyKey = key(), overrides: Partial<OutgoingEmail> = {}): OutgoingEmail {
  return {
    to,
    subject: `New answer ${idempotencyKey}`,
    idempotencyKey,
    category: 'notification',
    unsubscribe: { userId: randomUUID(), scope: 'test:answers' },
    content: {
      preheader: 'Priya answered your question',
      heading: 'A new answer to <script>alert(1)</script> How do I move into a PMO?',
      paragraphs: ['Priya Raman answered: start with a PMO analyst role & learn the reporting cycle.'],
      action: { label: 'Read the answer', url: 'https://crossroads.example/questions/1#answer-2' },
      footer: 'You get this because you asked this question.',
    },
    ...overrides,
  } as OutgoingEmail;
}

const send = (message: OutgoingEmail) => t.dataSource.transaction((m: EntityManager) => mailer.send(m, message));
const statusOf = async (idempotencyKey: string) =>
  (
    (await t.dataSource.query(`SELECT status, attempts, last_error FROM mail_messages WHERE idempotency_key = $1`, [
      idempotencyKey,
    ])) as { status: string; attempts: number; last_error: string | null }[]
  )[0];
const waitForStatus = (idempotencyKey: string, status: string) =>
  eventually(async () => ((await statusOf(idempotencyKey))?.status === status ? statusOf(idempotencyKey) : undefined));

beforeAll(async () => {
  await smtp.start();
  database = await createIsolatedDatabase('mail');
  t = await TestApp.start(
    {
      jobPollSeconds: 0.5,
      mail: mailConfig({ smtpUrl: smtp.url, retryDelaySeconds: 1, publicUrl: 'https://crossroads.example' }),
    },
    database.url,
  );
  mailer = t.app.get(Mailer);
  t.app.get(UnsubscribeHandlers).register({
    handles: (scope) => scope.startsWith('test:'),
    describe: () => 'emails about new answers',
    unsubscribe: async (m, userId, scope) => {
      await m.query('SELECT 1');
      unsubscribed.push({ userId, scope });
    },
  });
});

afterAll(async () => {
  await t?.close();
  await smtp.stop();
  await database?.drop();
});

describe('delivery', () => {
  it('sends text and HTML with the RFC 8058 headers, a visible unsubscribe link and escaped user text', async () => {
    const message = notification('amara@example.test');
    await send(message);
    const mail = await smtp.waitFor((m) => subjectOf(m) === message.subject);
    expect(rawHeader(mail, 'list-unsubscribe')).toMatch(
      /^<https:\/\/crossroads\.example\/unsubscribe\?token=[\w-]+\.[\w-]+>$/,
    );
    const listUnsubscribe = rawHeader(mail, 'list-unsubscribe')!.slice(1, -1);
    expect(rawHeader(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(mail.text).toContain(`Unsubscribe: ${listUnsubscribe}`);
    expect(mail.text).toContain('Read the answer: https://crossroads.example/questions/1#answer-2');
    expect(mail.text).toContain('<script>alert(1)</script>');
    const html = String(mail.html);
    expect(html).toContain(`href="${listUnsubscribe}"`);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('max-width:600px');
    expect(mail.messageId).toMatch(/^<[0-9a-f]{40}@crossroads\.example>$/);
    expect(await waitForStatus(message.idempotencyKey, 'sent')).toMatchObject({ attempts: 1 });
  });

  it('sends critical mail without unsubscribe headers', async () => {
    const message: OutgoingEmail = {
      to: 'reset@example.test',
      subject: `Reset your password ${key()}`,
      idempotencyKey: key(),
      category: 'critical',
      text: 'Reset: https://x.example/r',
      html: '<p>Reset</p>',
    };
    await send(message);
    const mail = await smtp.waitFor((m) => subjectOf(m) === message.subject);
    expect(rawHeader(mail, 'list-unsubscribe')).toBeUndefined();
    expect(mail.text?.trim()).toBe('Reset: https://x.example/r');
  });

  it('sends a message once however often it is sent or its job runs', async () => {
    const message = notification('twice@example.test');
    expect(await send(message)).toBe(true);
    expect(await send(message)).toBe(false);
    const mail = await smtp.waitFor((m) => subjectOf(m) === message.subject);
    await waitForStatus(message.idempotencyKey, 'sent');
    const [{ id }] = (await t.dataSource.query(`SELECT id FROM mail_messages WHERE idempotency_key = $1`, [
      message.idempotencyKey,
    ])) as { id: string }[];
    // A duplicate job (a retried batch, an expired lease) finds the message sent and does nothing.
    await mailer.deliver(id);
    await Promise.all([mailer.deliver(id), mailer.deliver(id)]);
    // A later message to the same server proves the server had time to receive any duplicate.
    const marker = notification('twice@example.test');
    await send(marker);
    await smtp.waitFor((m) => subjectOf(m) === marker.subject);
    expect(smtp.matching((m) => m.messageId === mail.messageId)).toHaveLength(1);
    expect(
      await t.dataSource.query(`SELECT count(*)::int AS n FROM mail_messages WHERE idempotency_key = $1`, [
        message.idempotencyKey,
      ]),
    ).toEqual([{ n: 1 }]);
  });

  it('rejects a message without an unsubscribe scope, or with a header injection in the subject', async () => {
    await expect(send({ ...notification('x@example.test'), unsubscribe: undefined })).rejects.toThrow('unsubscribe');
    await expect(
      send(notification('x@example.test', key(), { subject: 'Hi\r\nBcc: all@example.test' })),
    ).rejects.toThrow('line breaks');
    await expect(send(notification('a@example.test, b@example.test'))).rejects.toThrow('single email address');
  });
});

describe('SMTP failures', () => {
  it('retries with backoff while the server is down, shows the backlog to admins, and delivers once it is back', async () => {
    await smtp.stop();
    const message = notification('patient@example.test');
    await send(message);
    const failing = await eventually(async () => {
      const row = await statusOf(message.idempotencyKey);
      return row.attempts >= 2 && row.status === 'queued' ? row : undefined;
    });
    expect(failing.last_error).toMatch(/ECONNREFUSED|connect/i);

    const admin = await t.createUser('ADMIN');
    const backlog = await t.gql(
      `{ mailBacklog { queued failed oldestQueuedSeconds delivering } }`,
      {},
      { token: admin.token },
    );
    expect(backlog.errors).toBeUndefined();
    expect(backlog.data?.mailBacklog).toMatchObject({
      queued: 1,
      failed: 0,
      delivering: true,
      oldestQueuedSeconds: expect.any(Number),
    });
    const health = (await (await fetch(`${t.url}/health`)).json()) as {
      status: string;
      info: { mail: Record<string, unknown> };
    };
    expect(health.status).toBe('ok');
    expect(health.info.mail).toMatchObject({ status: 'up', queued: 1, delivering: true });

    await smtp.start();
    const mail = await smtp.waitFor((m) => subjectOf(m) === message.subject);
    expect(mail.to).toBeDefined();
    const sent = await waitForStatus(message.idempotencyKey, 'sent');
    expect(sent.attempts).toBeGreaterThanOrEqual(3);
    expect(smtp.matching((m) => subjectOf(m) === message.subject)).toHaveLength(1);
    expect((await t.gql(`{ mailBacklog { queued } }`, {}, { token: admin.token })).data?.mailBacklog).toEqual({
      queued: 0,
    });
  });

  it('marks a refused recipient (5xx): no retry, never sent to again except critical mail', async () => {
    refused.add('gone@example.test');
    const first = notification('gone@example.test');
    await send(first);
    const failed = await waitForStatus(first.idempotencyKey, 'failed');
    expect(failed.attempts).toBe(1);
    expect(failed.last_error).toMatch(/550/);
    expect(await t.dataSource.query(`SELECT address FROM mail_suppressions`)).toEqual([
      { address: 'gone@example.test' },
    ]);

    refused.delete('gone@example.test');
    const later = notification('Gone@Example.test');
    await send(later);
    await waitForStatus(later.idempotencyKey, 'suppressed');
    const critical: OutgoingEmail = {
      to: 'gone@example.test',
      subject: `Verify your address ${key()}`,
      idempotencyKey: key(),
      category: 'critical',
      text: 'Verify',
      html: '<p>Verify</p>',
    };
    await send(critical);
    await smtp.waitFor((m) => subjectOf(m) === critical.subject);
    expect(smtp.matching((m) => subjectOf(m) === later.subject)).toHaveLength(0);
    const admin = await t.createUser('ADMIN');
    expect((await t.gql(`{ mailBacklog { failed } }`, {}, { token: admin.token })).data?.mailBacklog).toEqual({
      failed: 1,
    });
  });

  it('caps non-critical mail at the daily limit per recipient; critical mail is exempt', async () => {
    const to = 'busy@example.test';
    const limit = MAIL_LIMITS.dailyNonCriticalPerRecipient;
    expect(limit).toBe(100);
    await t.dataSource.query(
      `INSERT INTO mail_messages (idempotency_key, recipient, subject, category, status, text_body, html_body, message_id, sent_at)
       SELECT 'cap-' || g, $1, 'earlier', 'notification', 'sent', 't', 'h', '<cap-' || g || '@x>', now() FROM generate_series(1, $2 - 1) g`,
      [to, limit],
    );
    const last = notification(to);
    await send(last);
    await smtp.waitFor((m) => subjectOf(m) === last.subject);
    const over = notification(to);
    await send(over);
    await waitForStatus(over.idempotencyKey, 'capped');
    const critical: OutgoingEmail = {
      to,
      subject: `Password changed ${key()}`,
      idempotencyKey: key(),
      category: 'critical',
      text: 'Changed',
      html: '<p>Changed</p>',
    };
    await send(critical);
    await smtp.waitFor((m) => subjectOf(m) === critical.subject);
    expect(smtp.matching((m) => subjectOf(m) === over.subject)).toHaveLength(0);
  });
});

describe('unsubscribe', () => {
  const linkKey = () => unsubscribeKey(JWT_SECRET);
  const userId = randomUUID();

  it('GET shows a confirmation page and changes nothing; POST (one-click) unsubscribes', async () => {
    const url = new URL(mailer.unsubscribeUrl(userId, 'test:answers'));
    const path = `${url.pathname}${url.search}`;
    const page = await fetch(`${t.url}${path}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Stop emails about new answers?');
    expect(html).toMatch(/<form method="post" action="\/unsubscribe\?token=[^"]+">/);
    expect(unsubscribed).toEqual([]);

    const post = await fetch(`${t.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(post.status).toBe(200);
    expect(await post.text()).toContain('You are unsubscribed');
    expect(unsubscribed).toEqual([{ userId, scope: 'test:answers' }]);
  });

  it('answers a tampered or expired link with a clear 400 page and changes nothing', async () => {
    unsubscribed.length = 0;
    const good = signUnsubscribeToken(linkKey(), { userId, scope: 'test:answers' });
    const [body, signature] = good.split('.');
    const otherUser = Buffer.from(JSON.stringify({ userId: randomUUID(), scope: 'test:answers' })).toString(
      'base64url',
    );
    const forged = signUnsubscribeToken(unsubscribeKey('another-secret-that-is-long-enough-0123456789'), {
      userId,
      scope: 'test:answers',
    });
    for (const token of [`${otherUser}.${signature}`, `${body}.${signature.slice(0, -2)}xx`, forged, 'garbage', '']) {
      for (const method of ['GET', 'POST']) {
        const res = await fetch(`${t.url}/unsubscribe?token=${encodeURIComponent(token)}`, { method });
        expect(res.status).toBe(400);
        expect(await res.text()).toContain('not valid');
      }
    }
    const expired = signUnsubscribeToken(linkKey(), {
      userId,
      scope: 'test:answers',
      exp: Math.floor(Date.now() / 1000) - 60,
    });
    const res = await fetch(`${t.url}/unsubscribe?token=${expired}`, { method: 'POST' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('expired');
    expect(unsubscribed).toEqual([]);
  });

  it('a JWT access token signed with the same secret is not a valid link', async () => {
    const user = await t.createUser('MEMBER');
    const res = await fetch(`${t.url}/unsubscribe?token=${user.token}`, { method: 'POST' });
    expect(res.status).toBe(400);
  });

  it('a scope nobody handles gets a clear page and nothing changes', async () => {
    const token = signUnsubscribeToken(linkKey(), { userId, scope: 'nobody:handles-this' });
    const res = await fetch(`${t.url}/unsubscribe?token=${token}`, { method: 'POST' });
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Nothing was changed');
    expect(unsubscribed).toEqual([]);
  });
});

describe('without SMTP_URL', () => {
  it('keeps messages for the development mail page and never sends them', async () => {
    // A database of its own: the SMTP-backed app's workers must not pick these jobs up.
    const devDatabase = await createIsolatedDatabase('maildev');
    const dev = await TestApp.start({ jobPollSeconds: 0.5, mail: mailConfig({ smtpUrl: undefined }) }, devDatabase.url);
    const waitForStatus = (idempotencyKey: string, status: string) =>
      eventually(async () => {
        const [row] = (await dev.dataSource.query(`SELECT status FROM mail_messages WHERE idempotency_key = $1`, [
          idempotencyKey,
        ])) as { status: string }[];
        return row?.status === status ? row : undefined;
      });
    try {
      const devMailer = dev.app.get(Mailer);
      const message = notification('kept@example.test');
      await dev.dataSource.transaction((m) => devMailer.send(m, message));
      await waitForStatus(message.idempotencyKey, 'kept');
      const list = (await (await fetch(`${dev.url}/dev/mail/messages`)).json()) as {
        messages: Array<Record<string, string>>;
      };
      const listed = list.messages.find((m) => m.subject === message.subject);
      expect(listed).toMatchObject({
        to: 'kept@example.test',
        status: 'kept',
        text: expect.stringContaining('Unsubscribe: '),
        html: expect.stringContaining('<!doctype html>'),
        createdAt: expect.any(String),
      });
      const one = await fetch(`${dev.url}/dev/mail/messages/${listed!.id}`);
      expect(await one.json()).toMatchObject({ id: listed!.id, subject: message.subject });
      expect((await fetch(`${dev.url}/dev/mail/messages/${randomUUID()}`)).status).toBe(404);
      const page = await (await fetch(`${dev.url}/dev/mail`)).text();
      expect(page).toContain(message.subject);
      const html = await fetch(`${dev.url}/dev/mail/messages/${listed!.id}/html`);
      expect(html.headers.get('content-security-policy')).toContain('sandbox');
      expect(smtp.matching((m) => subjectOf(m) === message.subject)).toHaveLength(0);
      const admin = await dev.createUser('ADMIN');
      expect((await dev.gql(`{ mailBacklog { delivering } }`, {}, { token: admin.token })).data?.mailBacklog).toEqual({
        delivering: false,
      });
    } finally {
      await dev.close();
      await devDatabase.drop();
    }
  });

  it('has no development mail page in production', async () => {
    const prod = await TestApp.start(
      { nodeEnv: 'production', isProduction: true, jobWorkers: false, mail: mailConfig({ smtpUrl: undefined }) },
      database.url,
    );
    try {
      expect((await fetch(`${prod.url}/dev/mail/messages`)).status).toBe(404);
      expect((await fetch(`${prod.url}/dev/mail`)).status).toBe(404);
    } finally {
      await prod.close();
    }
  });

  it('mailBacklog is for admins only', async () => {
    const query = `{ mailBacklog { queued } }`;
    expect(codeOf(await t.gql(query))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(query, {}, { token: (await t.createUser('MODERATOR')).token }))).toBe('FORBIDDEN');
  });
});
