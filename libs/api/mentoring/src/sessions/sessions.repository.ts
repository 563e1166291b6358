import { col, maybeOne, one, rows, selectList, table, type Db, type RowOf } from '@crossroads/api-platform';
import type { SessionStatusName } from '../events/mentoring-events.js';

/** mentor_availability_windows: weekly windows in the mentor's zone (ISO weekday 1 = Monday). */
export const availabilityWindowsTable = table('mentor_availability_windows', {
  id: col.uuid(),
  mentorId: col.uuid(),
  weekday: col.int(),
  startMinute: col.int(),
  endMinute: col.int(),
  timeZone: col.text(),
});
export type AvailabilityWindowRow = RowOf<typeof availabilityWindowsTable>;

export const mentorshipSessionsTable = table('mentorship_sessions', {
  id: col.uuid(),
  mentorshipId: col.uuid(),
  mentorId: col.uuid(),
  menteeId: col.uuid(),
  bookedById: col.uuid().nullable(),
  startsAt: col.timestamp(),
  endsAt: col.timestamp(),
  timeZone: col.text(),
  menteeTimeZone: col.text().nullable(),
  status: col.enum<SessionStatusName>('text'),
  updatedById: col.uuid().nullable(),
  reminded24hAt: col.timestamp().nullable().named('reminded_24h_at'),
  reminded1hAt: col.timestamp().nullable().named('reminded_1h_at'),
  createdAt: col.timestamp(),
  updatedAt: col.timestamp(),
});
export type SessionRow = RowOf<typeof mentorshipSessionsTable>;

const WINDOW_COLUMNS = selectList(availabilityWindowsTable, 'w');
const SESSION_COLUMNS = selectList(mentorshipSessionsTable, 's');

// ---- availability ----

/** Whether the user has a mentor profile (only mentors have availability). */
export async function hasMentorProfile(db: Db, userId: string): Promise<boolean> {
  return (await maybeOne(db, `SELECT 1 FROM mentor_profiles mp WHERE mp.user_id = $1`, [userId])) !== undefined;
}

export function windowsOf(db: Db, mentorIds: readonly string[]): Promise<AvailabilityWindowRow[]> {
  return rows<AvailabilityWindowRow>(
    db,
    `SELECT ${WINDOW_COLUMNS} FROM mentor_availability_windows w WHERE w.mentor_id = ANY($1::uuid[]) ORDER BY w.mentor_id, w.weekday, w.start_minute`,
    [[...mentorIds]],
  );
}

export async function replaceWindows(
  db: Db,
  mentorId: string,
  windows: readonly Omit<AvailabilityWindowRow, 'id' | 'mentorId'>[],
): Promise<void> {
  await db.query(`DELETE FROM mentor_availability_windows WHERE mentor_id = $1`, [mentorId]);
  if (!windows.length) return;
  await db.query(
    `INSERT INTO mentor_availability_windows (mentor_id, weekday, start_minute, end_minute, time_zone)
     SELECT $1, * FROM unnest($2::smallint[], $3::smallint[], $4::smallint[], $5::text[])`,
    [
      mentorId,
      windows.map((w) => w.weekday),
      windows.map((w) => w.startMinute),
      windows.map((w) => w.endMinute),
      windows.map((w) => w.timeZone),
    ],
  );
}

export function exceptionsOf(db: Db, mentorIds: readonly string[]): Promise<{ mentorId: string; day: string }[]> {
  return rows(
    db,
    `SELECT e.mentor_id AS "mentorId", to_char(e.day, 'YYYY-MM-DD') AS day FROM mentor_availability_exceptions e
     WHERE e.mentor_id = ANY($1::uuid[]) ORDER BY e.mentor_id, e.day`,
    [[...mentorIds]],
  );
}

export async function replaceExceptions(db: Db, mentorId: string, days: readonly string[]): Promise<void> {
  await db.query(`DELETE FROM mentor_availability_exceptions WHERE mentor_id = $1`, [mentorId]);
  if (!days.length) return;
  await db.query(
    `INSERT INTO mentor_availability_exceptions (mentor_id, day) SELECT $1, d FROM unnest($2::date[]) AS d ON CONFLICT DO NOTHING`,
    [mentorId, [...days]],
  );
}

// ---- sessions ----

