import { describe, expect, it } from '@jest/globals';
import { MENTORSHIP_STATUSES, type MentorshipStatus } from './mentorship-status.js';
import { mentorshipTransition, type MentorshipAction, type MentorshipSide } from './mentorship-transitions.js';

/** Every allowed (status, action, side) → next status; everything else is refused. */
const ALLOWED: [MentorshipStatus, MentorshipAction, MentorshipSide, MentorshipStatus][] = [
  ['PENDING', 'ACCEPT', 'MENTOR', 'ACCEPTED'],
  ['PENDING', 'DECLINE', 'MENTOR', 'DECLINED'],
  ['PENDING', 'CANCEL', 'MENTEE', 'CANCELLED'],
  ['ACCEPTED', 'CANCEL', 'MENTEE', 'CANCELLED'],
  ['ACCEPTED', 'COMPLETE', 'MENTOR', 'COMPLETED'],
  ['ACCEPTED', 'COMPLETE', 'MENTEE', 'COMPLETED'],
];

describe('mentorship state machine', () => {
  it.each(ALLOWED)('%s --%s by %s--> %s', (status, action, side, to) => {
    expect(mentorshipTransition(status, action, side)).toEqual({ ok: true, to });
  });

  it('allows nothing else', () => {
    const actions: MentorshipAction[] = ['ACCEPT', 'DECLINE', 'COMPLETE', 'CANCEL'];
    const sides: MentorshipSide[] = ['MENTOR', 'MENTEE'];
    for (const status of MENTORSHIP_STATUSES)
      for (const action of actions)
        for (const side of sides) {
          const allowed = ALLOWED.some(([s, a, p]) => s === status && a === action && p === side);
          expect([status, action, side, mentorshipTransition(status, action, side).ok]).toEqual([
            status,
            action,
            side,
            allowed,
          ]);
        }
  });

  it('checks the side before the status: the mentee cannot answer, whatever the status', () => {
    expect(mentorshipTransition('EXPIRED', 'ACCEPT', 'MENTEE')).toEqual({
      ok: false,
      error: 'FORBIDDEN',
      message: 'Only the mentor can answer this request.',
    });
    expect(mentorshipTransition('PENDING', 'CANCEL', 'MENTOR')).toEqual({
      ok: false,
      error: 'FORBIDDEN',
      message: 'Only the mentee can cancel this request.',
    });
  });

  it('refuses closed requests with their status', () => {
    expect(mentorshipTransition('EXPIRED', 'ACCEPT', 'MENTOR')).toEqual({
      ok: false,
      error: 'CONFLICT',
      message: 'This request is expired and cannot be answered.',
    });
    expect(mentorshipTransition('COMPLETED', 'CANCEL', 'MENTEE')).toEqual({
      ok: false,
      error: 'CONFLICT',
      message: 'This request is completed and cannot be cancelled.',
    });
    expect(mentorshipTransition('PENDING', 'COMPLETE', 'MENTOR')).toEqual({
      ok: false,
      error: 'CONFLICT',
      message: 'This request is pending and cannot be completed.',
    });
  });
});
