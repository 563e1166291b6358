import { MentorProfileEntity } from '../profiles/mentor-profile.entity.js';
import { toDate, toDateOrNull, type Row } from '@crossroads/api-platform';

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
