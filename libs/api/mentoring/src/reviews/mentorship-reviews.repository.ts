import type { EntityManager } from 'typeorm';
import { col, maybeOne, one, rows, selectList, table, type Db, type RowOf } from '@crossroads/api-platform';

/* The only SQL on mentorship_reviews. */

export const mentorshipReviewsTable = table('mentorship_reviews', {
  requestId: col.uuid(),
  mentorId: col.uuid(),
  menteeId: col.uuid(),
  rating: col.int(),
  body: col.text().nullable(),
  reply: col.text().nullable(),
  metExpectations: col.int().nullable(),
  repliedAt: col.timestamp().nullable(),
  createdAt: col.timestamp(),
});
export type MentorshipReviewRow = RowOf<typeof mentorshipReviewsTable>;

const REVIEW_COLUMNS = selectList(mentorshipReviewsTable, 'v');

export interface NewReview {
  requestId: string;
  mentorId: string;
  menteeId: string;
  rating: number;
  body: string | null;
  metExpectations: number | null;
}

/** The review, or undefined when the request has one already. */
export function insertReview(m: EntityManager, r: NewReview): Promise<MentorshipReviewRow | undefined> {
  return maybeOne<MentorshipReviewRow>(
    m,
    `INSERT INTO mentorship_reviews AS v (request_id, mentor_id, mentee_id, rating, body, met_expectations) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (request_id) DO NOTHING RETURNING ${REVIEW_COLUMNS}`,
    [r.requestId, r.mentorId, r.menteeId, r.rating, r.body, r.metExpectations],
  );
}

export function lockReview(m: EntityManager, requestId: string): Promise<MentorshipReviewRow | undefined> {
  return maybeOne<MentorshipReviewRow>(
    m,
    `SELECT ${REVIEW_COLUMNS} FROM mentorship_reviews v WHERE v.request_id = $1 FOR UPDATE`,
    [requestId],
  );
}

/** Sets the mentor's reply on a review known to exist (locked by the caller). */
export function setReply(m: EntityManager, requestId: string, reply: string): Promise<MentorshipReviewRow> {
  return one<MentorshipReviewRow>(
    m,
    `UPDATE mentorship_reviews AS v SET reply = $2, replied_at = now() WHERE v.request_id = $1 RETURNING ${REVIEW_COLUMNS}`,
    [requestId, reply],
  );
}

/** The newest `first` reviews of each mentor, in one statement. */
export function reviewsOfMentors(db: Db, mentorIds: readonly string[], first: number): Promise<MentorshipReviewRow[]> {
  return rows<MentorshipReviewRow>(
    db,
    `SELECT x.* FROM unnest($1::uuid[]) AS k(id) CROSS JOIN LATERAL (
       SELECT ${REVIEW_COLUMNS} FROM mentorship_reviews v WHERE v.mentor_id = k.id ORDER BY v.created_at DESC, v.request_id DESC LIMIT ${first}
     ) x`,
    [[...mentorIds]],
  );
}

export function reviewsOfRequests(db: Db, requestIds: readonly string[]): Promise<MentorshipReviewRow[]> {
  return rows<MentorshipReviewRow>(
    db,
    `SELECT ${REVIEW_COLUMNS} FROM mentorship_reviews v WHERE v.request_id = ANY($1::uuid[])`,
    [[...requestIds]],
  );
}
