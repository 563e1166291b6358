import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import type { DataSource, EntityManager } from 'typeorm';
import { MAIL_LIMITS } from '@crossroads/shared-domain';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { EventBus } from '../events/event-bus.js';
import { escapeHtml, renderEmail, type EmailContent } from './render-email.js';
import { UNSUBSCRIBE_LINK_DAYS, signUnsubscribeToken, unsubscribeKey } from './unsubscribe.js';

/**
 * `critical`: account and security mail (verification, password reset): never capped, sent even to
 * a refused address, no unsubscribe. `notification` and `digest`: capped per day and unsubscribable.
 */
export type MailCategory = 'critical' | 'notification' | 'digest';
export type MailStatus = 'queued' | 'sending' | 'sent' | 'kept' | 'failed' | 'suppressed' | 'capped';

interface OutgoingBase {
  to: string;
  subject: string;
  /** Unique per email meant (e.g. `notification:<id>:email`): a second send with it is a no-op. */
  idempotencyKey: string;
  category: MailCategory;
  headers?: Record<string, string>;
  /** Required for non-critical mail: what the one-click unsubscribe link turns off. */
  unsubscribe?: { userId: string; scope: string };
  /** Small text attachments (e.g. an .ics invite), stored with the message. */
  attachments?: MailAttachment[];
}

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

/** Either content for the house layout (preferred) or text and HTML rendered by the caller. */
export type OutgoingEmail = OutgoingBase & ({ content: EmailContent } | { text: string; html: string });

export interface MailBacklogState {
  queued: number;
  failed: number;
  /** Age of the oldest message still waiting to be delivered, in seconds; null when none waits. */
  oldestQueuedSeconds: number | null;
}

export interface StoredMail {
  id: string;
  to: string;
  subject: string;
  category: MailCategory;
  status: MailStatus;
  text: string;
  html: string;
  headers: Record<string, string>;
  messageId: string;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
  attachments: MailAttachment[];
}

interface ClaimedRow {
  id: string;
  recipient: string;
  subject: string;
  category: MailCategory;
  text_body: string;
  html_body: string;
  headers: Record<string, string>;
  message_id: string;
  attempts: number;
  attachments: MailAttachment[];
  /** The previous attempt was cut off mid-send (its worker died): the message may have gone out. */
  resumed: boolean;
  outcome: 'send' | 'suppressed' | 'capped';
}

export const MAIL_QUEUE = 'mail-delivery';

/** An SMTP answer that will not change on retry (5xx), as opposed to a 4xx or a network failure. */
function permanentFailure(error: unknown): { refusedRecipient: boolean } | null {
  const e = error as { responseCode?: number; command?: string; code?: string };
  if (typeof e.responseCode !== 'number' || e.responseCode < 500 || e.responseCode > 599) return null;
  // A refused login is our configuration, fixed by an operator: keep retrying meanwhile.
  if (e.code === 'EAUTH') return null;
  return { refusedRecipient: e.command === 'RCPT TO' || e.code === 'EENVELOPE' };
}

/**
 * The mail pipeline. `send` records the email (the sent-log row) and queues its delivery in the
 * caller's transaction, so an email exists exactly when the change that caused it committed. A
 * worker then claims the row with a conditional UPDATE (queued → sending) before talking to SMTP
 * and records `sent` after, so a duplicate or retried job never sends twice.
 *
 * Crash window (documented choice: at-least-once, made detectable): a worker killed after claiming
 * leaves the row `sending`; once its lease (MAIL_LEASE_SECONDS) has run out, the job queue retries
 * the job and another worker takes the row over and sends again. If the first worker had been cut
 * off before the SMTP server answered 250 to DATA, the server did not take the message and nothing
 * is lost or doubled. Only a kill in the instant between the server's 250 and our UPDATE to `sent`
 * can deliver twice; both copies then carry the same Message-ID (derived from the idempotency key),
 * which mail stores and clients use to collapse duplicates, and the takeover is logged.
 */
