import { Controller, Get, HttpCode, Inject, Injectable, Post, Query, Res, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { hkdfSync } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { NOTIFICATION_EMAIL } from '@crossroads/shared-domain';
import {
  APP_CONFIG,
  EventBus,
  LoaderRegistry,
  Mailer,
  Public,
  escapeHtml,
  inTransaction,
  linkPage as page,
  linkPageParagraph as p,
  signUnsubscribeToken,
  verifyUnsubscribeToken,
  type AppConfig,
  type RecordedEvent,
} from '@crossroads/api-platform';
import { UsersService } from '@crossroads/api-accounts';
import {
  CommentsService,
  QA_EVENTS,
  QuestionsService,
  type CommentFollowUpRequestedPayload,
  type CommentPublishedPayload,
} from '@crossroads/api-qa';
import { commentUrl, questionUrl } from '../handlers/notification-handlers.js';
import { excerpt, subjectLine } from './email-texts.js';
import { confirmFollowUp, subscribersOf, upsertFollowUp } from './guest-follow-ups.repository.js';

export const GUEST_FOLLOW_UPS_QUEUE = 'notification-guest-follow-ups';
/** Unsubscribe scope of follow-up emails; the link's "user id" is the subscription's id. */
export const GUEST_FOLLOW_UP_SCOPE = 'guest-follow-up';
const CONFIRM_SCOPE = 'guest-follow-up-confirm';

/** Its own key (not the unsubscribe links' nor the access tokens'): a link of one kind never passes as another. */
const confirmKey = (jwtSecret: string) =>
  Buffer.from(hkdfSync('sha256', jwtSecret, 'crossroads', 'crossroads/guest-follow-up-confirm/v1', 32));

/**
 * WordPress-style "Notify me of follow-up comments" for guests: the request (a qa event) stores the
 * address in guest_follow_ups and emails a signed confirmation link; once confirmed, every later
 * published comment on the question is emailed, with a one-click unsubscribe.
 */
@Injectable()
export class GuestFollowUps implements OnModuleInit {
  private readonly key: Buffer;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly bus: EventBus,
    private readonly mailer: Mailer,
    private readonly users: UsersService,
    private readonly questions: QuestionsService,
    private readonly comments: CommentsService,
  ) {
    this.key = confirmKey(config.jwtSecret);
  }

  onModuleInit(): void {
    this.bus.on(
      GUEST_FOLLOW_UPS_QUEUE,
      [QA_EVENTS.commentFollowUpRequested, QA_EVENTS.commentPublished],
      async (event) => {
        if (event.type === QA_EVENTS.commentFollowUpRequested)
          await this.requested(event as RecordedEvent<CommentFollowUpRequestedPayload>);
        else await this.published(event as RecordedEvent<CommentPublishedPayload>);
      },
    );
  }

  confirmUrl(subscriptionId: string): string {
    const exp = Math.floor(Date.now() / 1000) + NOTIFICATION_EMAIL.followUpLinkDays * 86_400;
    return `${this.config.mail.publicUrl}/follow-ups/confirm?token=${signUnsubscribeToken(this.key, { userId: subscriptionId, scope: CONFIRM_SCOPE, exp })}`;
  }

  /** The subscription a confirmation token names, or why not. */
  check(token: unknown): { ok: true; id: string } | { ok: false; reason: 'invalid' | 'expired' } {
    if (typeof token !== 'string' || token.length > 2000) return { ok: false, reason: 'invalid' };
    const result = verifyUnsubscribeToken(this.key, token);
    if (!result.ok) return result;
    if (result.payload.scope !== CONFIRM_SCOPE) return { ok: false, reason: 'invalid' };
    return { ok: true, id: result.payload.userId };
  }

  /** Confirms; false when the subscription no longer exists (unsubscribed since). Idempotent. */
  async confirm(id: string): Promise<boolean> {
    return confirmFollowUp(this.dataSource, id);
  }

  private async requested(event: RecordedEvent<CommentFollowUpRequestedPayload>): Promise<void> {
    const contact = await this.comments.guestContact(event.payload.commentId);
    if (!contact) return; // deleted since
    const question = await this.questions.byIdLoader(new LoaderRegistry()).load(contact.questionId);
    if (!question) return;
    await inTransaction(this.dataSource, async (m) => {
      // One subscription per question and address; asking again (another comment) re-sends nothing.
      const row = await upsertFollowUp(m, {
        questionId: contact.questionId,
        email: contact.guestEmail,
        commentId: event.payload.commentId,
      });
      if (row.confirmedAt) return;
      await this.mailer.send(m, {
        to: contact.guestEmail,
        subject: subjectLine(`Confirm follow-up emails for “${question.title}”`),
        idempotencyKey: `guest-follow-up:${row.id}:confirm`,
        category: 'notification',
        unsubscribe: { userId: row.id, scope: GUEST_FOLLOW_UP_SCOPE },
        content: {
          preheader: 'One click to get new comments on this question by email.',
          heading: `Confirm follow-up emails for “${question.title}”`,
          paragraphs: [
            `${contact.guestName}, you asked to be emailed when someone comments on this question after you. Confirm with the button below to start.`,
            'If it was not you, ignore this email: nothing will be sent.',
          ],
          action: { label: 'Confirm follow-up emails', url: this.confirmUrl(row.id) },
          footer: `You get this because this address was given with a comment on Crossroads and “Notify me of follow-up comments” was ticked. The link works for ${NOTIFICATION_EMAIL.followUpLinkDays} days.`,
        },
      });
    });
  }

  private async published(event: RecordedEvent<CommentPublishedPayload>): Promise<void> {
    const { commentId, questionId, authorId } = event.payload;
    const loaders = new LoaderRegistry();
    const [comment, question] = await Promise.all([
      this.comments.byIdLoader(loaders).load(commentId),
      this.questions.byIdLoader(loaders).load(questionId),
    ]);
    if (!comment || !question) return;
    // The guest's own later comment is not news to them.
    const own = authorId ? null : ((await this.comments.guestContact(commentId))?.guestEmail.toLowerCase() ?? null);
    const subscribers = await subscribersOf(this.dataSource, questionId, commentId, own);
    if (!subscribers.length) return;
    const who =
      (authorId ? (await this.users.loader(loaders).load(authorId))?.displayName : comment.guestName) ?? 'Someone';
    const url = `${this.config.mail.publicUrl}${commentUrl(questionId, commentId)}`;
    await inTransaction(this.dataSource, async (m) => {
      for (const s of subscribers) {
        await this.mailer.send(m, {
          to: s.email,
          subject: subjectLine(`${who} commented on “${question.title}”`),
          idempotencyKey: `guest-follow-up:${s.id}:comment:${commentId}`,
          category: 'notification',
          unsubscribe: { userId: s.id, scope: GUEST_FOLLOW_UP_SCOPE },
          content: {
            preheader: excerpt(comment.body, 120),
            heading: `${who} commented on “${question.title}”`,
            paragraphs: [`“${excerpt(comment.body)}”`],
            action: { label: 'Read the comment', url },
            footer: `You get this because you asked for follow-up comments on this question when you commented as a guest. Question: ${this.config.mail.publicUrl}${questionUrl(questionId)}`,
          },
        });
      }
    });
  }
}

