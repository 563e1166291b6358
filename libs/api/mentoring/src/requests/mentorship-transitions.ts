import type { MentorshipStatus } from './mentorship-status.js';

/** What a participant does to a request. */
export type MentorshipAction = 'ACCEPT' | 'DECLINE' | 'COMPLETE' | 'CANCEL';
export type MentorshipSide = 'MENTOR' | 'MENTEE';

interface Rule {
  from: readonly MentorshipStatus[];
  to: MentorshipStatus;
  by: readonly MentorshipSide[];
  /** "cannot be …" */
  done: string;
  /** "Only the … can …" */
  forbidden: string;
}

/**
 * The mentorship state machine: PENDING → ACCEPTED | DECLINED (the mentor) | CANCELLED (the mentee),
 * ACCEPTED → COMPLETED (either side) | CANCELLED (the mentee). EXPIRED is applied by time, not by an action.
 */
export const MENTORSHIP_TRANSITIONS: Record<MentorshipAction, Rule> = {
  ACCEPT: {
    from: ['PENDING'],
    to: 'ACCEPTED',
    by: ['MENTOR'],
    done: 'answered',
    forbidden: 'Only the mentor can answer this request.',
  },
  DECLINE: {
    from: ['PENDING'],
    to: 'DECLINED',
    by: ['MENTOR'],
    done: 'answered',
    forbidden: 'Only the mentor can answer this request.',
  },
  COMPLETE: {
    from: ['ACCEPTED'],
    to: 'COMPLETED',
    by: ['MENTOR', 'MENTEE'],
    done: 'completed',
    forbidden: 'Only the mentor or the mentee can complete this request.',
  },
  CANCEL: {
    from: ['PENDING', 'ACCEPTED'],
    to: 'CANCELLED',
    by: ['MENTEE'],
    done: 'cancelled',
    forbidden: 'Only the mentee can cancel this request.',
  },
};

export type TransitionOutcome =
  { ok: true; to: MentorshipStatus } | { ok: false; error: 'FORBIDDEN' | 'CONFLICT'; message: string };

/** Whether `side` may take `action` on a request in `status` (the side is checked first), and the status it leads to. */
export function mentorshipTransition(
  status: MentorshipStatus,
  action: MentorshipAction,
  side: MentorshipSide,
): TransitionOutcome {
  const rule = MENTORSHIP_TRANSITIONS[action];
  if (!rule.by.includes(side)) return { ok: false, error: 'FORBIDDEN', message: rule.forbidden };
  if (!rule.from.includes(status))
    return {
      ok: false,
      error: 'CONFLICT',
      message: `This request is ${status.toLowerCase()} and cannot be ${rule.done}.`,
    };
  return { ok: true, to: rule.to };
}
