import type { EntityManager } from 'typeorm';
import { NotFoundError, isUuid, type Db, type Principal } from '@crossroads/api-platform';
import type { MentorshipRequestEntity } from '../requests/mentorship-request.entity.js';
import { requestById } from '../requests/mentorship-requests.repository.js';

/**
 * The mentorship, when the viewer is one of its two participants; NOT_FOUND naming `field` for
 * anyone else (its existence stays private). `lock`: FOR SHARE (booking, messages: the status
 * cannot change under them) or FOR UPDATE (the plan's revision numbers).
 */
export async function mentorshipOfParticipant(
  db: Db | EntityManager,
  viewer: Principal,
  mentorshipId: string,
  field = 'mentorshipId',
  lock: '' | 'FOR SHARE' | 'FOR UPDATE' = '',
): Promise<MentorshipRequestEntity> {
  if (!isUuid(mentorshipId)) throw new NotFoundError('Mentorship', field);
  const request = await requestById(db, mentorshipId, lock);
  if (!request || !isParticipant(request, viewer.id)) throw new NotFoundError('Mentorship', field);
  return request;
}

export const isParticipant = (r: { menteeId: string; mentorId: string }, userId: string | undefined | null) =>
  !!userId && (r.menteeId === userId || r.mentorId === userId);
