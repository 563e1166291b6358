import { affected, col, maybeOne, rows, table, type Db } from '@crossroads/api-platform';

export const insightsMentorshipsTable = table('insights_mentorships', {
  requestId: col.uuid(),
  mentorId: col.uuid(),
  requestedAt: col.timestamp(),
  answeredAt: col.timestamp().nullable(),
  accepted: col.bool().nullable(),
  closedAt: col.timestamp().nullable(),
});

export async function insertRequest(db: Db, requestId: string, mentorId: string, at: Date): Promise<void> {
  await rows(
    db,
    // The answer may have been counted first (handlers on several instances): keep the earlier time.
    `INSERT INTO insights_mentorships (request_id, mentor_id, requested_at) VALUES ($1, $2, $3)
     ON CONFLICT (request_id) DO UPDATE SET requested_at = LEAST(insights_mentorships.requested_at, EXCLUDED.requested_at)`,
    [requestId, mentorId, at],
  );
}

/**
 * The mentor's first answer counts. Events may be handled out of order (workers on several
 * instances), so an answer seen before its request records the row, its request time filled in
 * when the request's event arrives.
 */
export async function markAnswered(
  db: Db,
  requestId: string,
  mentorId: string,
  at: Date,
  accepted: boolean,
): Promise<void> {
  await rows(
    db,
    `INSERT INTO insights_mentorships (request_id, mentor_id, requested_at, answered_at, accepted) VALUES ($1, $2, $3, $3, $4)
     ON CONFLICT (request_id) DO UPDATE SET answered_at = COALESCE(insights_mentorships.answered_at, EXCLUDED.answered_at),
       accepted = CASE WHEN insights_mentorships.answered_at IS NULL THEN EXCLUDED.accepted ELSE insights_mentorships.accepted END`,
    [requestId, mentorId, at, accepted],
  );
}

export async function markClosed(db: Db, requestId: string, at: Date): Promise<void> {
  await affected(db, `UPDATE insights_mentorships SET closed_at = COALESCE(closed_at, $2) WHERE request_id = $1`, [
    requestId,
    at,
  ]);
}

export interface MentorshipFigures {
  requests: number;
  answered: number;
  accepted: number;
  medianResponseHours: number | null;
}

/**
 * Requests made in [from, to]: how many the mentors answered, accepted, and how fast they answered;
 * one mentor's only when `mentorId` is given (insights_mentorships_mentor_idx).
 */
export async function mentorshipFigures(
  db: Db,
  from: Date,
  to: Date,
  mentorId: string | null = null,
): Promise<MentorshipFigures> {
  const row = await maybeOne<MentorshipFigures>(
    db,
    `SELECT count(*)::int AS requests, count(answered_at)::int AS answered, count(*) FILTER (WHERE accepted)::int AS accepted,
            (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM answered_at - requested_at)) / 3600)::float AS "medianResponseHours"
     FROM insights_mentorships WHERE requested_at >= $1 AND requested_at < $2 AND ($3::uuid IS NULL OR mentor_id = $3)`,
    [from, to, mentorId],
  );
  return row ?? { requests: 0, answered: 0, accepted: 0, medianResponseHours: null };
}

export const insightsMentorReviewsTable = table('insights_mentor_reviews', {
  requestId: col.uuid(),
  mentorId: col.uuid(),
  rating: col.int(),
  reviewedAt: col.timestamp(),
});

export async function insertReview(
  db: Db,
  requestId: string,
  mentorId: string,
  rating: number,
  at: Date,
): Promise<void> {
  await rows(
    db,
    `INSERT INTO insights_mentor_reviews (request_id, mentor_id, rating, reviewed_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
    [requestId, mentorId, rating, at],
  );
}

export interface ReviewDayRow {
  day: string;
  reviews: number;
  /** null on a day without reviews. */
  averageRating: number | null;
}

/** One mentor's reviews per UTC day of [from, lastDay], zeros included (insights_mentor_reviews_mentor_idx). */
export function reviewsByDay(db: Db, mentorId: string, from: Date, lastDay: Date): Promise<ReviewDayRow[]> {
  return rows<ReviewDayRow>(
    db,
    `WITH r AS (
       SELECT (reviewed_at AT TIME ZONE 'UTC')::date AS day, count(*)::int AS reviews, avg(rating)::float AS avg
       FROM insights_mentor_reviews WHERE mentor_id = $3 AND reviewed_at >= $1 AND reviewed_at < ($2::timestamptz + interval '1 day') GROUP BY 1)
     SELECT to_char(d, 'YYYY-MM-DD') AS day, COALESCE(r.reviews, 0) AS reviews, r.avg AS "averageRating"
     FROM generate_series(($1::timestamptz AT TIME ZONE 'UTC')::date, ($2::timestamptz AT TIME ZONE 'UTC')::date, interval '1 day') AS d
     LEFT JOIN r ON r.day = d::date ORDER BY d`,
    [from, lastDay, mentorId],
  );
}
