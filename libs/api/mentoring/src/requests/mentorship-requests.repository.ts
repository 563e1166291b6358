import type { EntityManager } from 'typeorm';
import { col, maybeOne, one, rows, selectList, table, type Db, type RowOf } from '@crossroads/api-platform';
import { MentorshipRequestEntity } from './mentorship-request.entity.js';
import { EFFECTIVE_STATUS_SQL, EXPIRY_INTERVAL, OPEN_NOW_SQL, type MentorshipStatus } from './mentorship-status.js';

/* SQL on mentorship_requests for the request lifecycle (asking, answering, closing, expiry, lists). */

export const mentorshipRequestsTable = table('mentorship_requests', {
  id: col.uuid(),
  menteeId: col.uuid(),
  mentorId: col.uuid(),
  message: col.text(),
  questionId: col.uuid().nullable(),
  status: col.enum<MentorshipStatus>('mentorship_status'),
  responseMessage: col.text().nullable(),
  createdAt: col.timestamp(),
  respondedAt: col.timestamp().nullable(),
  closedAt: col.timestamp().nullable(),
  endReason: col.text().nullable(),
  remindedAt: col.timestamp().nullable(),
});
type RequestRow = Omit<RowOf<typeof mentorshipRequestsTable>, 'remindedAt'>;

/** Every column readers use, with `status` the effective one (expiry applied, see mentorship-status.ts). */
const COLUMNS = [
  selectList(mentorshipRequestsTable, 'r', ['id', 'menteeId', 'mentorId', 'message', 'questionId']),
  `${EFFECTIVE_STATUS_SQL} AS status`,
  selectList(mentorshipRequestsTable, 'r', ['responseMessage', 'createdAt', 'respondedAt', 'closedAt', 'endReason']),
].join(', ');

/** The select list yields exactly the row's columns, so the row is the entity's data. */
function requestFromRow(r: RequestRow): MentorshipRequestEntity {
  return Object.assign(new MentorshipRequestEntity(), r);
}

const maybeRequest = async (p: Promise<RequestRow | undefined>) => {
  const row = await p;
  return row ? requestFromRow(row) : null;
};

/** The two parties and stored status of a request, locked until the caller's transaction ends. */
export function lockParties(
  m: EntityManager,
  requestId: string,
): Promise<{ menteeId: string; mentorId: string; status: MentorshipStatus } | undefined> {
  return maybeOne(
    m,
    `SELECT r.mentee_id AS "menteeId", r.mentor_id AS "mentorId", r.status FROM mentorship_requests r WHERE r.id = $1 FOR UPDATE`,
    [requestId],
  );
}

/** The request (effective status), locked until the caller's transaction ends. */
export function lockRequest(m: EntityManager, requestId: string): Promise<MentorshipRequestEntity | null> {
  return requestById(m, requestId, 'FOR UPDATE');
}

/** The mentor's open (pending or accepted) requests, and how many of them are this mentee's. */
export function openRequestCounts(
  m: EntityManager,
  mentorId: string,
  menteeId: string,
): Promise<{ open: number; mine: number }> {
  return one<{ open: number; mine: number }>(
    m,
    `SELECT count(*)::int AS open, (count(*) FILTER (WHERE r.mentee_id = $2))::int AS mine
     FROM mentorship_requests r WHERE r.mentor_id = $1 AND r.status IN ('PENDING', 'ACCEPTED')`,
    [mentorId, menteeId],
  );
}

export interface NewRequest {
  menteeId: string;
  mentorId: string;
  message: string;
  questionId: string | null;
}