/**
 * The confirmation link, no sign-in: GET shows a page with a button (mail scanners prefetch links),
 * POST confirms. A tampered or expired link gets a clear page and changes nothing.
 */
@Controller('follow-ups')
export class GuestFollowUpsController {
  constructor(private readonly followUps: GuestFollowUps) {}

  @Get('confirm')
  @Public()
  show(@Query('token') token: unknown, @Res() res: Response): void {
    if (!this.valid(token, res)) return;
    const action = `/follow-ups/confirm?token=${encodeURIComponent(String(token))}`;
    res
      .status(200)
      .type('html')
      .send(
        page(
          'Confirm follow-up emails',
          `${p('Get an email when someone comments on this question after you?')}
<form method="post" action="${escapeHtml(action)}">
<button type="submit" style="font-size:16px;padding:12px 20px;border:0;border-radius:6px;background:#1d4ed8;color:#fff;cursor:pointer;">Confirm</button>
</form>`,
        ),
      );
  }

  @Post('confirm')
  @Public()
  @HttpCode(200)
  async confirm(@Query('token') token: unknown, @Res() res: Response): Promise<void> {
    const id = this.valid(token, res);
    if (!id) return;
    if (!(await this.followUps.confirm(id))) {
      res
        .status(404)
        .type('html')
        .send(
          page(
            'Nothing to confirm',
            p('These follow-up emails were turned off since (unsubscribed). Nothing was changed.'),
          ),
        );
      return;
    }
    res
      .status(200)
      .type('html')
      .send(
        page(
          'Follow-up emails confirmed',
          p('You will get an email when someone comments on this question. Every email has a link to stop them.'),
        ),
      );
  }

  private valid(token: unknown, res: Response): string | null {
    const result = this.followUps.check(token);
    if (result.ok) return result.id;
    const text =
      result.reason === 'expired'
        ? 'This confirmation link has expired. Nothing was changed. Comment again with “Notify me of follow-up comments” ticked to get a new one.'
        : 'This confirmation link is not valid (it may have been cut or changed). Nothing was changed. Use the link exactly as it is in the email.';
    res
      .status(400)
      .type('html')
      .send(page(result.reason === 'expired' ? 'Link expired' : 'Invalid link', p(text)));
    return null;
  }
}
