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
