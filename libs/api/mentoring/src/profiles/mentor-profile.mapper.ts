import type { MentorProfileEntity } from './mentor-profile.entity.js';
import { MentorProfileModel } from './mentor-profile.model.js';

export function toMentorProfileModel(p: MentorProfileEntity): MentorProfileModel {
  return Object.assign(new MentorProfileModel(), {
    userId: p.userId,
    headline: p.headline,
    bio: p.bio,
    yearsExperience: p.yearsExperience,
    industries: p.industries,
    certifications: p.certifications,
    expertiseNames: p.expertise,
    links: p.links,
    acceptingRequests: p.acceptingRequests,
    maxOpenRequests: p.maxOpenRequests,
    verified: p.verifiedAt !== null,
    verifiedAt: p.verifiedAt,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  });
}
