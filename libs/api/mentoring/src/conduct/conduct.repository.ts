import { LIMITS } from '@crossroads/shared-domain';
import { affected, col, maybeOne, rows, selectList, table, type Db, type RowOf } from '@crossroads/api-platform';

const { conduct } = LIMITS.mentoring;

export const conductIncidentsTable = table('mentorship_conduct_incidents', {
  id: col.uuid(),
  requestId: col.uuid(),
  sessionId: col.uuid(),
  userId: col.uuid(),
  isMentor: col.bool(),
  kind: col.enum<'NO_SHOW' | 'LATE_CANCEL'>('text'),
  occurredAt: col.timestamp(),
});
export type ConductIncidentRow = RowOf<typeof conductIncidentsTable>;

export const mentorPausesTable = table('mentor_request_pauses', {
  id: col.uuid(),
  mentorId: col.uuid(),
  endsAt: col.timestamp(),
  liftedAt: col.timestamp().nullable(),
  liftedById: col.uuid().nullable(),
  createdAt: col.timestamp(),
});
export type MentorPauseRow = RowOf<typeof mentorPausesTable>;

export const pauseAppealsTable = table('mentor_pause_appeals', {
  id: col.uuid(),
  pauseId: col.uuid(),
  mentorId: col.uuid(),
  message: col.text(),
  createdAt: col.timestamp(),
  decidedAt: col.timestamp().nullable(),
  decidedById: col.uuid().nullable(),
  upheld: col.bool().nullable(),
});
export type PauseAppealRow = RowOf<typeof pauseAppealsTable>;

const PAUSE = selectList(mentorPausesTable, 'p');
const APPEAL = selectList(pauseAppealsTable, 'a');
const ACTIVE = `p.lifted_at IS NULL AND p.ends_at > now()`;

/** Records one session's incident; undefined when that session was already charged (a retried job). */
export function insertIncident(
  db: Db,
  i: Omit<ConductIncidentRow, 'id' | 'occurredAt'>,
): Promise<{ id: string } | undefined> {
  return maybeOne<{ id: string }>(
    db,
    `INSERT INTO mentorship_conduct_incidents (request_id, session_id, user_id, is_mentor, kind) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (session_id) DO NOTHING RETURNING id`,
    [i.requestId, i.sessionId, i.userId, i.isMentor, i.kind],
  );
}

/** Incidents charged to a mentor (as mentor) within the conduct window. */
export async function recentMentorIncidents(db: Db, mentorId: string): Promise<number> {
  const row = await maybeOne<{ n: number }>(
    db,
    `SELECT count(*)::int AS n FROM mentorship_conduct_incidents i
     WHERE i.user_id = $1 AND i.is_mentor AND i.occurred_at > now() - make_interval(days => $2)`,
    [mentorId, conduct.windowDays],
  );
  return row?.n ?? 0;
}

export function activePause(db: Db, mentorId: string): Promise<MentorPauseRow | undefined> {
  return maybeOne<MentorPauseRow>(
    db,
    `SELECT ${PAUSE} FROM mentor_request_pauses p WHERE p.mentor_id = $1 AND ${ACTIVE} ORDER BY p.ends_at DESC LIMIT 1`,
    [mentorId],
  );
}

export function activePauses(db: Db, mentorIds: readonly string[]): Promise<MentorPauseRow[]> {
  return rows<MentorPauseRow>(
    db,
    `SELECT DISTINCT ON (p.mentor_id) ${PAUSE} FROM mentor_request_pauses p WHERE p.mentor_id = ANY($1::uuid[]) AND ${ACTIVE} ORDER BY p.mentor_id, p.ends_at DESC`,
    [[...mentorIds]],
  );
}

export async function insertPause(db: Db, mentorId: string): Promise<MentorPauseRow> {
  const [row] = await rows<MentorPauseRow>(
    db,
    `INSERT INTO mentor_request_pauses AS p (mentor_id, ends_at) VALUES ($1, now() + make_interval(days => $2)) RETURNING ${PAUSE}`,
    [mentorId, conduct.pauseDays],
  );
  return row;
}

/** No-shows suppress reviews: did this mentee miss a session of this mentorship? */
export async function menteeMissedASession(db: Db, requestId: string, menteeId: string): Promise<boolean> {
  const row = await maybeOne<{ one: number }>(
    db,
    `SELECT 1 AS one FROM mentorship_conduct_incidents i WHERE i.request_id = $1 AND i.user_id = $2 AND i.kind = 'NO_SHOW' LIMIT 1`,
    [requestId, menteeId],
  );
  return row !== undefined;
}

/** The appeal of a pause, or undefined when it exists already (one per pause). */
export function insertAppeal(db: Db, pause: MentorPauseRow, message: string): Promise<PauseAppealRow | undefined> {
  return maybeOne<PauseAppealRow>(
    db,
    `INSERT INTO mentor_pause_appeals AS a (pause_id, mentor_id, message) VALUES ($1, $2, $3) ON CONFLICT (pause_id) DO NOTHING RETURNING ${APPEAL}`,
    [pause.id, pause.mentorId, message],
  );
}

export function lockAppeal(db: Db, id: string): Promise<PauseAppealRow | undefined> {
  return maybeOne<PauseAppealRow>(db, `SELECT ${APPEAL} FROM mentor_pause_appeals a WHERE a.id = $1 FOR UPDATE`, [id]);
}

export async function decideAppeal(db: Db, id: string, moderatorId: string, upheld: boolean): Promise<PauseAppealRow> {
  const [row] = await rows<PauseAppealRow>(
    db,
    `UPDATE mentor_pause_appeals AS a SET decided_at = now(), decided_by_id = $2, upheld = $3 WHERE a.id = $1 RETURNING ${APPEAL}`,
    [id, moderatorId, upheld],
  );
  return row;
}

export function liftPause(db: Db, pauseId: string, moderatorId: string): Promise<number> {
  return affected(
    db,
    `UPDATE mentor_request_pauses SET lifted_at = now(), lifted_by_id = $2 WHERE id = $1 AND lifted_at IS NULL`,
    [pauseId, moderatorId],
  );
}

export function pausesById(db: Db, ids: readonly string[]): Promise<MentorPauseRow[]> {
  return rows<MentorPauseRow>(db, `SELECT ${PAUSE} FROM mentor_request_pauses p WHERE p.id = ANY($1::uuid[])`, [
    [...ids],
  ]);
}

/** Undecided appeals, oldest first, keyset paged on (created_at, id). */
export async function openAppeals(
  db: Db,
  after: [Date, string] | null,
  limit: number,
): Promise<{ items: PauseAppealRow[]; totalCount: number }> {
  const items = await rows<PauseAppealRow>(
    db,
    `SELECT ${APPEAL} FROM mentor_pause_appeals a WHERE a.decided_at IS NULL ${after ? 'AND (a.created_at, a.id) > ($2, $3)' : ''}
     ORDER BY a.created_at, a.id LIMIT $1`,
    after ? [limit, after[0], after[1]] : [limit],
  );
  const count = await maybeOne<{ n: number }>(
    db,
    `SELECT count(*)::int AS n FROM mentor_pause_appeals a WHERE a.decided_at IS NULL`,
  );
  return { items, totalCount: count?.n ?? 0 };
}

/** Serialises pausing one mentor until the caller's transaction ends (one pause at a time). */
export async function lockMentorPauses(db: Db, mentorId: string): Promise<void> {
  await rows(db, `SELECT pg_advisory_xact_lock(hashtext('mentor-pause:' || $1))`, [mentorId]);
}
