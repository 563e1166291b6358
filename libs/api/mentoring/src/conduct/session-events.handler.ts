import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventBus, type RecordedEvent } from '@crossroads/api-platform';
import { CheckInsService } from '../check-ins/check-ins.service.js';
import { MENTORING_WORKSPACE_EVENTS, type MentorshipSessionUpdatedPayload } from '../events/mentoring-events.js';
import { ConductService } from './conduct.service.js';

export const SESSION_CARE_QUEUE = 'mentoring-session-care';

/**
 * What a session's new status sets off, after it committed: the first DONE session opens the fit
 * question for both; a NO_SHOW or LATE_CANCELLED charges the person at fault. Both are idempotent
 * (unique rows per session and per check-in), so retries are harmless.
 */
@Injectable()
export class SessionEventsHandler implements OnModuleInit {
  constructor(
    private readonly events: EventBus,
    private readonly checkIns: CheckInsService,
    private readonly conduct: ConductService,
  ) {}

  onModuleInit(): void {
    this.events.on<MentorshipSessionUpdatedPayload>(
      SESSION_CARE_QUEUE,
      [MENTORING_WORKSPACE_EVENTS.sessionUpdated],
      (event) => this.handle(event),
    );
  }

  async handle(event: RecordedEvent<MentorshipSessionUpdatedPayload>): Promise<void> {
    const p = event.payload;
    if (p.status === 'DONE' && p.isFirstDone) await this.checkIns.openFit(p.mentorshipId, p.menteeId, p.mentorId);
    if (p.status === 'NO_SHOW' || p.status === 'LATE_CANCELLED') await this.conduct.sessionUpdated(p);
  }
}
