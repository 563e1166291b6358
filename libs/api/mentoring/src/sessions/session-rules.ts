import { LIMITS } from '@crossroads/shared-domain';
import type { SessionStatusName } from '../events/mentoring-events.js';

const { lateCancelHours, noShowAfterMinutes } = LIMITS.mentorshipWorkspace;

export type SessionChange =
  { ok: true; to: SessionStatusName } | { ok: false; error: 'BAD_USER_INPUT' | 'CONFLICT'; message: string };

/**
 * What asking for `requested` on a session does at `now` (product rules): only a SCHEDULED session
 * changes. Cancelling (CANCELLED or LATE_CANCELLED asked) before the start is stored as
 * LATE_CANCELLED under 3 hours before it, CANCELLED otherwise; after the start it is refused.
 * NO_SHOW from 10 minutes after the start; DONE from the start.
 */
export function sessionChange(
  current: SessionStatusName,
  requested: SessionStatusName,
  startsAt: Date,
  now: Date,
): SessionChange {
  if (current !== 'SCHEDULED')
    return {
      ok: false,
      error: 'CONFLICT',
      message: `This session is already ${current.toLowerCase().replace('_', ' ')}.`,
    };
  const untilStart = startsAt.getTime() - now.getTime();
  switch (requested) {
    case 'CANCELLED':
    case 'LATE_CANCELLED':
      if (untilStart <= 0)
        return {
          ok: false,
          error: 'CONFLICT',
          message: 'A session that has started cannot be cancelled; mark it done or a no-show.',
        };
      return { ok: true, to: untilStart < lateCancelHours * 3_600_000 ? 'LATE_CANCELLED' : 'CANCELLED' };
    case 'NO_SHOW':
      if (-untilStart < noShowAfterMinutes * 60_000)
        return {
          ok: false,
          error: 'BAD_USER_INPUT',
          message: `A no-show can be recorded from ${noShowAfterMinutes} minutes after the start.`,
        };
      return { ok: true, to: 'NO_SHOW' };
    case 'DONE':
      if (untilStart > 0)
        return { ok: false, error: 'BAD_USER_INPUT', message: 'A session can be marked done once it has started.' };
      return { ok: true, to: 'DONE' };
    default:
      return {
        ok: false,
        error: 'BAD_USER_INPUT',
        message: 'status must be DONE, CANCELLED, LATE_CANCELLED or NO_SHOW.',
      };
  }
}
