import { Controller, Get, HttpCode, Inject, NotFoundException, Param, Post, Query, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { Public } from '../auth/access.decorators.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { escapeHtml } from './render-email.js';
import { linkPage as page, linkPageParagraph as p } from './link-page.js';
import { Mailer, type StoredMail } from './mailer.js';
import {
  UnsubscribeHandlers,
  unsubscribeKey,
  verifyUnsubscribeToken,
  type UnsubscribeHandler,
  type UnsubscribePayload,
} from './unsubscribe.js';

/**
 * One-click unsubscribe (RFC 8058), no sign-in: the signed link is the authority. GET only shows a
 * confirmation page (mail scanners prefetch links); POST, from that page or from the mail app's
 * one-click button, makes the change.
 */
@Controller('unsubscribe')
export class UnsubscribeController {
  private readonly key: Buffer;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly handlers: UnsubscribeHandlers,
  ) {
    this.key = unsubscribeKey(config.jwtSecret);
  }

  @Get()
  @Public()
  confirm(@Query('token') token: unknown, @Res() res: Response): void {
    const checked = this.check(token, res);
    if (!checked) return;
    const { handler, payload } = checked;
    const action = `/unsubscribe?token=${encodeURIComponent(String(token))}`;
    res
      .status(200)
      .type('html')
      .send(
        page(
          'Unsubscribe',
          `${p(`Stop ${handler.describe(payload.scope)}?`)}
<form method="post" action="${escapeHtml(action)}">
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit" style="font-size:16px;padding:12px 20px;border:0;border-radius:6px;background:#1d4ed8;color:#fff;cursor:pointer;">Unsubscribe</button>
</form>`,
        ),
      );
  }

  @Post()
  @Public()
  @HttpCode(200)
  async unsubscribe(@Query('token') token: unknown, @Res() res: Response): Promise<void> {
    const checked = this.check(token, res);
    if (!checked) return;
    const { handler, payload } = checked;
    await this.dataSource.transaction((m) => handler.unsubscribe(m, payload.userId, payload.scope));
    res
      .status(200)
      .type('html')
      .send(
        page(
          'You are unsubscribed',
          p(
            `You will no longer receive ${handler.describe(payload.scope)}. You can change this any time in your notification settings.`,
          ),
        ),
      );
  }

  /** The token's payload and its handler, or an error page already sent (nothing changed). */
  private check(token: unknown, res: Response): { handler: UnsubscribeHandler; payload: UnsubscribePayload } | null {
    const result =
      typeof token === 'string' && token.length <= 2000
        ? verifyUnsubscribeToken(this.key, token)
        : ({ ok: false, reason: 'invalid' } as const);
    if (!result.ok) {
      const text =
        result.reason === 'expired'
          ? 'This unsubscribe link has expired. Use the link in a more recent email, or change your notification settings after signing in.'
          : 'This unsubscribe link is not valid (it may have been cut or changed). Nothing was changed. Use the link exactly as it is in the email, or change your notification settings after signing in.';
      res
        .status(400)
        .type('html')
        .send(page(result.reason === 'expired' ? 'Link expired' : 'Invalid link', p(text)));
      return null;
    }
    const handler = this.handlers.find(result.payload.scope);
    if (!handler) {
      res
        .status(404)
        .type('html')
        .send(
          page(
            'Cannot unsubscribe here',
            p(
              'This kind of email cannot be turned off with this link any more. Nothing was changed. Change your notification settings after signing in.',
            ),
          ),
        );
      return null;
    }
    return { handler, payload: result.payload };
  }
}

const json = (mail: StoredMail) => ({
  id: mail.id,
  to: mail.to,
  subject: mail.subject,
  category: mail.category,
  status: mail.status,
  text: mail.text,
  html: mail.html,
  headers: mail.headers,
  messageId: mail.messageId,
  createdAt: mail.createdAt.toISOString(),
  sentAt: mail.sentAt?.toISOString() ?? null,
});

/**
 * The development mail page: what the app "sent" without SMTP_URL (and what it did send with it).
 * Registered only when NODE_ENV is not production.
 */
@Controller('dev/mail')
export class DevMailController {
  constructor(private readonly mailer: Mailer) {}

  /** A plain HTML list, usable without the web app. */
  @Get()
  @Public()
  async index(@Res() res: Response): Promise<void> {
    const mails = await this.mailer.list(100);
    const rows = mails
      .map(
        (m) =>
          `<li style="margin:0 0 12px;"><a href="/dev/mail/messages/${m.id}/html">${escapeHtml(m.subject)}</a><br><small>to ${escapeHtml(m.to)} · ${m.status} · ${m.createdAt.toISOString()}</small></li>`,
      )
      .join('\n');
    res
      .type('html')
      .send(
        page(
          'Development mailbox',
          `${p(`${mails.length} newest messages (JSON: /dev/mail/messages). Development only; never served in production.`)}<ul style="padding-left:20px;">${rows}</ul>`,
        ),
      );
  }

  /** Newest first: `?limit=` (1–200, default 50). */
  @Get('messages')
  @Public()
  async messages(@Query('limit') limit?: string) {
    const n = Math.min(200, Math.max(1, Number.parseInt(limit ?? '50', 10) || 50));
    return { messages: (await this.mailer.list(n)).map(json) };
  }

  @Get('messages/:id')
  @Public()
  async message(@Param('id') id: string) {
    const mail = await this.mailer.find(id);
    if (!mail) throw new NotFoundException('No such message');
    return json(mail);
  }

  /** The HTML part as a page, sandboxed: a message's HTML must never run as the app. */
  @Get('messages/:id/html')
  @Public()
  async html(@Param('id') id: string, @Res() res: Response): Promise<void> {
    const mail = await this.mailer.find(id);
    if (!mail) throw new NotFoundException('No such message');
    res.setHeader('Content-Security-Policy', "sandbox; default-src 'none'; style-src 'unsafe-inline'");
    res.type('html').send(mail.html);
  }
}
