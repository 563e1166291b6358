import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  BadInputError,
  ConflictError,
  EventBus,
  ForbiddenError,
  LoaderRegistry,
  NotFoundError,
  byKeys,
  isUniqueViolation,
  type Principal,
  decodeCursor,
  encodeCursor,
  inTransaction,
  isUuid,
  pageSize,
  toPage,
} from '@crossroads/api-platform';
import { UsersService } from '@crossroads/api-accounts';
import { QuestionsService } from '@crossroads/api-qa';
import { lockProfile } from '../profiles/mentor-profiles.repository.js';
import * as requests from './mentorship-requests.repository.js';
import type { MentorshipRequestEntity } from './mentorship-request.entity.js';
import type { MentorshipStatus } from './mentorship-status.js';
import type { RequestMentorshipInput, RespondToMentorshipInput } from './dto/mentorship.inputs.js';
import { mentorshipTransition, type MentorshipAction } from './mentorship-transitions.js';
import { MENTORING_EVENTS, type MentorshipRequestPayload } from '../events/mentoring-events.js';
import { ConductService } from '../conduct/conduct.service.js';

const requestPayload = (r: MentorshipRequestEntity): MentorshipRequestPayload => ({
  requestId: r.id,
  menteeId: r.menteeId,
  mentorId: r.mentorId,
  questionId: r.questionId,
  status: r.status,
});

export type MentorshipSide = 'MENTEE' | 'MENTOR';

export const requestCursor = (r: MentorshipRequestEntity) => encodeCursor('mentorshipRequests', [r.createdAt, r.id]);

