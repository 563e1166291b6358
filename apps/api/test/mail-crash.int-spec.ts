import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter, once } from 'node:events';
import { join } from 'node:path';
import type { SMTPServerSession } from 'smtp-server';
import { DataSource } from 'typeorm';
import {
  EventBus,
  Mailer,
  dataSourceOptions,
  findProjectRoot,
  loadConfig,
  type OutgoingEmail,
} from '@crossroads/api-platform';
import { apiSchema } from '../src/api-schema.js';
import { createIsolatedDatabase } from './support/isolated-database.js';
import { TestSmtpServer, eventually } from './support/smtp.js';

/**
 * issue 14: "a worker killed with SIGKILL mid-batch loses no email and sends none twice". A worker
 * process (the built modules) delivers a batch to a slow SMTP server and is killed while the server
 * holds the 3rd message's DATA; a second worker finishes the batch. Counted at the SMTP server.
 */
const JWT_SECRET = 'test-secret-that-is-long-enough-0123456789';
const TOTAL = 8;
const worker = join(findProjectRoot(), 'apps/api/test/support/mail-worker.mjs');
const control = new EventEmitter();
let heldSession: SMTPServerSession | undefined;
let heldSubject: string | undefined;
let accepted = 0;
const smtp = new TestSmtpServer({
  // Slow, and the 3rd message is held until the test has killed its sender.
  beforeAccept: async (mail, session) => {
    await new Promise((r) => setTimeout(r, 100));
    accepted += 1;
    if (accepted === 3) {
      heldSession = session;
      heldSubject = mail.subject;
      control.emit('holding');
      await once(control, 'release');
    }
  },
});
let database: Awaited<ReturnType<typeof createIsolatedDatabase>>;
let dataSource: DataSource;
let bus: EventBus;
let mailer: Mailer;
const children: ChildProcess[] = [];

function startWorker(): Promise<ChildProcess> {
  const child = spawn(process.execPath, [worker], {
    env: {
      ...process.env,
      TEST_DATABASE: database.url,
      JWT_SECRET,
      SMTP_URL: smtp.url,
      MAIL_LEASE_SECONDS: '2',
      MAIL_RETRY_DELAY_SECONDS: '1',
      JOB_MAINTENANCE_SECONDS: '1',
      JOB_POLL_SECONDS: '0.5',
      LOG_LEVEL: 'silent',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('ready\n')) resolve(child);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code, signal) => reject(new Error(`mail worker exited (${code ?? signal}):\n${out}`)));
  });
}

beforeAll(async () => {
  await smtp.start();
  database = await createIsolatedDatabase('mailcrash');
  dataSource = await new DataSource(dataSourceOptions(database.url, apiSchema, 4)).initialize();
  // This process only queues (the workers are the child processes), with the same settings: the
  // job's lease (expiry) is set when it is queued.
  const config = {
    ...loadConfig({
      NODE_ENV: 'test',
      JWT_SECRET,
      SMTP_URL: smtp.url,
      MAIL_LEASE_SECONDS: '2',
      MAIL_RETRY_DELAY_SECONDS: '1',
    }),
    jobWorkers: false,
  };
  bus = new EventBus(config, database.url);
  mailer = new Mailer(config, dataSource, bus);
  mailer.onModuleInit();
  await bus.onApplicationBootstrap();
});

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  control.emit('release');
  await bus?.onApplicationShutdown();
  await dataSource?.destroy();
  await smtp.stop();
  await database?.drop();
});

describe('a mail worker killed mid-batch', () => {
  it('loses no email and sends none twice', async () => {
    const messages: OutgoingEmail[] = Array.from({ length: TOTAL }, (_, i) => ({
      to: `reader${i}@example.test`,
      subject: `Batch message ${i}`,
      idempotencyKey: `crash-test-${i}`,
      category: 'critical',
      text: `Message ${i}`,
      html: `<p>Message ${i}</p>`,
    }));
    await dataSource.transaction(async (m) => {
      for (const message of messages) await mailer.send(m, message);
    });
    const holding = once(control, 'holding');
    const first = await startWorker();
    await holding;

    // The worker is mid-batch: two messages delivered, the 3rd in DATA, the rest fetched or queued.
    const closed = new Promise<void>((resolve) =>
      smtp.events.on('close', (s: SMTPServerSession) => s.id === heldSession?.id && resolve()),
    );
    const exited = once(first, 'exit');
    first.kill('SIGKILL');
    await exited;
    await closed;
    const dropped = once(smtp.events, 'dropped');
    control.emit('release'); // too late: the client is gone, so the server never took the 3rd message
    await dropped;
    // Two sent, the held one claimed. On a loaded machine the batch can outlast its 2 s lease before the
    // kill: pg-boss then fails the batch and the worker claims the next message too (never sent twice).
    const midway = (await dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent,
              bool_or(status = 'sending' AND subject = $1) AS "heldClaimed"
         FROM mail_messages`,
      [heldSubject],
    )) as { sent: number; heldClaimed: boolean }[];
    expect(midway).toEqual([{ sent: 2, heldClaimed: true }]);

    const second = await startWorker();
    for (const message of messages) await smtp.waitFor((mail) => mail.subject === message.subject);
    // Finished: every row sent and no job left that could send again.
    await eventually(async () => {
      const [{ unfinished }] = (await dataSource.query(
        `SELECT count(*)::int AS unfinished FROM mail_messages WHERE status <> 'sent'`,
      )) as { unfinished: number }[];
      const [{ jobs }] = (await dataSource.query(
        `SELECT count(*)::int AS jobs FROM pgboss.job WHERE name = 'mail-delivery' AND state < 'completed'`,
      )) as { jobs: number }[];
      return unfinished === 0 && jobs === 0 ? true : undefined;
    }, 30_000);
    second.kill('SIGTERM');
    await once(second, 'exit');

    const perMessageId = new Map<string, number>();
    for (const mail of smtp.received)
      perMessageId.set(String(mail.messageId), (perMessageId.get(String(mail.messageId)) ?? 0) + 1);
    expect(smtp.received).toHaveLength(TOTAL);
    expect([...perMessageId.values()]).toEqual(Array(TOTAL).fill(1));
    expect(new Set(smtp.received.map((m) => m.subject))).toEqual(new Set(messages.map((m) => m.subject)));
    // The held message was taken over after its lease: two attempts, the same Message-ID.
    const [held] = (await dataSource.query(`SELECT attempts FROM mail_messages WHERE subject = $1`, [heldSubject])) as {
      attempts: number;
    }[];
    expect(held.attempts).toBe(2);
  }, 90_000);
});
