import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { LIMITS } from '@crossroads/shared-domain';
import {
  BadInputError,
  ConflictError,
  EventBus,
  ForbiddenError,
  LoaderRegistry,
  NotFoundError,
  inTransaction,
  isExclusionViolation,
  isUuid,
  type Principal,
} from '@crossroads/api-platform';
import { UsersService } from '@crossroads/api-accounts';
import {
  MENTORING_WORKSPACE_EVENTS,
  type MentorshipSessionBookedPayload,
  type MentorshipSessionUpdatedPayload,
} from '../events/mentoring-events.js';
import { mentorshipOfParticipant, isParticipant } from '../workspace/participants.js';
import type { AvailabilityWindowInput, BookSessionInput, UpdateSessionInput } from './session.models.js';
import { sessionChange } from './session-rules.js';
import {
  busyRanges,
  exceptionsOf,
  hasMentorProfile,
  hasOtherDone,
  insertSession,
  latestMenteeZone,
  replaceExceptions,
  replaceWindows,
  sessionForUpdate,
  sessionsOf,
  setSessionStatus,
  windowsOf,
  type AvailabilityWindowRow,
  type SessionRow,
} from './sessions.repository.js';
import { isValidTimeZone, parseClock, slotStarts } from './slots.js';

const W = LIMITS.mentorshipWorkspace;
const HORIZON_MS = W.bookingHorizonDays * 86_400_000;

/** Each person's zone for notifications: the mentor's at booking, the mentee's as their browser sent it. */
const zonesOf = (s: SessionRow) => ({ mentorTimeZone: s.timeZone, menteeTimeZone: s.menteeTimeZone });

