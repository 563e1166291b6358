import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { NOTIFICATION_EMAIL } from '@crossroads/shared-domain';
import {
  APP_CONFIG,
  EventBus,
  LoaderRegistry,
  Mailer,
  inTransaction,
  type AppConfig,
  type EmailContent,
} from '@crossroads/api-platform';
import { UsersService } from '@crossroads/api-accounts';
import { AnswersService, CommentsService } from '@crossroads/api-qa';
import { SessionInvites } from '@crossroads/api-mentoring';
import type { NotificationType } from '../common/types.js';
import {
  digestItems,
  digestRecipients,
  instantEmailIds,
  instantEmailRow,
  type DigestItemRow,
} from '../notifications/notifications.repository.js';
import { EMAIL_TEXTS, excerpt, subjectLine } from './email-texts.js';

export const INSTANT_EMAIL_QUEUE = 'notification-email-instant';
export const DAILY_DIGEST_QUEUE = 'notification-digest-daily';
export const WEEKLY_DIGEST_QUEUE = 'notification-digest-weekly';
/** Unsubscribe scope of digests (per type: `notification:<TYPE>`). */
export const DIGEST_SCOPE = 'digest';
export const typeScope = (type: NotificationType) => `notification:${type}`;

export type DigestFrequency = 'DAILY' | 'WEEKLY';
const PERIOD_DAYS: Record<DigestFrequency, number> = { DAILY: 1, WEEKLY: 7 };
/** Digests go out at 07:00 UTC: daily, and weekly on Mondays. */
export const DIGEST_CRON: Record<DigestFrequency, string> = { DAILY: '0 7 * * *', WEEKLY: '0 7 * * 1' };
const DIGEST_BATCH = 200;

/**
 * Which notification becomes which email, when (issue 14, product rules "Email only when the
 * person is away"). Instant: a job 60 s (EMAIL_INSTANT_DELAY_SECONDS) after the notification, that
 * sends only if it is still unread and the person was not active in the last 10 minutes; a grouped
 * notification merged again meanwhile sends once, from the last job. Digests: daily and weekly, of
 * the unread notifications of the types set to that frequency, to people who have not visited in
 * the period (and not after 180 days away). Everything goes through the Mailer (sent-log,
 * idempotency keys, daily cap, one-click unsubscribe).
 */
@Injectable()
export class NotificationEmails implements OnModuleInit {
  private readonly logger = new Logger(NotificationEmails.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly bus: EventBus,
    private readonly mailer: Mailer,
    private readonly users: UsersService,
    private readonly answers: AnswersService,
    private readonly comments: CommentsService,
    private readonly invites: SessionInvites,
  ) {}

  onModuleInit(): void {
    this.bus.on<{ notificationId: string }>(INSTANT_EMAIL_QUEUE, [], async (job) => {
      const { notificationId } = job as unknown as { notificationId: string };
      const outcome = await this.sendInstant(notificationId);
      if (outcome !== 'sent') this.logger.debug(`Instant email of notification ${notificationId}: ${outcome}`);
    });
    this.bus.every(DAILY_DIGEST_QUEUE, DIGEST_CRON.DAILY, async () => {
      await this.sendDigests('DAILY');
    });
    this.bus.every(WEEKLY_DIGEST_QUEUE, DIGEST_CRON.WEEKLY, async () => {
      await this.sendDigests('WEEKLY');
    });
  }

  private absolute(path: string): string {
    return `${this.config.mail.publicUrl}${path.startsWith('/') ? path : `/${path}`}`;
  }

  private settingsFooter(): string {
    return `Choose what you get by email in your notification settings: ${this.absolute('/settings/notifications')}`;
  }

  /**
   * In the writer's transaction: queues the delayed email job of each written (or merged)
   * notification whose type the recipient gets instantly.
   */
  async scheduleInstant(m: EntityManager, written: readonly { id: string }[]): Promise<void> {
    if (!written.length) return;
    const ids = await instantEmailIds(
      m,
      written.map((w) => w.id),
    );
    const startAfter = new Date(Date.now() + this.config.emailInstantDelaySeconds * 1000);
    await this.bus.enqueueMany(
      m,
      INSTANT_EMAIL_QUEUE,
      ids.map((id) => ({ data: { notificationId: id }, startAfter })),
    );
  }

