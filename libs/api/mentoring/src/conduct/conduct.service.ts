import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { LIMITS } from '@crossroads/shared-domain';
import {
  AuditWriter,
  ConflictError,
  EventBus,
  NotFoundError,
  isUuid,
  byKeys,
  decodeCursor,
  encodeCursor,
  inTransaction,
  pageSize,
  toPage,
  type LoaderRegistry,
  type Principal,
} from '@crossroads/api-platform';
import { MENTORING_CARE_EVENTS, type MentorshipConductPayload } from '../events/mentoring-care-events.js';
import type { MentorshipSessionUpdatedPayload } from '../events/mentoring-events.js';
import {
  lockMentorPauses,
  activePause,
  activePauses,
  decideAppeal,
  insertAppeal,
  liftPause,
  lockAppeal,
  insertIncident,
  insertPause,
  openAppeals,
  recentMentorIncidents,
  type MentorPauseRow,
  type PauseAppealRow,
} from './conduct.repository.js';

const { conduct } = LIMITS.mentoring;

export const appealCursor = (a: PauseAppealRow) => encodeCursor('mentorPauseAppeals', [a.createdAt, a.id]);

/**
 * What follows a no-show or a late cancellation (the sessions code decides the status: 10 minutes
 * late is NO_SHOW, cancelling under 3 hours before is LATE_CANCELLED): the person at fault is
 * warned; a mentor charged `pauseThreshold` times within `windowDays` takes no new requests for
 * `pauseDays` and may appeal to moderators; a mentee's no-show suppresses their review.
 */
@Injectable()
export class ConductService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventBus,
    @Optional() private readonly audit?: AuditWriter,
  ) {}

  /** Hears a session's new status; returns the incident charged, if any. Idempotent per session. */
  async sessionUpdated(p: MentorshipSessionUpdatedPayload): Promise<MentorshipConductPayload | null> {
    const atFault = p.status === 'NO_SHOW' ? p.absentId : p.status === 'LATE_CANCELLED' ? p.actorId : null;
    if (!atFault || (atFault !== p.menteeId && atFault !== p.mentorId)) return null;
    const kind = p.status === 'NO_SHOW' ? 'NO_SHOW' : 'LATE_CANCEL';
    const isMentor = atFault === p.mentorId;
    return inTransaction(this.dataSource, async (m) => {
      const inserted = await insertIncident(m, {
        requestId: p.mentorshipId,
        sessionId: p.sessionId,
        userId: atFault,
        isMentor,
        kind,
      });
      if (!inserted) return null;
      let pausedUntil: Date | null = null;
      if (isMentor && (await recentMentorIncidents(m, atFault)) >= conduct.pauseThreshold) {
        // One pause at a time: a further incident during a pause does not stack another.
        await lockMentorPauses(m, atFault);
        const running = await activePause(m, atFault);
        pausedUntil = running ? null : (await insertPause(m, atFault)).endsAt;
      }
      const payload: MentorshipConductPayload = {
        requestId: p.mentorshipId,
        sessionId: p.sessionId,
        userId: atFault,
        kind,
        pausedUntil: pausedUntil?.toISOString() ?? null,
      };
      await this.events.emit(m, { type: MENTORING_CARE_EVENTS.conductRecorded, actorId: null, payload });
      return payload;
    });
  }

  /** CONFLICT (naming mentorHandle) while the mentor's requests are paused; in the request's transaction. */
  async assertTakingRequests(m: EntityManager, mentorId: string, handle: string): Promise<void> {
    const pause = await activePause(m, mentorId);
    if (pause) throw new ConflictError(`@${handle} is not taking mentorship requests right now.`, 'mentorHandle');
  }

  /** The running pause of each mentor (or null), batched. */
  pauseLoader(loaders: LoaderRegistry) {
    return loaders.get<string, MentorPauseRow | null>('mentoring.conduct.pause', async (ids) =>
      byKeys(ids, await activePauses(this.dataSource, ids), (p) => p.mentorId, null),
    );
  }

  /** A paused mentor asks moderators to lift the pause: once per pause. */
  async appeal(viewer: Principal, message: string): Promise<PauseAppealRow> {
    return inTransaction(this.dataSource, async (m) => {
      const pause = await activePause(m, viewer.id);
      if (!pause) throw new NotFoundError('A pause of your mentorship requests');
      const appeal = await insertAppeal(m, pause, message);
      if (!appeal) throw new ConflictError('You already appealed this pause; a moderator will decide.', 'message');
      return appeal;
    });
  }

  /**
   * A moderator decides an appeal, once: `lift` ends the pause at once, otherwise it runs its course.
   * Logged with the reason in the moderation audit log, in the same transaction.
   */
  async decide(viewer: Principal, input: { appealId: string; lift: boolean; reason: string }): Promise<PauseAppealRow> {
    if (!isUuid(input.appealId)) throw new NotFoundError('Appeal', 'appealId');
    return inTransaction(this.dataSource, async (m) => {
      const appeal = await lockAppeal(m, input.appealId);
      if (!appeal) throw new NotFoundError('Appeal', 'appealId');
      if (appeal.decidedAt) throw new ConflictError('This appeal was already decided.', 'appealId');
      if (input.lift) await liftPause(m, appeal.pauseId, viewer.id);
      const decided = await decideAppeal(m, appeal.id, viewer.id, !input.lift);
      await this.audit?.record(m, {
        actorId: viewer.id,
        action: input.lift ? 'LIFT_MENTOR_PAUSE' : 'UPHOLD_MENTOR_PAUSE',
        targetType: 'USER',
        targetId: appeal.mentorId,
        reason: input.reason,
        details: { appealId: appeal.id },
      });
      return decided;
    });
  }

  /** Undecided appeals, oldest first (what moderators work through). */
  async openAppeals(args: { first?: number; after?: string }) {
    const size = pageSize(args.first);
    const after = args.after
      ? (decodeCursor(args.after, 'mentorPauseAppeals', ['date', 'id']) as [Date, string])
      : null;
    const { items, totalCount } = await openAppeals(this.dataSource, after, size + 1);
    return { ...toPage(items, size), totalCount };
  }
}
