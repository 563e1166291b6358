import { MESSAGE_REPORTED_EVENT } from '@crossroads/api-platform';
import type { MentorshipStatus } from '../requests/mentorship-status.js';

/** What the mentoring context announces, through the platform's EventBus. */
export const MENTORING_EVENTS = {
  requestCreated: 'mentoring.request.created',
  /** The mentor accepted or declined. */
  requestAnswered: 'mentoring.request.answered',
  /** Completed, cancelled or expired. */
  requestClosed: 'mentoring.request.closed',
  reviewPosted: 'mentoring.review.posted',
} as const;

export interface MentorshipRequestPayload {
  requestId: string;
  menteeId: string;
  mentorId: string;
  questionId: string | null;
  status: MentorshipStatus;
}

export interface MentorshipReviewPayload {
  requestId: string;
  menteeId: string;
  mentorId: string;
  rating: number;
}

/** The mentorship workspace (thread, plan, sessions): what it announces on the EventBus. */
export const MENTORING_WORKSPACE_EVENTS = {
  /** A participant wrote in the pair's private thread. */
  messageSent: 'mentoring.message.sent',
  /** Goal or plan edited (a new revision). */
  planUpdated: 'mentoring.plan.updated',
  /** A session was booked (always status SCHEDULED). */
  sessionBooked: 'mentoring.session.booked',
  /** A session's status changed: DONE, CANCELLED, LATE_CANCELLED or NO_SHOW. */
  sessionUpdated: 'mentoring.session.updated',
  /** The 24 h / 1 h reminder before a scheduled session is due (sent by the job queue). */
  sessionReminderDue: 'mentoring.session.reminder-due',
  /** A participant reported the other one's message to moderators (moderation queues it; payload in platform). */
  messageReported: MESSAGE_REPORTED_EVENT,
} as const;

/** Each person's zone for a session: the mentor's availability zone, the mentee's as their browser sent it. */
export interface SessionZones {
  mentorTimeZone: string;
  /** Null until the mentee booked with their zone (then shown in UTC). */
  menteeTimeZone: string | null;
}

export type SessionStatusName = 'SCHEDULED' | 'DONE' | 'CANCELLED' | 'LATE_CANCELLED' | 'NO_SHOW';

export interface MentorshipMessagePayload {
  mentorshipId: string;
  messageId: string;
  authorId: string;
  /** The other participant. */
  recipientId: string;
  /** Plain-text excerpt for notifications (never the raw Markdown). */
  excerpt: string;
}

export interface MentorshipPlanPayload {
  mentorshipId: string;
  editorId: string;
  revision: number;
}

export interface MentorshipSessionBookedPayload {
  mentorshipId: string;
  sessionId: string;
  menteeId: string;
  mentorId: string;
  bookedById: string;
  startsAt: string; // ISO, UTC
  endsAt: string; // ISO, UTC
  status: 'SCHEDULED';
  zones?: SessionZones;
}

export interface MentorshipSessionUpdatedPayload {
  mentorshipId: string;
  sessionId: string;
  menteeId: string;
  mentorId: string;
  /** Who changed it. */
  actorId: string;
  status: SessionStatusName;
  previousStatus: SessionStatusName;
  startsAt: string;
  endsAt: string;
  /** True when this is the pair's first session to become DONE (the "good fit?" question follows). */
  isFirstDone: boolean;
  /** For NO_SHOW: who did not come (the participant other than the actor). */
  absentId: string | null;
  zones?: SessionZones;
}

export interface MentorshipSessionReminderPayload {
  mentorshipId: string;
  sessionId: string;
  menteeId: string;
  mentorId: string;
  startsAt: string;
  /** Hours before the start: 24 or 1. */
  hoursBefore: 24 | 1;
  zones?: SessionZones;
}