  /** The delayed job: returns what happened (for logs and tests). */
  async sendInstant(
    notificationId: string,
  ): Promise<'sent' | 'duplicate' | 'gone' | 'read' | 'not-instant' | 'superseded' | 'active' | 'no-address'> {
    const n = await instantEmailRow(this.dataSource, notificationId, this.config.emailInstantDelaySeconds);
    if (!n) return 'gone';
    if (n.readAt) return 'read';
    if (n.email !== 'INSTANT') return 'not-instant';
    if (n.superseded) return 'superseded';
    const presence = (await this.users.lastSeen([n.recipientId])).get(n.recipientId);
    if (presence?.lastSeenAt && presence.lastSeenAt.getTime() > Date.now() - NOTIFICATION_EMAIL.awayMinutes * 60_000)
      return 'active';
    const loaders = new LoaderRegistry();
    const user = await this.users.loader(loaders).load(n.recipientId);
    const address = user?.email;
    if (!address) return 'no-address';
    const quoted = n.answerId
      ? (await this.answers.byIdLoader(loaders).load(n.answerId))?.body
      : n.commentId
        ? (await this.comments.byIdLoader(loaders).load(n.commentId))?.body
        : undefined;
    const texts = EMAIL_TEXTS[n.type];
    const content: EmailContent = {
      preheader: quoted ? excerpt(quoted, 120) : n.text,
      heading: n.text,
      paragraphs: quoted ? [`“${excerpt(quoted)}”`] : [],
      action: { label: texts.action, url: this.absolute(n.url) },
      footer: `${texts.why} ${this.settingsFooter()}`,
    };
    // Session emails (booked, cancelled, reminders) carry the session's calendar invite.
    const sessionId =
      n.type === 'MENTORSHIP_SESSION' || n.type === 'MENTORSHIP_SESSION_REMINDER'
        ? /#session-([0-9a-f-]{36})$/.exec(n.url)?.[1]
        : undefined;
    const invite = sessionId ? await this.invites.attachmentFor(sessionId, n.recipientId) : null;
    const queued = await inTransaction(this.dataSource, (m) =>
      this.mailer.send(m, {
        to: address,
        ...(invite ? { attachments: [invite] } : {}),
        subject: subjectLine(n.text),
        // A grouped notification merged into after its email gets one more ("A, B and 2 others answered").
        idempotencyKey: `notification:${n.id}:${n.groupCount}`,
        category: 'notification',
        unsubscribe: { userId: n.recipientId, scope: typeScope(n.type) },
        content,
      }),
    );
    return queued ? 'sent' : 'duplicate';
  }

  /**
   * One digest run: every person with unread notifications of types set to `frequency` in the
   * period ending now. Keyed per person and period (the UTC day the period ends), so a re-run or
   * a retried job never sends twice. Returns how many digests were queued.
   */
  async sendDigests(frequency: DigestFrequency, now = new Date()): Promise<number> {
    const end = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000); // whole hours: re-runs agree
    const start = new Date(end.getTime() - PERIOD_DAYS[frequency] * 86_400_000);
    const periodKey = end.toISOString().slice(0, 10);
    const stopBefore = end.getTime() - NOTIFICATION_EMAIL.digestStopDays * 86_400_000;
    let after = '00000000-0000-0000-0000-000000000000';
    let queued = 0;
    for (;;) {
      const recipients = await digestRecipients(this.dataSource, start, end, frequency, after, DIGEST_BATCH);
      if (!recipients.length) return queued;
      after = recipients[recipients.length - 1];
      const presence = await this.users.lastSeen(recipients);
      const away = recipients.filter((id) => {
        const p = presence.get(id);
        if (!p) return false;
        if (p.lastSeenAt && p.lastSeenAt.getTime() >= start.getTime()) return false; // visited in the period
        return (p.lastSeenAt ?? p.createdAt).getTime() >= stopBefore; // gone for 180 days: stop
      });
      if (!away.length) continue;
      const items = await digestItems(this.dataSource, away, start, end, frequency, NOTIFICATION_EMAIL.digestMaxItems);
      const byUser = new Map<string, DigestItemRow[]>();
      for (const item of items) byUser.set(item.userId, [...(byUser.get(item.userId) ?? []), item]);
      const loaders = new LoaderRegistry();
      for (const [userId, list] of byUser) {
        const user = await this.users.loader(loaders).load(userId);
        const address = user?.email;
        if (!address) continue;
        const sent = await inTransaction(this.dataSource, (m) =>
          this.mailer.send(m, {
            to: address,
            ...this.digest(frequency, list),
            idempotencyKey: `digest:${frequency.toLowerCase()}:${userId}:${periodKey}`,
            category: 'digest',
            unsubscribe: { userId, scope: DIGEST_SCOPE },
          }),
        );
        if (sent) queued += 1;
      }
    }
  }

  private digest(frequency: DigestFrequency, items: DigestItemRow[]): { subject: string; content: EmailContent } {
    const period = frequency === 'DAILY' ? 'daily' : 'weekly';
    const total = items[0].total;
    const line = (i: DigestItemRow) => `• ${i.text}: ${this.absolute(i.url)}`;
    const tagged = items.filter((i) => i.type === 'FOLLOWED_TAG_QUESTION');
    const other = items.filter((i) => i.type !== 'FOLLOWED_TAG_QUESTION');
    const paragraphs = [
      ...(other.length ? ['Unread notifications:', ...other.map(line)] : []),
      ...(tagged.length ? ['New questions in tags you follow:', ...tagged.map(line)] : []),
      ...(total > items.length ? [`And ${total - items.length} more in your inbox.`] : []),
    ];
    const what = [
      other.length ? `${other.length} unread notification${other.length === 1 ? '' : 's'}` : null,
      tagged.length ? `${tagged.length} new question${tagged.length === 1 ? '' : 's'} in tags you follow` : null,
    ]
      .filter(Boolean)
      .join(' and ');
    return {
      subject: subjectLine(`Your ${period} Crossroads digest: ${what}${total > items.length ? ' and more' : ''}`),
      content: {
        preheader: items[0].text,
        heading: `Your ${period} digest`,
        paragraphs,
        action: { label: 'Open your inbox', url: this.absolute('/notifications') },
        footer: `You get this ${period} digest because you have not visited Crossroads since the last one and your settings send these notifications ${period}. ${this.settingsFooter()}`,
      },
    };
  }
}
