import { LIMITS } from '@crossroads/shared-domain';
import type { MentorshipRequestEntity } from './mentorship-request.entity.js';
import { MentorshipRequestModel } from './mentorship-request.model.js';

export function toMentorshipRequestModel(r: MentorshipRequestEntity): MentorshipRequestModel {
  return Object.assign(new MentorshipRequestModel(), {
    id: r.id,
    message: r.message,
    status: r.status, // already the effective status (expiry applied in SQL)
    responseMessage: r.responseMessage,
    createdAt: r.createdAt,
    respondedAt: r.respondedAt,
    closedAt: r.closedAt,
    endReason: r.endReason === 'NOT_A_GOOD_FIT' ? 'NOT_A_GOOD_FIT' : null,
    expiresAt: new Date(r.createdAt.getTime() + LIMITS.mentoring.requestExpiryDays * 86_400_000),
    menteeId: r.menteeId,
    mentorId: r.mentorId,
    questionId: r.questionId,
  });
}
