import { LIMITS } from '@crossroads/shared-domain';
import { rows, type Db, type Row } from '@crossroads/api-platform';
import { PROFILE_COLUMNS } from '../common/sql.js';
import { EXPIRY_INTERVAL, OPEN_NOW_SQL } from '../requests/mentorship-status.js';

/** Median hours from request to the mentor's answer (accept or decline) over the window, per mentor with answers in it. */
export function medianResponseHours(
  db: Db,
  mentorIds: readonly string[],
): Promise<{ mentorId: string; hours: number }[]> {
  return rows<{ mentorId: string; hours: number }>(
    db,
    `SELECT r.mentor_id AS "mentorId", percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.responded_at - r.created_at)) / 3600 AS hours
     FROM mentorship_requests r WHERE r.mentor_id = ANY($1::uuid[]) AND r.responded_at > now() - make_interval(days => $2)
     GROUP BY r.mentor_id`,
    [[...mentorIds], LIMITS.mentoring.responseWindowDays],
  );
}

/** Marks the pending, unexpired requests unanswered for `hours` as reminded; returns them (each once, ever). */
export function takeDueReminders(
  db: Db,
  hours: number,
): Promise<{ requestId: string; menteeId: string; mentorId: string }[]> {
  return rows<{ requestId: string; menteeId: string; mentorId: string }>(
    db,
    `UPDATE mentorship_requests AS r SET reminded_at = now()
     WHERE r.status = 'PENDING' AND r.reminded_at IS NULL AND r.created_at <= now() - make_interval(hours => $1) AND r.created_at >= now() - ${EXPIRY_INTERVAL}
     RETURNING r.id AS "requestId", r.mentee_id AS "menteeId", r.mentor_id AS "mentorId"`,
    [hours],
  );
}

export interface NextMentorKey {
  requestId: string;
  menteeId: string;
  mentorId: string;
  /** The question's tags, or null to match on the first mentor's expertise. */
  tags: string[] | null;
}

/**
 * For each ended request, the best mentor to ask next: sharing the question's tags (or the first
 * mentor's expertise), taking requests with room, not paused, and never asked by this member
 * before (the first mentor included). Most shared tags, then accepted answers in them. One statement.
 */
export function nextMentors(db: Db, keys: readonly NextMentorKey[]): Promise<Row[]> {
  const payload = JSON.stringify(
    keys.map((k) => ({ id: k.requestId, menteeId: k.menteeId, mentorId: k.mentorId, tags: k.tags })),
  );
  return rows<Row>(
    db,
    `WITH k AS (
       SELECT (x->>'id')::uuid AS id, (x->>'menteeId')::uuid AS mentee_id,
              coalesce(CASE WHEN x->'tags' = 'null'::jsonb THEN NULL ELSE ARRAY(SELECT jsonb_array_elements_text(x->'tags'))::varchar[] END,
                       (SELECT f.expertise FROM mentor_profiles f WHERE f.user_id = (x->>'mentorId')::uuid)) AS tags
       FROM jsonb_array_elements($1::jsonb) x
     )
     SELECT k.id AS "requestId", c.* FROM k CROSS JOIN LATERAL (
       SELECT ${PROFILE_COLUMNS} FROM mentor_profiles mp
       WHERE mp.expertise && k.tags AND mp.user_id <> k.mentee_id AND mp.accepting_requests
         AND NOT EXISTS (SELECT 1 FROM mentorship_requests a WHERE a.mentee_id = k.mentee_id AND a.mentor_id = mp.user_id)
         AND NOT EXISTS (SELECT 1 FROM mentor_request_pauses p WHERE p.mentor_id = mp.user_id AND p.lifted_at IS NULL AND p.ends_at > now())
         AND (SELECT count(*) FROM mentorship_requests r WHERE r.mentor_id = mp.user_id AND ${OPEN_NOW_SQL}) < mp.max_open_requests
       ORDER BY cardinality(ARRAY(SELECT unnest(mp.expertise) INTERSECT SELECT unnest(k.tags))) DESC,
                coalesce((SELECT sum(t.accepted_count) FROM qa_accepted_by_tag t WHERE t.user_id = mp.user_id AND t.tag = ANY(k.tags)), 0) DESC,
                mp.user_id
       LIMIT 1
     ) c`,
    [payload],
  );
}