@Injectable()
export class Mailer implements OnModuleInit {
  private readonly logger = new Logger(Mailer.name);
  private readonly transport: Transporter | undefined;
  private readonly linkKey: Buffer;
  private readonly messageIdDomain: string;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly bus: EventBus,
  ) {
    const { smtpUrl } = config.mail;
    this.transport = smtpUrl
      ? nodemailer.createTransport({
          url: smtpUrl,
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 30_000,
        })
      : undefined;
    this.linkKey = unsubscribeKey(config.jwtSecret);
    this.messageIdDomain = new URL(config.mail.publicUrl).hostname || 'crossroads.local';
  }

  onModuleInit(): void {
    if (!this.transport) {
      const where = this.config.isProduction ? 'NODE_ENV=production without SMTP_URL' : 'no SMTP_URL';
      this.logger.warn(
        `${where}: emails are kept in the database (status "kept"), never sent${this.config.isProduction ? '' : '; see /dev/mail'}`,
      );
    }
    const { retryLimit, retryDelaySeconds, leaseSeconds } = this.config.mail;
    this.bus.on<{ id: string }>(MAIL_QUEUE, [], async (job) => this.deliver((job as unknown as { id: string }).id), {
      batchSize: 5,
      retryLimit,
      retryDelaySeconds,
      // The queue takes a job back from a dead worker after this; the row's lease is the same.
      expireInSeconds: leaseSeconds,
    });
  }

  /** Whether messages go to an SMTP server (else they are kept for the development mail page). */
  get delivering(): boolean {
    return Boolean(this.transport);
  }

  /** The one-click unsubscribe link for `userId` and `scope` (the scope's handler decides what it means). */
  unsubscribeUrl(userId: string, scope: string): string {
    const exp = Math.floor(Date.now() / 1000) + UNSUBSCRIBE_LINK_DAYS * 86_400;
    return `${this.config.mail.publicUrl}/unsubscribe?token=${signUnsubscribeToken(this.linkKey, { userId, scope, exp })}`;
  }

  /**
   * Records the email and queues its delivery in the caller's transaction. Returns false when an
   * email with this idempotency key exists already (nothing is queued again).
   */
  async send(m: EntityManager, message: OutgoingEmail): Promise<boolean> {
    const to = message.to.trim();
    if (!/^[^\s@<>,;]+@[^\s@<>,;]+$/.test(to))
      throw new Error(`Not a single email address: ${JSON.stringify(message.to)}`);
    if (/[\r\n]/.test(message.subject)) throw new Error('An email subject cannot contain line breaks');
    const headers: Record<string, string> = { ...message.headers };
    let text: string;
    let html: string;
    if (message.category === 'critical') {
      ({ text, html } = 'content' in message ? renderEmail(message.content) : message);
    } else {
      if (!message.unsubscribe) throw new Error(`A ${message.category} email needs an unsubscribe scope`);
      const url = this.unsubscribeUrl(message.unsubscribe.userId, message.unsubscribe.scope);
      // RFC 8058 one-click: mail apps POST "List-Unsubscribe=One-Click" to the URL.
      headers['List-Unsubscribe'] = `<${url}>`;
      headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
      if ('content' in message) ({ text, html } = renderEmail({ ...message.content, unsubscribeUrl: url }));
      else ({ text, html } = withUnsubscribeLink(message.text, message.html, url));
    }
    const messageId = `<${createHash('sha256').update(message.idempotencyKey).digest('hex').slice(0, 40)}@${this.messageIdDomain}>`;
    const inserted = (await m.query(
      `INSERT INTO mail_messages (idempotency_key, recipient, subject, category, text_body, html_body, headers, message_id, attachments)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
      [
        message.idempotencyKey,
        to,
        message.subject,
        message.category,
        text,
        html,
        JSON.stringify(headers),
        messageId,
        JSON.stringify(message.attachments ?? []),
      ],
    )) as { id: string }[];
    if (!inserted.length) return false;
    await this.bus.enqueue(m, MAIL_QUEUE, { id: inserted[0].id }, { singletonKey: `mail:${inserted[0].id}` });
    return true;
  }

  /** One delivery attempt of one message: the job handler. Idempotent. */
  async deliver(id: string): Promise<void> {
    const row = await this.claim(id);
    if (!row) return;
    if (row.outcome === 'in-flight') {
      await this.dataSource.transaction((m) => this.bus.enqueue(m, MAIL_QUEUE, { id }, { startAfter: row.retryAt }));
      return;
    }
    if (row.outcome !== 'send') {
      this.logger.log(`Mail ${id} to ${row.recipient} not sent: ${row.outcome}`);
      return;
    }
    if (!this.transport) {
      await this.dataSource.query(
        `UPDATE mail_messages SET status = 'kept', sent_at = now(), claimed_at = NULL WHERE id = $1 AND status = 'sending'`,
        [id],
      );
      return;
    }
    if (row.resumed)
      this.logger.warn(
        `Mail ${id} (${row.message_id}): a worker died while sending it; sending again with the same Message-ID`,
      );
    try {
      await this.transport.sendMail({
        from: this.config.mail.from,
        to: row.recipient,
        subject: row.subject,
        text: row.text_body,
        html: row.html_body,
        headers: row.headers,
        messageId: row.message_id,
        attachments: row.attachments.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: a.content,
        })),
      });
    } catch (error) {
      await this.failed(row, error);
      return;
    }
    await this.dataSource.query(
      `UPDATE mail_messages SET status = 'sent', sent_at = now(), last_error = NULL, claimed_at = NULL WHERE id = $1`,
      [id],
    );
  }

  /**
   * queued → sending, or a takeover of a `sending` row whose lease ran out (its worker died); with
   * the row and the recipient locked, so concurrent workers cannot both pass the daily cap.
   */
  private async claim(id: string): Promise<ClaimedRow | { outcome: 'in-flight'; retryAt: Date } | null> {
    return this.dataSource.transaction(async (m) => {
      const [current] = (await m.query(
        `SELECT recipient, status, claimed_at FROM mail_messages WHERE id = $1 FOR UPDATE`,
        [id],
      )) as {
        recipient: string;
        status: MailStatus;
        claimed_at: Date | null;
      }[];
      if (!current || (current.status !== 'queued' && current.status !== 'sending')) return null;
      const leaseEnd = current.claimed_at ? current.claimed_at.getTime() + this.config.mail.leaseSeconds * 1000 : 0;
      // Another worker holds it (or held it and may still be alive): look again once its lease is over.
      if (current.status === 'sending' && leaseEnd > Date.now())
        return { outcome: 'in-flight', retryAt: new Date(leaseEnd + 1000) };
      await m.query(`SELECT pg_advisory_xact_lock(hashtextextended('mail:' || lower($1), 0))`, [current.recipient]);
      // TypeORM answers an UPDATE … RETURNING with [rows, affected].
      const [[row]] = (await m.query(
        `UPDATE mail_messages SET status = 'sending', attempts = attempts + 1, claimed_at = now() WHERE id = $1
         RETURNING id, recipient, subject, category, text_body, html_body, headers, message_id, attempts, attachments`,
        [id],
      )) as [Omit<ClaimedRow, 'outcome' | 'resumed'>[], number];
      let outcome: ClaimedRow['outcome'] = 'send';
      if (row.category !== 'critical') {
        const [suppressed] = (await m.query(`SELECT 1 FROM mail_suppressions WHERE address = lower($1)`, [
          row.recipient,
        ])) as unknown[];
        if (suppressed) outcome = 'suppressed';
        else {
          const [{ count }] = (await m.query(
            `SELECT count(*)::int AS count FROM mail_messages
             WHERE lower(recipient) = lower($1) AND created_at > now() - interval '1 day' AND category <> 'critical'
               AND status IN ('sent', 'kept', 'sending') AND id <> $2`,
            [row.recipient, id],
          )) as { count: number }[];
          if (count >= MAIL_LIMITS.dailyNonCriticalPerRecipient) outcome = 'capped';
        }
      }
      if (outcome !== 'send')
        await m.query(`UPDATE mail_messages SET status = $2, claimed_at = NULL WHERE id = $1`, [id, outcome]);
      return { ...row, resumed: current.status === 'sending', outcome };
    });
  }

  private async failed(row: ClaimedRow, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message.slice(0, 1000) : String(error);
    const permanent = permanentFailure(error);
    if (permanent) {
      await this.dataSource.transaction(async (m) => {
        await m.query(`UPDATE mail_messages SET status = 'failed', last_error = $2, claimed_at = NULL WHERE id = $1`, [
          row.id,
          message,
        ]);
        if (permanent.refusedRecipient) {
          await m.query(
            `INSERT INTO mail_suppressions (address, reason) VALUES (lower($1), $2) ON CONFLICT (address) DO NOTHING`,
            [row.recipient, message],
          );
        }
      });
      this.logger.warn(`Mail ${row.id} to ${row.recipient} refused for good: ${message}`);
      return;
    }
    const exhausted = row.attempts > this.config.mail.retryLimit;
    await this.dataSource.query(
      `UPDATE mail_messages SET status = $2, last_error = $3, claimed_at = NULL WHERE id = $1`,
      [row.id, exhausted ? 'failed' : 'queued', message],
    );
    if (exhausted) {
      this.logger.error(`Mail ${row.id} to ${row.recipient} failed after ${row.attempts} attempts: ${message}`);
      return;
    }
    // Thrown so the job queue retries with exponential backoff.
    throw new Error(`SMTP delivery of mail ${row.id} failed (attempt ${row.attempts}), will retry: ${message}`);
  }

  /** What an admin (and /health) sees: messages waiting or failed, and how long the oldest has waited. */
  async backlog(): Promise<MailBacklogState> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE status IN ('queued', 'sending'))::int AS queued,
              count(*) FILTER (WHERE status = 'failed')::int AS failed,
              extract(epoch FROM now() - min(created_at) FILTER (WHERE status IN ('queued', 'sending')))::float8 AS oldest
       FROM mail_messages WHERE status IN ('queued', 'sending', 'failed')`,
    )) as { queued: number; failed: number; oldest: number | null }[];
    return {
      queued: row.queued,
      failed: row.failed,
      oldestQueuedSeconds: row.oldest === null ? null : Math.floor(row.oldest),
    };
  }

  /** The newest messages, for the development mail page. */
  async list(limit: number): Promise<StoredMail[]> {
    const rows = (await this.dataSource.query(`${SELECT_MAIL} ORDER BY created_at DESC, id DESC LIMIT $1`, [
      limit,
    ])) as StoredMailRow[];
    return rows.map(toStoredMail);
  }

  async find(id: string): Promise<StoredMail | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const [row] = (await this.dataSource.query(`${SELECT_MAIL} WHERE id = $1`, [id])) as StoredMailRow[];
    return row ? toStoredMail(row) : null;
  }
}

