import { LIMITS } from '@crossroads/shared-domain';
import { col, maybeOne, rows, selectList, table, type Db, type RowOf } from '@crossroads/api-platform';
import type { CheckInKind } from '../events/mentoring-care-events.js';

const { checkInDays, afterEndCheckInDays } = LIMITS.mentoring;

export const checkInsTable = table('mentorship_check_ins', {
  id: col.uuid(),
  requestId: col.uuid(),
  userId: col.uuid(),
  kind: col.enum<CheckInKind>('text'),
  dueAt: col.timestamp(),
  answeredAt: col.timestamp().nullable(),
  goodFit: col.bool().nullable(),
  madeMove: col.bool().nullable(),
  roleReached: col.text().nullable(),
  createdAt: col.timestamp(),
});
export type CheckInRow = RowOf<typeof checkInsTable>;
const COLUMNS = selectList(checkInsTable, 'c');

export interface OpenedCheckIn {
  requestId: string;
  userId: string;
  kind: CheckInKind;
  otherId: string;
}

/** "Is this a good fit?" for both participants, at once; returns the ones newly opened (none on a repeat). */
export function openFit(db: Db, requestId: string, menteeId: string, mentorId: string): Promise<OpenedCheckIn[]> {
  return rows<OpenedCheckIn>(
    db,
    `INSERT INTO mentorship_check_ins AS c (request_id, user_id, kind, due_at)
     VALUES ($1, $2, 'FIT', now()), ($1, $3, 'FIT', now())
     ON CONFLICT (request_id, user_id, kind) DO NOTHING
     RETURNING c.request_id AS "requestId", c.user_id AS "userId", c.kind, CASE WHEN c.user_id = $2 THEN $3 ELSE $2 END AS "otherId"`,
    [requestId, menteeId, mentorId],
  );
}

/**
 * Opens the mentee's outcome check-in that is due now (all mentorships, or one): day 30/60/90 after
 * acceptance while it ran (accepted, or completed after that day), and 90 days after completion.
 * Only the latest due one per mentorship opens (a mentee is never asked three times at once).
 */
export function openDueOutcomes(db: Db, requestId?: string): Promise<OpenedCheckIn[]> {
  const days = checkInDays.map((d) => `('DAY_${d}', r.responded_at + interval '${d} days')`).join(', ');
  return rows<OpenedCheckIn>(
    db,
    `INSERT INTO mentorship_check_ins AS c (request_id, user_id, kind, due_at)
     SELECT DISTINCT ON (r.id) r.id, r.mentee_id, d.kind, d.due FROM mentorship_requests r
     CROSS JOIN LATERAL (VALUES ${days}, ('AFTER_END', r.closed_at + interval '${afterEndCheckInDays} days')) d(kind, due)
     WHERE r.responded_at IS NOT NULL AND d.due <= now() ${requestId ? 'AND r.id = $1' : ''}
       AND CASE WHEN d.kind = 'AFTER_END' THEN r.status = 'COMPLETED'
                ELSE r.status = 'ACCEPTED' OR (r.status = 'COMPLETED' AND r.closed_at >= d.due) END
     ORDER BY r.id, d.due DESC
     ON CONFLICT (request_id, user_id, kind) DO NOTHING
     RETURNING c.request_id AS "requestId", c.user_id AS "userId", c.kind,
       (SELECT x.mentor_id FROM mentorship_requests x WHERE x.id = c.request_id) AS "otherId"`,
    requestId ? [requestId] : [],
  );
}

/** The participant's check-in of a kind (FIT), or their latest due outcome check-in; locked. */
export function lockCheckIn(
  db: Db,
  requestId: string,
  userId: string,
  which: 'FIT' | 'OUTCOME',
): Promise<CheckInRow | undefined> {
  return maybeOne<CheckInRow>(
    db,
    `SELECT ${COLUMNS} FROM mentorship_check_ins c WHERE c.request_id = $1 AND c.user_id = $2 AND ${which === 'FIT' ? `c.kind = 'FIT'` : `c.kind <> 'FIT'`}
     ORDER BY c.due_at DESC LIMIT 1 FOR UPDATE`,
    [requestId, userId],
  );
}

export async function answer(
  db: Db,
  id: string,
  a: { goodFit?: boolean; madeMove?: boolean; roleReached?: string | null },
): Promise<void> {
  await rows(
    db,
    `UPDATE mentorship_check_ins SET answered_at = now(), good_fit = $2, made_move = $3, role_reached = $4 WHERE id = $1`,
    [id, a.goodFit ?? null, a.madeMove ?? null, a.roleReached ?? null],
  );
}

/** Each (request, participant)'s check-ins, newest due first. */
export function checkInsOf(db: Db, keys: readonly { requestId: string; userId: string }[]): Promise<CheckInRow[]> {
  return rows<CheckInRow>(
    db,
    `SELECT ${COLUMNS} FROM mentorship_check_ins c JOIN unnest($1::uuid[], $2::uuid[]) k(request_id, user_id) ON c.request_id = k.request_id AND c.user_id = k.user_id
     ORDER BY c.due_at DESC, c.id`,
    [keys.map((k) => k.requestId), keys.map((k) => k.userId)],
  );
}

/** Outcome answers per mentor: how many, and how many said they made the move. */
export function outcomesOf(
  db: Db,
  mentorIds: readonly string[],
): Promise<{ mentorId: string; answers: number; madeMove: number }[]> {
  return rows<{ mentorId: string; answers: number; madeMove: number }>(
    db,
    `SELECT r.mentor_id AS "mentorId", count(*)::int AS answers, (count(*) FILTER (WHERE c.made_move))::int AS "madeMove"
     FROM mentorship_requests r JOIN mentorship_check_ins c ON c.request_id = r.id AND c.made_move IS NOT NULL
     WHERE r.mentor_id = ANY($1::uuid[]) GROUP BY r.mentor_id`,
    [[...mentorIds]],
  );
}
