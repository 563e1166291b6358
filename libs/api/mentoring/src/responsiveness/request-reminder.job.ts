import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { LIMITS } from '@crossroads/shared-domain';
import { EventBus, inTransaction } from '@crossroads/api-platform';
import { MENTORING_CARE_EVENTS, type MentorshipReminderPayload } from '../events/mentoring-care-events.js';
import { takeDueReminders } from './responsiveness.repository.js';

export const REQUEST_REMINDER_QUEUE = 'mentoring-request-reminders';

/**
 * A mentor who has not answered a request within 48 hours is reminded once (a scheduled job on the
 * job queue; notifications and email follow from the event). Tests drive `remindDue` with back-dated rows.
 */
@Injectable()
export class RequestReminderJob implements OnModuleInit {
  private readonly logger = new Logger(RequestReminderJob.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventBus,
  ) {}

  onModuleInit(): void {
    this.events.every(REQUEST_REMINDER_QUEUE, '*/15 * * * *', async () => {
      await this.remindDue();
    });
  }

  /** One run; returns how many mentors were reminded. */
  async remindDue(): Promise<number> {
    const reminded = await inTransaction(this.dataSource, async (m) => {
      const due = await takeDueReminders(m, LIMITS.mentoring.reminderAfterHours);
      await this.events.emit(
        m,
        ...due.map((r) => ({
          type: MENTORING_CARE_EVENTS.requestReminderDue,
          actorId: null,
          payload: r satisfies MentorshipReminderPayload,
        })),
      );
      return due.length;
    });
    if (reminded) this.logger.log(`Reminded mentors of ${reminded} unanswered request(s)`);
    return reminded;
  }
}