/** Inserts a pending request (the open-pair unique index may refuse it). */
export async function insertRequest(m: EntityManager, r: NewRequest): Promise<MentorshipRequestEntity> {
  return requestFromRow(
    await one<RequestRow>(
      m,
      `INSERT INTO mentorship_requests AS r (mentee_id, mentor_id, message, question_id) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
      [r.menteeId, r.mentorId, r.message, r.questionId],
    ),
  );
}

/** The mentor's answer (ACCEPTED or DECLINED) on a locked request. */
export async function setAnswered(
  m: EntityManager,
  requestId: string,
  to: MentorshipStatus,
  message: string | null,
): Promise<MentorshipRequestEntity> {
  return requestFromRow(
    await one<RequestRow>(
      m,
      `UPDATE mentorship_requests AS r SET status = $2, response_message = $3, responded_at = now() WHERE r.id = $1 RETURNING ${COLUMNS}`,
      [requestId, to, message],
    ),
  );
}

/** Completes or cancels a locked request. */
export async function setClosed(
  m: EntityManager,
  requestId: string,
  to: MentorshipStatus,
): Promise<MentorshipRequestEntity> {
  return requestFromRow(
    await one<RequestRow>(
      m,
      `UPDATE mentorship_requests AS r SET status = $2, closed_at = now() WHERE r.id = $1 RETURNING ${COLUMNS}`,
      [requestId, to],
    ),
  );
}

/** Ends an accepted request as not a good fit; null when it is not accepted (any more). */
export function endNotAFit(m: EntityManager, requestId: string): Promise<MentorshipRequestEntity | null> {
  return maybeRequest(
    maybeOne<RequestRow>(
      m,
      `UPDATE mentorship_requests AS r SET status = 'CANCELLED', end_reason = 'NOT_A_GOOD_FIT', closed_at = now() WHERE r.id = $1 AND r.status = 'ACCEPTED' RETURNING ${COLUMNS}`,
      [requestId],
    ),
  );
}

/** Cancels the member's open requests, as mentee or mentor. */
export async function cancelOpenOf(m: EntityManager, userId: string): Promise<MentorshipRequestEntity[]> {
  const found = await rows<RequestRow>(
    m,
    `UPDATE mentorship_requests AS r SET status = 'CANCELLED', closed_at = now()
       WHERE (r.mentee_id = $1 OR r.mentor_id = $1) AND ${OPEN_NOW_SQL} RETURNING ${COLUMNS}`,
    [userId],
  );
  return found.map(requestFromRow);
}

/** Stores EXPIRED on pending requests past the window (all, or one mentor's). */
export async function expireStale(m: EntityManager, mentorId?: string): Promise<MentorshipRequestEntity[]> {
  const found = await rows<RequestRow>(
    m,
    `UPDATE mentorship_requests AS r SET status = 'EXPIRED', closed_at = r.created_at + ${EXPIRY_INTERVAL}
       WHERE r.status = 'PENDING' AND r.created_at < now() - ${EXPIRY_INTERVAL} ${mentorId ? 'AND r.mentor_id = $1' : ''} RETURNING ${COLUMNS}`,
    mentorId ? [mentorId] : [],
  );
  return found.map(requestFromRow);
}

export type RequestSide = 'MENTEE' | 'MENTOR' | null | undefined;

/** The member's requests (one side or both), newest first, after the keyset; with how many in all. One statement. */
export async function requestPage(
  db: Db,
  userId: string,
  side: RequestSide,
  after: readonly [Date, string] | null,
  limit: number,
): Promise<{ totalCount: number; requests: MentorshipRequestEntity[] }> {
  const mine =
    side === 'MENTEE'
      ? 'r.mentee_id = $1'
      : side === 'MENTOR'
        ? 'r.mentor_id = $1'
        : '(r.mentee_id = $1 OR r.mentor_id = $1)';
  const keyset = after ? 'AND (r.created_at, r.id) < ($2, $3)' : '';
  const found = await rows<RequestRow & { totalCount: number }>(
    db,
    `SELECT (SELECT count(*) FROM mentorship_requests r WHERE ${mine})::int AS "totalCount", p.* FROM (SELECT 1) one
       LEFT JOIN LATERAL (SELECT ${COLUMNS} FROM mentorship_requests r WHERE ${mine} ${keyset} ORDER BY r.created_at DESC, r.id DESC LIMIT ${limit}) p ON true
       ORDER BY p."createdAt" DESC, p.id DESC`,
    [userId, ...(after ?? [])],
  );
  return {
    totalCount: found[0]?.totalCount ?? 0,
    requests: found.filter((r) => r.id !== null).map(({ totalCount: _count, ...r }) => requestFromRow(r)),
  };
}

export async function requestsByIds(db: Db, ids: readonly string[]): Promise<MentorshipRequestEntity[]> {
  const found = await rows<RequestRow>(
    db,
    `SELECT ${COLUMNS} FROM mentorship_requests r WHERE r.id = ANY($1::uuid[])`,
    [[...ids]],
  );
  return found.map(requestFromRow);
}

/** Pending requests that expire within `hours` (and have not expired yet), oldest first. */
export async function expiringWithin(db: Db, hours: number): Promise<MentorshipRequestEntity[]> {
  const found = await rows<RequestRow>(
    db,
    `SELECT ${COLUMNS} FROM mentorship_requests r
       WHERE r.status = 'PENDING' AND r.created_at >= now() - ${EXPIRY_INTERVAL} AND r.created_at < now() - ${EXPIRY_INTERVAL} + make_interval(hours => $1)
       ORDER BY r.created_at, r.id`,
    [hours],
  );
  return found.map(requestFromRow);
}

/** Open (pending, unexpired, or accepted) requests of each mentor that has any. */
export function openCountsByMentor(db: Db, mentorIds: readonly string[]): Promise<{ mentorId: string; n: number }[]> {
  return rows<{ mentorId: string; n: number }>(
    db,
    `SELECT r.mentor_id AS "mentorId", count(*)::int AS n FROM mentorship_requests r WHERE r.mentor_id = ANY($1::uuid[]) AND ${OPEN_NOW_SQL} GROUP BY r.mentor_id`,
    [[...mentorIds]],
  );
}

/** The request (effective status), optionally locked until the caller's transaction ends. */
export function requestById(
  db: Db | EntityManager,
  requestId: string,
  lock: '' | 'FOR SHARE' | 'FOR UPDATE' = '',
): Promise<MentorshipRequestEntity | null> {
  return maybeRequest(
    maybeOne<RequestRow>(db, `SELECT ${COLUMNS} FROM mentorship_requests r WHERE r.id = $1 ${lock}`, [requestId]),
  );
}

/** The viewer's open request (pending and unexpired, or accepted) to each of the mentors that has one. */
export async function openRequestsOfMentee(
  db: Db,
  menteeId: string,
  mentorIds: readonly string[],
): Promise<MentorshipRequestEntity[]> {
  const found = await rows<RequestRow>(
    db,
    `SELECT ${COLUMNS} FROM mentorship_requests r
       WHERE r.mentee_id = $1 AND r.mentor_id = ANY($2::uuid[]) AND r.status IN ('PENDING', 'ACCEPTED') AND ${OPEN_NOW_SQL}`,
    [menteeId, [...mentorIds]],
  );
  return found.map(requestFromRow);
}
