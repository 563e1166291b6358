/** Responsiveness, fit, conduct and outcome check-ins: what they announce on the EventBus (notifications hear them). */
export const MENTORING_CARE_EVENTS = {
  /** A request is still PENDING 48 h after it was made: the mentor is reminded once. */
  requestReminderDue: 'mentoring.request.reminder-due',
  /** A check-in (fit or outcome) is now open for one participant. */
  checkInDue: 'mentoring.check-in.due',
  /** A "no" to the fit question ended the mentorship (the other participant hears it kindly). */
  endedNotAFit: 'mentoring.mentorship.ended-not-a-fit',
  /** A no-show or late cancellation was charged to a participant (a warning; maybe a pause). */
  conductRecorded: 'mentoring.conduct.recorded',
} as const;

export const CHECK_IN_KINDS = ['FIT', 'DAY_30', 'DAY_60', 'DAY_90', 'AFTER_END'] as const;
export type CheckInKind = (typeof CHECK_IN_KINDS)[number];

export interface MentorshipReminderPayload {
  requestId: string;
  menteeId: string;
  mentorId: string;
}

export interface MentorshipCheckInDuePayload {
  requestId: string;
  userId: string;
  kind: CheckInKind;
  /** The other participant (named in the text). */
  otherId: string;
}

export interface MentorshipEndedPayload {
  requestId: string;
  menteeId: string;
  mentorId: string;
  endedById: string;
}

export interface MentorshipConductPayload {
  requestId: string;
  sessionId: string;
  userId: string;
  kind: 'NO_SHOW' | 'LATE_CANCEL';
  /** New requests to this mentor are paused until then (ISO), or null. */
  pausedUntil: string | null;
}
