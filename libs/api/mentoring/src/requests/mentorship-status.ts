import { LIMITS } from '@crossroads/shared-domain';

/** CANCELLED (by the mentee) is an addition to the public contract's statuses. */
export const MENTORSHIP_STATUSES = ['PENDING', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'COMPLETED', 'CANCELLED'] as const;
export type MentorshipStatus = (typeof MENTORSHIP_STATUSES)[number];

/** Statuses that hold a place in a mentor's capacity and in the one-open-request-per-pair rule. */
export const OPEN_STATUSES: readonly MentorshipStatus[] = ['PENDING', 'ACCEPTED'];

export const EXPIRY_INTERVAL = `interval '${LIMITS.mentoring.requestExpiryDays} days'`;

/** SQL for the status as readers see it: a PENDING request past the window is EXPIRED (alias `r`). */
export const EFFECTIVE_STATUS_SQL = `CASE WHEN r.status = 'PENDING' AND r.created_at < now() - ${EXPIRY_INTERVAL} THEN 'EXPIRED' ELSE r.status::text END`;

/** SQL predicate: the request (alias `r`) is open right now, expiry included. */
export const OPEN_NOW_SQL = `(r.status = 'ACCEPTED' OR (r.status = 'PENDING' AND r.created_at >= now() - ${EXPIRY_INTERVAL}))`;