export function insertSession(
  db: Db,
  s: Pick<
    SessionRow,
    'mentorshipId' | 'mentorId' | 'menteeId' | 'bookedById' | 'startsAt' | 'endsAt' | 'timeZone' | 'menteeTimeZone'
  >,
): Promise<SessionRow> {
  return one<SessionRow>(
    db,
    // A reminder whose time has already passed at booking is not sent (booked 2 h ahead: only the 1 h one).
    `INSERT INTO mentorship_sessions AS s (mentorship_id, mentor_id, mentee_id, booked_by_id, starts_at, ends_at, time_zone, mentee_time_zone, reminded_24h_at, reminded_1h_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8,
       CASE WHEN $5::timestamptz - interval '24 hours' <= now() THEN now() END,
       CASE WHEN $5::timestamptz - interval '1 hour' <= now() THEN now() END)
     RETURNING ${SESSION_COLUMNS}`,
    [s.mentorshipId, s.mentorId, s.menteeId, s.bookedById, s.startsAt, s.endsAt, s.timeZone, s.menteeTimeZone],
  );
}

/** The zone the mentee's browser sent with their latest booking (any mentorship), for sessions the mentor books. */
export async function latestMenteeZone(db: Db, menteeId: string): Promise<string | null> {
  const row = await maybeOne<{ zone: string }>(
    db,
    `SELECT s.mentee_time_zone AS zone FROM mentorship_sessions s
     WHERE s.mentee_id = $1 AND s.mentee_time_zone IS NOT NULL ORDER BY s.created_at DESC LIMIT 1`,
    [menteeId],
  );
  return row?.zone ?? null;
}

/** The mentor's scheduled sessions overlapping [from, to): what makes slots busy. */
export function busyRanges(
  db: Db,
  mentorId: string,
  from: Date,
  to: Date,
): Promise<{ startsAt: Date; endsAt: Date }[]> {
  return rows(
    db,
    `SELECT s.starts_at AS "startsAt", s.ends_at AS "endsAt" FROM mentorship_sessions s
     WHERE s.mentor_id = $1 AND s.status = 'SCHEDULED' AND tstzrange(s.starts_at, s.ends_at) && tstzrange($2, $3)`,
    [mentorId, from, to],
  );
}

export function sessionForUpdate(db: Db, id: string): Promise<SessionRow | undefined> {
  return maybeOne<SessionRow>(db, `SELECT ${SESSION_COLUMNS} FROM mentorship_sessions s WHERE s.id = $1 FOR UPDATE`, [
    id,
  ]);
}

export function sessionById(db: Db, id: string): Promise<SessionRow | undefined> {
  return maybeOne<SessionRow>(db, `SELECT ${SESSION_COLUMNS} FROM mentorship_sessions s WHERE s.id = $1`, [id]);
}

export function setSessionStatus(db: Db, id: string, status: SessionStatusName, actorId: string): Promise<SessionRow> {
  return one<SessionRow>(
    db,
    `UPDATE mentorship_sessions AS s SET status = $2, updated_by_id = $3, updated_at = now() WHERE s.id = $1 RETURNING ${SESSION_COLUMNS}`,
    [id, status, actorId],
  );
}

/** Whether the mentorship has a DONE session other than `exceptId`. */
export async function hasOtherDone(db: Db, mentorshipId: string, exceptId: string): Promise<boolean> {
  return (
    (await maybeOne(
      db,
      `SELECT 1 FROM mentorship_sessions s WHERE s.mentorship_id = $1 AND s.status = 'DONE' AND s.id <> $2 LIMIT 1`,
      [mentorshipId, exceptId],
    )) !== undefined
  );
}

/** Each mentorship's sessions by start (batch). */
export function sessionsOf(db: Db, mentorshipIds: readonly string[]): Promise<SessionRow[]> {
  return rows<SessionRow>(
    db,
    `SELECT ${SESSION_COLUMNS} FROM mentorship_sessions s WHERE s.mentorship_id = ANY($1::uuid[]) ORDER BY s.mentorship_id, s.starts_at, s.id`,
    [[...mentorshipIds]],
  );
}

/**
 * Claims the reminders due at `now` (`hours` before the start, not sent yet, still scheduled and not
 * started): marks them sent and returns them, in the caller's transaction (SKIP LOCKED: two sweeps
 * never claim one reminder).
 */
export function claimDueReminders(db: Db, hours: 24 | 1, now: Date): Promise<SessionRow[]> {
  const column = hours === 24 ? 'reminded_24h_at' : 'reminded_1h_at';
  return rows<SessionRow>(
    db,
    `UPDATE mentorship_sessions AS s SET ${column} = $2 FROM (
       SELECT x.id FROM mentorship_sessions x
       WHERE x.status = 'SCHEDULED' AND x.${column} IS NULL AND x.starts_at > $2 AND x.starts_at <= $2 + make_interval(hours => $1)
       ORDER BY x.starts_at LIMIT 500 FOR UPDATE SKIP LOCKED) due
     WHERE s.id = due.id RETURNING ${SESSION_COLUMNS}`,
    [hours, now],
  );
}
