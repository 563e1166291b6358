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
  returning,
  type Row,
} from '@crossroads/api-platform';
import { UsersService } from '@crossroads/api-accounts';
import { QuestionsService } from '@crossroads/api-qa';
import { PROFILE_COLUMNS, profileFromRow, requestColumns, requestFromRow } from '../common/sql.js';
import type { MentorshipRequestEntity } from './mentorship-request.entity.js';
import { EFFECTIVE_STATUS_SQL, EXPIRY_INTERVAL, OPEN_NOW_SQL, type MentorshipStatus } from './mentorship-status.js';
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

const COLUMNS = requestColumns(EFFECTIVE_STATUS_SQL);

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
      const [profileRow] = (await m.query(
        `SELECT ${PROFILE_COLUMNS} FROM mentor_profiles mp WHERE mp.user_id = $1 FOR UPDATE`,
        [mentor.id],
      )) as Row[];
      if (!profileRow) throw new NotFoundError(`Mentor profile of @${mentor.handle}`, 'mentorHandle');
      const profile = profileFromRow(profileRow);
      if (!profile.acceptingRequests)
        throw new ConflictError(`@${mentor.handle} is not taking mentorship requests right now.`, 'mentorHandle');
      await this.conduct.assertTakingRequests(m, mentor.id, mentor.handle);
      await this.expireStale(m, mentor.id);
      const [counts] = (await m.query(
        `SELECT count(*)::int AS open, (count(*) FILTER (WHERE r.mentee_id = $2))::int AS mine
         FROM mentorship_requests r WHERE r.mentor_id = $1 AND r.status IN ('PENDING', 'ACCEPTED')`,
        [mentor.id, viewer.id],
      )) as { open: number; mine: number }[];
      if (counts.mine > 0)
        throw new ConflictError(`You already have an open request with @${mentor.handle}.`, 'mentorHandle');
      if (counts.open >= profile.maxOpenRequests)
        throw new ConflictError(`@${mentor.handle} has no room for more mentorships right now.`, 'mentorHandle');
      try {
        const [row] = (await m.query(
          `INSERT INTO mentorship_requests AS r (mentee_id, mentor_id, message, question_id) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
          [viewer.id, mentor.id, input.message, input.questionId ?? null],
        )) as Row[];
        const created = requestFromRow(row);
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
      const [row] = await returning<Row>(
        m,
        `UPDATE mentorship_requests AS r SET status = $2, response_message = $3, responded_at = now() WHERE r.id = $1 RETURNING ${COLUMNS}`,
        [request.id, to, input.message ?? null],
      );
      const answered = requestFromRow(row);
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
      const [row] = await returning<Row>(
        m,
        `UPDATE mentorship_requests AS r SET status = $2, closed_at = now() WHERE r.id = $1 RETURNING ${COLUMNS}`,
        [request.id, to],
      );
      const closed = requestFromRow(row);
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
    const [row] = (await m.query(`SELECT ${COLUMNS} FROM mentorship_requests r WHERE r.id = $1 FOR UPDATE`, [
      requestId,
    ])) as Row[];
    const request = row ? requestFromRow(row) : null;
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
    const [row] = await returning<Row>(
      manager,
      `UPDATE mentorship_requests AS r SET status = 'CANCELLED', end_reason = 'NOT_A_GOOD_FIT', closed_at = now() WHERE r.id = $1 AND r.status = 'ACCEPTED' RETURNING ${COLUMNS}`,
      [requestId],
    );
    if (!row) return null;
    const ended = requestFromRow(row);
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
    const rows = await returning<Row>(
      manager,
      `UPDATE mentorship_requests AS r SET status = 'CANCELLED', closed_at = now()
       WHERE (r.mentee_id = $1 OR r.mentor_id = $1) AND ${OPEN_NOW_SQL} RETURNING ${COLUMNS}`,
      [userId],
    );
    await this.events.emit(
      manager,
      ...rows.map((r) => ({
        type: MENTORING_EVENTS.requestClosed,
        actorId: null,
        payload: requestPayload(requestFromRow(r)),
      })),
    );
    return rows.length;
  }

  /** Stores EXPIRED on pending requests past the window (all, or one mentor's). Returns how many. */
  async expireStale(manager: EntityManager = this.dataSource.manager, mentorId?: string): Promise<number> {
    const rows = await returning<Row>(
      manager,
      `UPDATE mentorship_requests AS r SET status = 'EXPIRED', closed_at = r.created_at + ${EXPIRY_INTERVAL}
       WHERE r.status = 'PENDING' AND r.created_at < now() - ${EXPIRY_INTERVAL} ${mentorId ? 'AND r.mentor_id = $1' : ''} RETURNING ${COLUMNS}`,
      mentorId ? [mentorId] : [],
    );
    await this.events.emit(
      manager,
      ...rows.map((r) => ({
        type: MENTORING_EVENTS.requestClosed,
        actorId: null,
        payload: requestPayload(requestFromRow(r)),
      })),
    );
    return rows.length;
  }

  /** The viewer's requests as mentee and as mentor (or one side), newest first, keyset paged. */
  async list(viewer: Principal, args: { first?: number; after?: string; side?: MentorshipSide | null }) {
    const size = pageSize(args.first);
    const params: unknown[] = [viewer.id];
    const mine =
      args.side === 'MENTEE'
        ? 'r.mentee_id = $1'
        : args.side === 'MENTOR'
          ? 'r.mentor_id = $1'
          : '(r.mentee_id = $1 OR r.mentor_id = $1)';
    let keyset = '';
    if (args.after) {
      const [createdAt, id] = decodeCursor(args.after, 'mentorshipRequests', ['date', 'id']);
      params.push(createdAt, id);
      keyset = 'AND (r.created_at, r.id) < ($2, $3)';
    }
    const rows = (await this.dataSource.query(
      `SELECT (SELECT count(*) FROM mentorship_requests r WHERE ${mine})::int AS "totalCount", p.* FROM (SELECT 1) one
       LEFT JOIN LATERAL (SELECT ${COLUMNS} FROM mentorship_requests r WHERE ${mine} ${keyset} ORDER BY r.created_at DESC, r.id DESC LIMIT ${size + 1}) p ON true
       ORDER BY p."createdAt" DESC, p.id DESC`,
      params,
    )) as Row[];
    const page = toPage(rows.filter((r) => r.id !== null).map(requestFromRow), size);
    return { ...page, totalCount: Number(rows[0]?.totalCount ?? 0) };
  }

  /** Requests by id (effective status), batched per request. */
  byIdLoader(loaders: LoaderRegistry) {
    return loaders.get<string, MentorshipRequestEntity | null>('mentoring.requests.byId', async (ids) => {
      const rows = (await this.dataSource.query(
        `SELECT ${COLUMNS} FROM mentorship_requests r WHERE r.id = ANY($1::uuid[])`,
        [[...ids]],
      )) as Row[];
      return byKeys(ids, rows.map(requestFromRow), (r) => r.id, null);
    });
  }

  /** Pending requests that expire within `hours` (and have not expired yet): what the expiry reminder tells mentors about. */
  async expiringWithin(hours: number): Promise<MentorshipRequestEntity[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM mentorship_requests r
       WHERE r.status = 'PENDING' AND r.created_at >= now() - ${EXPIRY_INTERVAL} AND r.created_at < now() - ${EXPIRY_INTERVAL} + make_interval(hours => $1)
       ORDER BY r.created_at, r.id`,
      [hours],
    )) as Row[];
    return rows.map(requestFromRow);
  }

  /** Open (pending, unexpired, or accepted) requests per mentor, batched. */
  openCountLoader(loaders: LoaderRegistry) {
    return loaders.get<string, number>('mentoring.requests.openCount', async (ids) => {
      const rows = (await this.dataSource.query(
        `SELECT r.mentor_id AS "mentorId", count(*)::int AS n FROM mentorship_requests r WHERE r.mentor_id = ANY($1::uuid[]) AND ${OPEN_NOW_SQL} GROUP BY r.mentor_id`,
        [[...ids]],
      )) as { mentorId: string; n: number }[];
      return byKeys(
        ids,
        rows.map((r) => ({ id: r.mentorId, n: Number(r.n) })),
        (r) => r.id,
        { id: '', n: 0 },
      ).map((r) => r.n);
    });
  }
}
