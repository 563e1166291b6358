import type { EntityManager } from 'typeorm';
import { MentorProfileEntity } from '../profiles/mentor-profile.entity.js';
import { MentorshipRequestEntity } from '../requests/mentorship-request.entity.js';

export type Row = Record<string, unknown>;

const date = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
const dateOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : date(v));

export const PROFILE_COLUMNS = `mp.user_id AS "userId", mp.headline, mp.bio, mp.years_experience AS "yearsExperience", mp.industries,
  mp.certifications, mp.expertise, mp.links, mp.accepting_requests AS "acceptingRequests", mp.max_open_requests AS "maxOpenRequests",
  mp.verified_at AS "verifiedAt", mp.verified_by_id AS "verifiedById", mp.created_at AS "createdAt", mp.updated_at AS "updatedAt"`;

export function profileFromRow(r: Row): MentorProfileEntity {
  return Object.assign(new MentorProfileEntity(), {
    userId: r.userId,
    headline: r.headline,
    bio: r.bio,
    yearsExperience: Number(r.yearsExperience),
    industries: r.industries,
    certifications: r.certifications,
    expertise: r.expertise,
    links: r.links,
    acceptingRequests: Boolean(r.acceptingRequests),
    maxOpenRequests: Number(r.maxOpenRequests),
    verifiedAt: dateOrNull(r.verifiedAt),
    verifiedById: r.verifiedById ?? null,
    createdAt: date(r.createdAt),
    updatedAt: date(r.updatedAt),
  });
}

/** Request columns; `status` is the effective one (expiry applied), see mentorship-status.ts. */
export function requestColumns(effectiveStatusSql: string): string {
  return `r.id, r.mentee_id AS "menteeId", r.mentor_id AS "mentorId", r.message, r.question_id AS "questionId",
  ${effectiveStatusSql} AS status, r.response_message AS "responseMessage", r.created_at AS "createdAt",
  r.responded_at AS "respondedAt", r.closed_at AS "closedAt"`;
}

export function requestFromRow(r: Row): MentorshipRequestEntity {
  return Object.assign(new MentorshipRequestEntity(), {
    id: r.id,
    menteeId: r.menteeId,
    mentorId: r.mentorId,
    message: r.message,
    questionId: r.questionId ?? null,
    status: r.status,
    responseMessage: r.responseMessage ?? null,
    createdAt: date(r.createdAt),
    respondedAt: dateOrNull(r.respondedAt),
    closedAt: dateOrNull(r.closedAt),
  });
}

/** Rows of an UPDATE … RETURNING (TypeORM returns [rows, count] for those). */
export async function returning<T = Row>(manager: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const result: unknown = await manager.query(sql, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}
