import { Controller, Get, Inject, Injectable, Param, Query, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { APP_CONFIG, LoaderRegistry, Public, isUuid, type AppConfig } from '@crossroads/api-platform';
import { UsersService } from '@crossroads/api-accounts';
import { isParticipant } from '../workspace/participants.js';
import { sessionById, type SessionRow } from './sessions.repository.js';

/**
 * Calendar invites: `GET /calendar/sessions/<id>.ics?u=<userId>&sig=<hmac>`. The link is signed for
 * one participant (a key derived from JWT_SECRET with its own label, so it works from an email or a
 * plain link without a bearer token) and checked again against the session's pair when served.
 */
@Injectable()
export class SessionInvites {
  private readonly key: Buffer;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
  ) {
    this.key = Buffer.from(hkdfSync('sha256', config.jwtSecret, 'crossroads', 'crossroads/session-invite/v1', 32));
  }

  private sign(sessionId: string, userId: string): string {
    return createHmac('sha256', this.key).update(`${sessionId}:${userId}`).digest('base64url');
  }

  /** The invite's absolute URL for one participant. */
  url(sessionId: string, userId: string): string {
    return `${this.config.mail.publicUrl}/calendar/sessions/${sessionId}.ics?u=${userId}&sig=${this.sign(sessionId, userId)}`;
  }

  verify(sessionId: string, userId: string, sig: string): boolean {
    const expected = Buffer.from(this.sign(sessionId, userId), 'base64url');
    const given = Buffer.from(sig, 'base64url');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  /** The .ics text of a session: one VEVENT in the mentor's zone, with that zone's VTIMEZONE. */
  async ics(session: SessionRow): Promise<string> {
    const loaders = new LoaderRegistry();
    const [mentor, mentee] = await Promise.all([
      this.users.loader(loaders).load(session.mentorId),
      this.users.loader(loaders).load(session.menteeId),
    ]);
    const zone = session.timeZone;
    const cal = ical({
      prodId: { company: 'Crossroads', product: 'Mentorship sessions', language: 'EN' },
      method: ICalCalendarMethod.PUBLISH,
    });
    cal.timezone({ name: zone, generator: (tz: string) => tzlib_get_ical_block(tz)[0] });
    const cancelled = session.status === 'CANCELLED' || session.status === 'LATE_CANCELLED';
    cal.createEvent({
      id: `${session.id}@crossroads`,
      start: DateTime.fromJSDate(session.startsAt).setZone(zone),
      end: DateTime.fromJSDate(session.endsAt).setZone(zone),
      timezone: zone,
      stamp: session.updatedAt,
      summary: `Mentorship session: ${mentor?.displayName ?? 'mentor'} and ${mentee?.displayName ?? 'mentee'}`,
      description: `Your mentorship session on Crossroads.\n${this.config.mail.publicUrl}/mentorships/${session.mentorshipId}`,
      url: `${this.config.mail.publicUrl}/mentorships/${session.mentorshipId}`,
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
    return cal.toString();
  }

  /** The invite as an email attachment for one participant (null when the session is gone or not theirs). */
  async attachmentFor(
    sessionId: string,
    userId: string,
  ): Promise<{ filename: string; contentType: string; content: string } | null> {
    if (!isUuid(sessionId)) return null;
    const session = await sessionById(this.dataSource, sessionId);
    if (!session || !isParticipant(session, userId)) return null;
    return {
      filename: 'crossroads-session.ics',
      contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
      content: await this.ics(session),
    };
  }

  async forParticipant(sessionId: string, userId: string, sig: string): Promise<SessionRow | null> {
    if (!isUuid(sessionId) || !isUuid(userId) || !sig || !this.verify(sessionId, userId, sig)) return null;
    const session = await sessionById(this.dataSource, sessionId);
    return session && isParticipant(session, userId) ? session : null;
  }
}

@Controller('calendar')
export class SessionInviteController {
  constructor(private readonly invites: SessionInvites) {}

  @Get('sessions/:file')
  @Public()
  async invite(
    @Param('file') file: string,
    @Query('u') userId: string | undefined,
    @Query('sig') sig: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const id = /^(.+)\.ics$/.exec(file)?.[1] ?? '';
    const session = await this.invites.forParticipant(id, String(userId ?? ''), String(sig ?? ''));
    if (!session) {
      res.status(404).type('text/plain').send('Not found');
      return;
    }
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="crossroads-session-${session.id}.ics"`);
    res.setHeader('Cache-Control', 'no-store');
    res.send(await this.invites.ics(session));
  }
}