@Injectable()
export class MentorshipRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly questions: QuestionsService,
    private readonly events: EventBus,
    private readonly conduct: ConductService,
  ) {}

  /**
   * A member asks a mentor for help. The mentor's profile row is locked (FOR UPDATE) for the
   * transaction, so concurrent requests to one mentor run one after another: the capacity check
   * and the pair check see every earlier request. The partial unique index on open pairs backs the
   * pair rule up in the database.
   */
  async request(viewer: Principal, input: RequestMentorshipInput): Promise<MentorshipRequestEntity> {
    const mentor = await this.users.findByHandle(input.mentorHandle);
    if (!mentor) throw new NotFoundError(`Mentor @${input.mentorHandle}`, 'mentorHandle');
    if (mentor.id === viewer.id)
      throw new BadInputError('mentorHandle', 'You cannot request mentorship from yourself.');
    if (input.questionId) {
      const question = isUuid(input.questionId)
        ? await this.questions.byIdLoader(new LoaderRegistry()).load(input.questionId)
        : null;
      if (!question) throw new NotFoundError('Question', 'questionId');
    }
    return inTransaction(this.dataSource, async (m) => {
      const profile = await lockProfile(m, mentor.id);
      if (!profile) throw new NotFoundError(`Mentor profile of @${mentor.handle}`, 'mentorHandle');
      if (!profile.acceptingRequests)
        throw new ConflictError(`@${mentor.handle} is not taking mentorship requests right now.`, 'mentorHandle');
      await this.conduct.assertTakingRequests(m, mentor.id, mentor.handle);
      await this.expireStale(m, mentor.id);
      const counts = await requests.openRequestCounts(m, mentor.id, viewer.id);
      if (counts.mine > 0)
        throw new ConflictError(`You already have an open request with @${mentor.handle}.`, 'mentorHandle');
      if (counts.open >= profile.maxOpenRequests)
        throw new ConflictError(`@${mentor.handle} has no room for more mentorships right now.`, 'mentorHandle');
      try {
        const created = await requests.insertRequest(m, {
          menteeId: viewer.id,
          mentorId: mentor.id,
          message: input.message,
          questionId: input.questionId ?? null,
        });
        await this.events.emit(m, {
          type: MENTORING_EVENTS.requestCreated,
          actorId: viewer.id,
          payload: requestPayload(created),
        });
        return created;
      } catch (e) {
        if (isUniqueViolation(e)) {
          throw new ConflictError(`You already have an open request with @${mentor.handle}.`, 'mentorHandle');
        }
        throw e;
      }
    });
  }

  /** The mentor accepts or declines a pending request. */
  async respond(viewer: Principal, input: RespondToMentorshipInput): Promise<MentorshipRequestEntity> {
    return inTransaction(this.dataSource, async (m) => {
      const request = await this.lockForParticipant(m, viewer, input.requestId);
      const to = this.transition(viewer, request, input.accept ? 'ACCEPT' : 'DECLINE');
      const answered = await requests.setAnswered(m, request.id, to, input.message ?? null);
      await this.events.emit(m, {
        type: MENTORING_EVENTS.requestAnswered,
        actorId: viewer.id,
        payload: requestPayload(answered),
      });
      return answered;
    });
  }

  /** Either side marks an accepted mentorship completed. */
  async complete(viewer: Principal, requestId: string): Promise<MentorshipRequestEntity> {
    return this.close(viewer, requestId, 'COMPLETE');
  }

  /** The mentee withdraws a pending or accepted request. */
  async cancel(viewer: Principal, requestId: string): Promise<MentorshipRequestEntity> {
    return this.close(viewer, requestId, 'CANCEL');
  }

  private async close(viewer: Principal, requestId: string, action: 'COMPLETE' | 'CANCEL') {
    return inTransaction(this.dataSource, async (m) => {
      const request = await this.lockForParticipant(m, viewer, requestId);
      const to = this.transition(viewer, request, action);
      const closed = await requests.setClosed(m, request.id, to);
      await this.events.emit(m, {
        type: MENTORING_EVENTS.requestClosed,
        actorId: viewer.id,
        payload: requestPayload(closed),
      });
      return closed;
    });
  }

  /** Locks the request; NOT_FOUND for anyone but its two participants (its existence stays private). */
  private async lockForParticipant(
    m: EntityManager,
    viewer: Principal,
    requestId: string,
  ): Promise<MentorshipRequestEntity> {
    if (!isUuid(requestId)) throw new NotFoundError('Mentorship request', 'requestId');
    const request = await requests.lockRequest(m, requestId);
    if (!request || (request.menteeId !== viewer.id && request.mentorId !== viewer.id))
      throw new NotFoundError('Mentorship request', 'requestId');
    return request;
  }

  /** The status `action` leads to, or FORBIDDEN/CONFLICT naming requestId (see mentorship-transitions.ts). */
  private transition(viewer: Principal, request: MentorshipRequestEntity, action: MentorshipAction): MentorshipStatus {
    const outcome = mentorshipTransition(request.status, action, request.mentorId === viewer.id ? 'MENTOR' : 'MENTEE');
    if (outcome.ok) return outcome.to;
    if (outcome.error === 'FORBIDDEN') throw new ForbiddenError(outcome.message, { field: 'requestId' });
    throw new ConflictError(outcome.message, 'requestId');
  }

  /** A "no" to the fit question ends an accepted mentorship (CANCELLED, NOT_A_GOOD_FIT), in the caller's transaction. */
  async endNotAFit(
    manager: EntityManager,
    requestId: string,
    endedById: string,
  ): Promise<MentorshipRequestEntity | null> {
    const ended = await requests.endNotAFit(manager, requestId);
    if (!ended) return null;
    await this.events.emit(manager, {
      type: MENTORING_EVENTS.requestClosed,
      actorId: endedById,
      payload: requestPayload(ended),
    });
    return ended;
  }

  /**
   * An erased account's open requests (as mentee or mentor) are CANCELLED, in the caller's
   * transaction, each with its requestClosed event so the other side hears of it. Returns how many.
   */
  async closeForErasedAccount(manager: EntityManager, userId: string): Promise<number> {
    const cancelled = await requests.cancelOpenOf(manager, userId);
    await this.events.emit(
      manager,
      ...cancelled.map((r) => ({ type: MENTORING_EVENTS.requestClosed, actorId: null, payload: requestPayload(r) })),
    );
    return cancelled.length;
  }

  /** Stores EXPIRED on pending requests past the window (all, or one mentor's). Returns how many. */
  async expireStale(manager: EntityManager = this.dataSource.manager, mentorId?: string): Promise<number> {
    const expired = await requests.expireStale(manager, mentorId);
    await this.events.emit(
      manager,
      ...expired.map((r) => ({ type: MENTORING_EVENTS.requestClosed, actorId: null, payload: requestPayload(r) })),
    );
    return expired.length;
  }

  /** The viewer's requests as mentee and as mentor (or one side), newest first, keyset paged. */
  async list(viewer: Principal, args: { first?: number; after?: string; side?: MentorshipSide | null }) {
    const size = pageSize(args.first);
    const after = args.after ? decodeCursor(args.after, 'mentorshipRequests', ['date', 'id']) : null;
    const found = await requests.requestPage(this.dataSource, viewer.id, args.side, after, size + 1);
    return { ...toPage(found.requests, size), totalCount: found.totalCount };
  }

  /** Requests by id (effective status), batched per request. */
  byIdLoader(loaders: LoaderRegistry) {
    return loaders.get<string, MentorshipRequestEntity | null>('mentoring.requests.byId', async (ids) => {
      return byKeys(ids, await requests.requestsByIds(this.dataSource, ids), (r) => r.id, null);
    });
  }

  /** Pending requests that expire within `hours` (and have not expired yet): what the expiry reminder tells mentors about. */
  async expiringWithin(hours: number): Promise<MentorshipRequestEntity[]> {
    return requests.expiringWithin(this.dataSource, hours);
  }

  /** Open (pending, unexpired, or accepted) requests per mentor, batched. */
  openCountLoader(loaders: LoaderRegistry) {
    return loaders.get<string, number>('mentoring.requests.openCount', async (ids) => {
      const counts = await requests.openCountsByMentor(this.dataSource, ids);
      return byKeys(ids, counts, (r) => r.mentorId, { mentorId: '', n: 0 }).map((r) => r.n);
    });
  }
}