const SELECT_MAIL = `SELECT id, recipient, subject, category, status, text_body, html_body, headers, message_id, attempts, last_error, created_at, sent_at, attachments FROM mail_messages`;

interface StoredMailRow {
  id: string;
  recipient: string;
  subject: string;
  category: MailCategory;
  status: MailStatus;
  text_body: string;
  html_body: string;
  headers: Record<string, string>;
  message_id: string;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
  attachments: MailAttachment[];
}

function toStoredMail(r: StoredMailRow): StoredMail {
  return {
    id: r.id,
    to: r.recipient,
    subject: r.subject,
    category: r.category,
    status: r.status,
    text: r.text_body,
    html: r.html_body,
    headers: r.headers,
    messageId: r.message_id,
    attempts: r.attempts,
    lastError: r.last_error,
    createdAt: r.created_at,
    sentAt: r.sent_at,
    attachments: r.attachments,
  };
}

/** For mail rendered by the caller: the visible unsubscribe link, at the end of both parts. */
function withUnsubscribeLink(text: string, html: string, url: string): { text: string; html: string } {
  const link = `<p style="margin:16px 0 0;font-size:13px;color:#3e4c59;"><a href="${escapeHtml(url)}" style="color:#1d4ed8;">Unsubscribe</a> from these emails.</p>`;
  const at = html.toLowerCase().lastIndexOf('</body>');
  return {
    text: `${text.replace(/\s+$/, '')}\n\nUnsubscribe: ${url}\n`,
    html: at >= 0 ? `${html.slice(0, at)}${link}\n${html.slice(at)}` : `${html}\n${link}`,
  };
}
