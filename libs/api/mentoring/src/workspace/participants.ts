import type { EntityManager } from 'typeorm';
import { NotFoundError, isUuid, maybeOne, type Db, type Principal } from '@crossroads/api-platform';
import { requestColumns, requestFromRow } from '../common/sql.js';
import { EFFECTIVE_STATUS_SQL } from '../requests/mentorship-status.js';
import type { MentorshipRequestEntity } from '../requests/mentorship-request.entity.js';

const COLUMNS = requestColumns(EFFECTIVE_STATUS_SQL);

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
  const row = await maybeOne<Record<string, unknown>>(
    db,
    `SELECT ${COLUMNS} FROM mentorship_requests r WHERE r.id = $1 ${lock}`,
    [mentorshipId],
  );
  const request = row ? requestFromRow(row) : null;
  if (!request || !isParticipant(request, viewer.id)) throw new NotFoundError('Mentorship', field);
  return request;
}

export const isParticipant = (r: { menteeId: string; mentorId: string }, userId: string | undefined | null) =>
  !!userId && (r.menteeId === userId || r.mentorId === userId);
