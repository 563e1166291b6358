import type { MentorshipReviewEntity } from './mentorship-review.entity.js';
import { MentorshipReviewModel } from './mentorship-review.model.js';

export function toMentorshipReviewModel(v: MentorshipReviewEntity): MentorshipReviewModel {
  return Object.assign(new MentorshipReviewModel(), {
    requestId: v.requestId,
    rating: v.rating,
    review: v.body,
    privateMetExpectations: v.metExpectations,
    reply: v.reply,
    repliedAt: v.repliedAt,
    createdAt: v.createdAt,
    menteeId: v.menteeId,
    mentorId: v.mentorId,
  });
}
