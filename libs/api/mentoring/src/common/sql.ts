import { MentorProfileEntity } from '../profiles/mentor-profile.entity.js';
import { toDate, toDateOrNull, type Row } from '@crossroads/api-platform';
import { MentorshipRequestEntity } from '../requests/mentorship-request.entity.js';

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
    verifiedAt: toDateOrNull(r.verifiedAt),
    verifiedById: r.verifiedById ?? null,
    createdAt: toDate(r.createdAt),
    updatedAt: toDate(r.updatedAt),
  });
}

/** Request columns; `status` is the effective one (expiry applied), see mentorship-status.ts. */
export function requestColumns(effectiveStatusSql: string): string {
  return `r.id, r.mentee_id AS "menteeId", r.mentor_id AS "mentorId", r.message, r.question_id AS "questionId",
  ${effectiveStatusSql} AS status, r.response_message AS "responseMessage", r.created_at AS "createdAt",
  r.responded_at AS "respondedAt", r.closed_at AS "closedAt", r.end_reason AS "endReason"`;
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
    createdAt: toDate(r.createdAt),
    respondedAt: toDateOrNull(r.respondedAt),
    closedAt: toDateOrNull(r.closedAt),
    endReason: (r.endReason as string | null | undefined) ?? null,
  });
}