/** Mentors' availability, bookable slots, booking and session status (issue 19). */
@Injectable()
export class MentorshipSessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventBus,
    private readonly users: UsersService,
  ) {}

  private async requireMentorProfile(viewer: Principal): Promise<void> {
    if (!(await hasMentorProfile(this.dataSource, viewer.id)))
      throw new ForbiddenError('Create a mentor profile before setting your availability.');
  }

  /**
   * Replaces the viewer's weekly windows. Every window is in one IANA zone (checked with Intl),
   * starts before it ends, and windows of a weekday do not overlap.
   */
  async setAvailability(viewer: Principal, input: AvailabilityWindowInput[]): Promise<void> {
    await this.requireMentorProfile(viewer);
    if (input.length > W.availabilityWindows.max)
      throw new BadInputError('input', `At most ${W.availabilityWindows.max} windows.`);
    // A list argument's items are not run through the validation pipe: checked here, naming the field.
    for (const w of input) {
      if (!Number.isInteger(w.weekday) || w.weekday < 1 || w.weekday > 7)
        throw new BadInputError('weekday', 'weekday must be a whole number from 1 (Monday) to 7 (Sunday).');
      if (parseClock(w.start) === null || w.start === '24:00')
        throw new BadInputError('start', 'start must be a time like 18:00.');
      if (parseClock(w.end) === null) throw new BadInputError('end', 'end must be a time like 20:00.');
      if (typeof w.timeZone !== 'string' || w.timeZone.length > 64)
        throw new BadInputError('timeZone', 'timeZone must be an IANA time zone such as Europe/Paris.');
    }
    const zones = new Set(input.map((w) => w.timeZone.trim()));
    for (const zone of zones)
      if (!isValidTimeZone(zone))
        throw new BadInputError(
          'timeZone',
          `"${zone}" is not a known time zone (use an IANA name such as Europe/Paris).`,
        );
    if (zones.size > 1) throw new BadInputError('timeZone', 'All windows must use the same time zone.');
    const windows = input
      .map((w) => ({
        weekday: w.weekday,
        startMinute: parseClock(w.start) ?? 0,
        endMinute: parseClock(w.end) ?? 0,
        timeZone: w.timeZone.trim(),
      }))
      .sort((a, b) => a.weekday - b.weekday || a.startMinute - b.startMinute);
    for (const [i, w] of windows.entries()) {
      if (w.startMinute >= w.endMinute) throw new BadInputError('end', 'Each window must end after it starts.');
      const prev = windows[i - 1];
      if (prev && prev.weekday === w.weekday && prev.endMinute > w.startMinute)
        throw new BadInputError('start', 'Windows of one day must not overlap.');
    }
    await inTransaction(this.dataSource, (m) => replaceWindows(m, viewer.id, windows));
  }

  async setExceptions(viewer: Principal, dates: string[]): Promise<void> {
    await this.requireMentorProfile(viewer);
    for (const d of dates) {
      const parsed = new Date(`${d}T00:00:00Z`);
      if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== d)
        throw new BadInputError('dates', `${d} is not a date.`);
    }
    await inTransaction(this.dataSource, (m) => replaceExceptions(m, viewer.id, [...new Set(dates)]));
  }

  windowsLoader(loaders: LoaderRegistry) {
    return loaders.get<string, AvailabilityWindowRow[]>('mentoring.availability.windows', async (ids) => {
      const all = await windowsOf(this.dataSource, ids);
      return ids.map((id) => all.filter((w) => w.mentorId === id));
    });
  }

  exceptionsLoader(loaders: LoaderRegistry) {
    return loaders.get<string, string[]>('mentoring.availability.exceptions', async (ids) => {
      const all = await exceptionsOf(this.dataSource, ids);
      return ids.map((id) => all.filter((e) => e.mentorId === id).map((e) => e.day));
    });
  }

  private async slotsFor(
    mentorId: string,
    from: Date,
    days: number,
    minutes: number,
    withBusy: boolean,
    now: Date,
  ): Promise<Date[]> {
    const [windows, exceptions] = await Promise.all([
      windowsOf(this.dataSource, [mentorId]),
      exceptionsOf(this.dataSource, [mentorId]),
    ]);
    const to = new Date(from.getTime() + days * 86_400_000);
    const busy = withBusy && windows.length ? await busyRanges(this.dataSource, mentorId, from, to) : [];
    return slotStarts({
      windows,
      exceptions: new Set(exceptions.map((e) => e.day)),
      busy,
      from,
      days,
      minutes,
      stepMinutes: W.slotStepMinutes,
      now,
    });
  }

  /** Free slot starts of a mentor from `from` for `days`, that fit a session of `minutes`. */
  async bookableSlots(
    mentorHandle: string,
    from: Date,
    days: number,
    minutes: number = W.sessionMinutes[0],
  ): Promise<Date[]> {
    const now = new Date();
    // Nothing is bookable beyond the horizon, so nothing is offered there (a day of slack for local dates).
    if (from.getTime() + days * 86_400_000 > now.getTime() + HORIZON_MS + 86_400_000)
      throw new BadInputError(
        'days',
        `Sessions can be booked up to ${W.bookingHorizonDays} days ahead: ask for fewer days, or from an earlier date.`,
      );
    const mentor = await this.users.findByHandle(mentorHandle);
    if (!mentor) throw new NotFoundError(`Mentor @${mentorHandle}`, 'mentorHandle');
    return this.slotsFor(mentor.id, from, days, minutes, true, now);
  }

  /**
   * Books a session of an ACCEPTED mentorship at a slot start. Outside the mentor's availability or
   * in the past → BAD_USER_INPUT (startsAt); overlapping another scheduled session of the mentor →
   * CONFLICT. Two bookings racing for one slot: the exclusion constraint lets exactly one commit.
   */
  async book(viewer: Principal, input: BookSessionInput): Promise<SessionRow> {
    const now = new Date();
    if (input.startsAt.getTime() <= now.getTime()) throw new BadInputError('startsAt', 'startsAt is in the past.');
    if (input.startsAt.getTime() > now.getTime() + HORIZON_MS)
      throw new BadInputError('startsAt', `Sessions can be booked up to ${W.bookingHorizonDays} days ahead.`);
    const viewerZone = input.timeZone?.trim() || null;
    if (viewerZone !== null && !isValidTimeZone(viewerZone))
      throw new BadInputError(
        'timeZone',
        `"${viewerZone}" is not a known time zone (use an IANA name such as Europe/London).`,
      );
    return inTransaction(this.dataSource, async (m) => {
      const r = await mentorshipOfParticipant(m, viewer, input.mentorshipId, 'mentorshipId', 'FOR SHARE');
      if (r.status !== 'ACCEPTED')
        throw new ConflictError('Sessions can be booked while the mentorship is accepted.', 'mentorshipId');
      const dayBefore = new Date(input.startsAt.getTime() - 86_400_000);
      const offered = await this.slotsFor(r.mentorId, dayBefore, 2, input.minutes, false, now);
      if (!offered.some((s) => s.getTime() === input.startsAt.getTime())) {
        throw new BadInputError(
          'startsAt',
          "startsAt is not a slot in the mentor's availability for a session of this length.",
        );
      }
      const endsAt = new Date(input.startsAt.getTime() + input.minutes * 60_000);
      const taken = () => new ConflictError('This slot has just been taken; pick another one.', 'startsAt');
      if ((await busyRanges(m, r.mentorId, input.startsAt, endsAt)).length) throw taken();
      const [zone] = await windowsOf(m, [r.mentorId]);
      let session: SessionRow;
      try {
        session = await insertSession(m, {
          mentorshipId: r.id,
          mentorId: r.mentorId,
          menteeId: r.menteeId,
          bookedById: viewer.id,
          startsAt: input.startsAt,
          endsAt,
          timeZone: zone?.timeZone ?? 'UTC',
          // The mentee's zone: from their browser when they book, else the one they last booked with.
          menteeTimeZone: viewer.id === r.menteeId && viewerZone ? viewerZone : await latestMenteeZone(m, r.menteeId),
        });
      } catch (e) {
        if (isExclusionViolation(e, 'mentorship_sessions_no_overlap')) throw taken();
        throw e;
      }
      const payload: MentorshipSessionBookedPayload = {
        mentorshipId: r.id,
        sessionId: session.id,
        menteeId: r.menteeId,
        mentorId: r.mentorId,
        bookedById: viewer.id,
        startsAt: session.startsAt.toISOString(),
        endsAt: session.endsAt.toISOString(),
        status: 'SCHEDULED',
        zones: zonesOf(session),
      };
      await this.events.emit(m, { type: MENTORING_WORKSPACE_EVENTS.sessionBooked, actorId: viewer.id, payload });
      return session;
    });
  }

  /** Either participant records what happened (rules in session-rules.ts). */
  async update(viewer: Principal, input: UpdateSessionInput, now = new Date()): Promise<SessionRow> {
    if (!isUuid(input.id)) throw new NotFoundError('Session', 'id');
    return inTransaction(this.dataSource, async (m) => {
      const s = await sessionForUpdate(m, input.id);
      if (!s || !isParticipant(s, viewer.id)) throw new NotFoundError('Session', 'id');
      const change = sessionChange(s.status, input.status, s.startsAt, now);
      if (!change.ok) {
        if (change.error === 'CONFLICT') throw new ConflictError(change.message, 'id');
        throw new BadInputError('status', change.message);
      }
      const updated = await setSessionStatus(m, s.id, change.to, viewer.id);
      const payload: MentorshipSessionUpdatedPayload = {
        mentorshipId: s.mentorshipId,
        sessionId: s.id,
        menteeId: s.menteeId,
        mentorId: s.mentorId,
        actorId: viewer.id,
        status: change.to,
        previousStatus: s.status,
        startsAt: s.startsAt.toISOString(),
        endsAt: s.endsAt.toISOString(),
        isFirstDone: change.to === 'DONE' && !(await hasOtherDone(m, s.mentorshipId, s.id)),
        absentId: change.to === 'NO_SHOW' ? (s.menteeId === viewer.id ? s.mentorId : s.menteeId) : null,
        zones: zonesOf(s),
      };
      await this.events.emit(m, { type: MENTORING_WORKSPACE_EVENTS.sessionUpdated, actorId: viewer.id, payload });
      return updated;
    });
  }

  /** Each mentorship's sessions, by start (batched per request). */
  sessionsLoader(loaders: LoaderRegistry) {
    return loaders.get<string, SessionRow[]>('mentoring.sessions.ofMentorship', async (ids) => {
      const all = await sessionsOf(this.dataSource, ids);
      return ids.map((id) => all.filter((s) => s.mentorshipId === id));
    });
  }
}
