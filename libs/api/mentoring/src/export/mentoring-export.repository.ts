import type { EntityManager } from 'typeorm';
import { maybeOne, rows, type Row } from '@crossroads/api-platform';

/* What a member's data export reads from mentoring's profile and request tables. */

export function exportMentorProfile(m: EntityManager, userId: string): Promise<Row | undefined> {
  return maybeOne<Row>(
    m,
    `SELECT headline, bio, years_experience AS "yearsExperience", industries, certifications, expertise, links FROM mentor_profiles WHERE user_id = $1`,
    [userId],
  );
}

/** The member's requests on either side, oldest first. */
export function exportMentorshipRequests(m: EntityManager, userId: string): Promise<Row[]> {
  return rows<Row>(
    m,
    `SELECT id, CASE WHEN mentee_id = $1 THEN 'MENTEE' ELSE 'MENTOR' END AS "as", message, response_message AS "responseMessage", status, created_at AS "createdAt"
         FROM mentorship_requests WHERE mentee_id = $1 OR mentor_id = $1 ORDER BY created_at, id`,
    [userId],
  );
}
