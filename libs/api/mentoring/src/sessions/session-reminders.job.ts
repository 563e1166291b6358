import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { EventBus, inTransaction } from '@crossroads/api-platform';
import { MENTORING_WORKSPACE_EVENTS, type MentorshipSessionReminderPayload } from '../events/mentoring-events.js';
import { claimDueReminders } from './sessions.repository.js';

export const SESSION_REMINDERS_QUEUE = 'mentoring-session-reminders';

/**
 * Reminders 24 h and 1 h before each scheduled session: a job-queue schedule (every minute, one
 * instance at a time) claims the due ones and announces them (`mentoring.session.reminder-due`);
 * notifications turns each into a notification and email. Cancelled sessions are never claimed.
 * `sweep(now)` takes the clock as an argument, so tests drive it to any moment.
 */
@Injectable()
export class SessionRemindersJob implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventBus,
  ) {}

  onModuleInit(): void {
    this.events.every(SESSION_REMINDERS_QUEUE, '* * * * *', async () => {
      await this.sweep();
    });
  }

  /** Claims and announces the reminders due at `now`; returns how many. */
  async sweep(now: Date = new Date()): Promise<number> {
    return inTransaction(this.dataSource, async (m) => {
      let count = 0;
      for (const hours of [24, 1] as const) {
        const due = await claimDueReminders(m, hours, now);
        count += due.length;
        await this.events.emit(
          m,
          ...due.map((s) => ({
            type: MENTORING_WORKSPACE_EVENTS.sessionReminderDue,
            actorId: null,
            payload: {
              mentorshipId: s.mentorshipId,
              sessionId: s.id,
              menteeId: s.menteeId,
              mentorId: s.mentorId,
              startsAt: s.startsAt.toISOString(),
              hoursBefore: hours,
              zones: { mentorTimeZone: s.timeZone, menteeTimeZone: s.menteeTimeZone },
            } satisfies MentorshipSessionReminderPayload,
          })),
        );
      }
      return count;
    });
  }
}
