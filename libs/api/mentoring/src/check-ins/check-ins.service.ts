import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { LIMITS } from '@crossroads/shared-domain';
import {
  BadInputError,
  ConflictError,
  EventBus,
  ForbiddenError,
  NotFoundError,
  inTransaction,
  isUuid,
  maybeOne,
  type LoaderRegistry,
  type Principal,
} from '@crossroads/api-platform';
import {
  MENTORING_CARE_EVENTS,
  type MentorshipCheckInDuePayload,
  type MentorshipEndedPayload,
} from '../events/mentoring-care-events.js';
import { MentorshipRequestsService } from '../requests/mentorship-requests.service.js';
import {
  answer,
  checkInsOf,
  lockCheckIn,
  openDueOutcomes,
  openFit,
  outcomesOf,
  type CheckInRow,
  type OpenedCheckIn,
} from './check-ins.repository.js';
import type { CheckInInput } from './check-in.inputs.js';

export const CHECK_INS_QUEUE = 'mentoring-check-ins';

export interface MentorOutcomes {
  answerCount: number;
  madeMoveCount: number;
}

/**
 * "Is this a good fit?" after the first session (both; a "no" from either ends it kindly), and the
 * mentee's outcome check-ins (30/60/90 days after acceptance, 90 days after completion), each
 * answered once. An hourly job opens the outcome check-ins that came due and announces them.
 */
@Injectable()
export class CheckInsService implements OnModuleInit {
  private readonly logger = new Logger(CheckInsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventBus,
    private readonly requests: MentorshipRequestsService,
  ) {}

  onModuleInit(): void {
    this.events.every(CHECK_INS_QUEUE, '7 * * * *', async () => {
      await this.openDue();
    });
  }

  /** Opens every outcome check-in due now and tells each mentee; returns how many opened. */
  async openDue(): Promise<number> {
    const opened = await inTransaction(this.dataSource, async (m) => {
      const rows = await openDueOutcomes(m);
      await this.announce(m, rows);
      return rows.length;
    });
    if (opened) this.logger.log(`Opened ${opened} mentorship check-in(s)`);
    return opened;
  }

  /** The pair's first session is DONE: both are asked about the fit (once, whatever the retries). */
  async openFit(requestId: string, menteeId: string, mentorId: string): Promise<number> {
    return inTransaction(this.dataSource, async (m) => {
      const rows = await openFit(m, requestId, menteeId, mentorId);
      await this.announce(m, rows);
      return rows.length;
    });
  }

  private async announce(m: EntityManager, opened: OpenedCheckIn[]): Promise<void> {
    await this.events.emit(
      m,
      ...opened.map((c) => ({
        type: MENTORING_CARE_EVENTS.checkInDue,
        actorId: null,
        payload: {
          requestId: c.requestId,
          userId: c.userId,
          kind: c.kind,
          otherId: c.otherId,
        } satisfies MentorshipCheckInDuePayload,
      })),
    );
  }

  /** Answers the viewer's open check-in: the fit question (goodFit) or the latest due outcome one (outcome). */
  async answer(viewer: Principal, input: CheckInInput): Promise<boolean> {
    const goodFit = input.goodFit ?? null;
    const outcome = input.outcome ?? null;
    const hasFit = goodFit !== null;
    const hasOutcome = outcome !== null;
    if (hasFit === hasOutcome)
      throw new BadInputError(hasFit ? 'outcome' : 'goodFit', 'Answer either goodFit or outcome, one at a time.');
    if (!isUuid(input.mentorshipId)) throw new NotFoundError('Mentorship', 'mentorshipId');
    return inTransaction(this.dataSource, async (m) => {
      const request = await maybeOne<{ menteeId: string; mentorId: string; status: string }>(
        m,
        `SELECT r.mentee_id AS "menteeId", r.mentor_id AS "mentorId", r.status FROM mentorship_requests r WHERE r.id = $1 FOR UPDATE`,
        [input.mentorshipId],
      );
      if (!request || (request.menteeId !== viewer.id && request.mentorId !== viewer.id))
        throw new NotFoundError('Mentorship', 'mentorshipId');
      if (goodFit !== null) {
        const checkIn = await lockCheckIn(m, input.mentorshipId, viewer.id, 'FIT');
        if (!checkIn) throw new ConflictError('The fit question comes after your first session together.', 'goodFit');
        if (checkIn.answeredAt) throw new ConflictError('You already answered this check-in.', 'goodFit');
        await answer(m, checkIn.id, { goodFit });
        if (!goodFit) {
          const ended = await this.requests.endNotAFit(m, input.mentorshipId, viewer.id);
          if (ended) {
            await this.events.emit(m, {
              type: MENTORING_CARE_EVENTS.endedNotAFit,
              actorId: viewer.id,
              payload: {
                requestId: ended.id,
                menteeId: ended.menteeId,
                mentorId: ended.mentorId,
                endedById: viewer.id,
              } satisfies MentorshipEndedPayload,
            });
          }
        }
        return true;
      }
      if (request.menteeId !== viewer.id)
        throw new ForbiddenError('Outcome check-ins are for the mentee.', { field: 'outcome' });
      // Answering does not wait for the hourly job: what is due now opens here.
      await this.announce(m, await openDueOutcomes(m, input.mentorshipId));
      const checkIn = await lockCheckIn(m, input.mentorshipId, viewer.id, 'OUTCOME');
      if (!checkIn)
        throw new ConflictError(
          `No check-in is due yet: the first comes ${LIMITS.mentoring.checkInDays[0]} days after the mentor accepted.`,
          'outcome',
        );
      if (checkIn.answeredAt) throw new ConflictError('You already answered this check-in.', 'outcome');
      if (!outcome) throw new BadInputError('outcome', 'Answer either goodFit or outcome, one at a time.');
      await answer(m, checkIn.id, { madeMove: outcome.madeMove, roleReached: outcome.roleReached ?? null });
      return true;
    });
  }

  /** The viewer's own check-ins of each mentorship, batched (keys: `${requestId}:${userId}`). */
  viewerLoader(loaders: LoaderRegistry) {
    return loaders.get<string, CheckInRow[]>('mentoring.checkIns.byViewer', async (keys) => {
      const pairs = keys.map((k) => {
        const [requestId, userId] = k.split(':');
        return { requestId, userId };
      });
      const found = await checkInsOf(this.dataSource, pairs);
      return keys.map((k) => found.filter((c) => `${c.requestId}:${c.userId}` === k));
    });
  }

  /** Aggregate outcomes per mentor, only from LIMITS.mentoring.outcomesMinAnswers answers on (null below). */
  outcomesLoader(loaders: LoaderRegistry) {
    return loaders.get<string, MentorOutcomes | null>('mentoring.checkIns.outcomes', async (ids) => {
      const found = new Map((await outcomesOf(this.dataSource, ids)).map((o) => [o.mentorId, o]));
      return ids.map((id) => {
        const o = found.get(id);
        return o && o.answers >= LIMITS.mentoring.outcomesMinAnswers
          ? { answerCount: o.answers, madeMoveCount: o.madeMove }
          : null;
      });
    });
  }
}
