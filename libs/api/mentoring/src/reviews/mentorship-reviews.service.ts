import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  ConflictError,
  EventBus,
  ForbiddenError,
  NotFoundError,
  byKeys,
  type LoaderRegistry,
  type Principal,
  inTransaction,
  isUuid,
  returning,
  type Row,
} from '@crossroads/api-platform';
import type { ReplyToReviewInput, ReviewMentorshipInput } from '../requests/dto/mentorship.inputs.js';
import { MentorshipReviewEntity } from './mentorship-review.entity.js';
import { MENTORING_EVENTS, type MentorshipReviewPayload } from '../events/mentoring-events.js';
import { menteeMissedASession } from '../conduct/conduct.repository.js';

const REVIEW_COLUMNS = `v.request_id AS "requestId", v.mentor_id AS "mentorId", v.mentee_id AS "menteeId", v.rating, v.body, v.reply, v.met_expectations AS "metExpectations",
  v.replied_at AS "repliedAt", v.created_at AS "createdAt"`;

const date = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
const reviewFromRow = (r: Row) =>
  Object.assign(new MentorshipReviewEntity(), {
    requestId: r.requestId,
    mentorId: r.mentorId,
    menteeId: r.menteeId,
    rating: Number(r.rating),
    body: r.body ?? null,
    metExpectations: r.metExpectations === null || r.metExpectations === undefined ? null : Number(r.metExpectations),
    reply: r.reply ?? null,
    repliedAt: r.repliedAt ? date(r.repliedAt) : null,
    createdAt: date(r.createdAt),
  });

@Injectable()
export class MentorshipReviewsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventBus,
  ) {}

  /** The mentee rates a completed mentorship, once. */
  async review(viewer: Principal, input: ReviewMentorshipInput): Promise<MentorshipReviewEntity> {
    return inTransaction(this.dataSource, async (m) => {
      if (!isUuid(input.requestId)) throw new NotFoundError('Mentorship request', 'requestId');
      const [request] = (await m.query(
        `SELECT r.mentee_id AS "menteeId", r.mentor_id AS "mentorId", r.status FROM mentorship_requests r WHERE r.id = $1 FOR UPDATE`,
        [input.requestId],
      )) as { menteeId: string; mentorId: string; status: string }[];
      if (!request || (request.menteeId !== viewer.id && request.mentorId !== viewer.id))
        throw new NotFoundError('Mentorship request', 'requestId');
      if (request.menteeId !== viewer.id)
        throw new ForbiddenError('Only the mentee can review a mentorship.', { field: 'requestId' });
      if (request.status !== 'COMPLETED')
        throw new ConflictError('Only a completed mentorship can be reviewed.', 'requestId');
      // No-shows suppress reviews: a mentee who missed a session of this mentorship does not review it.
      if (await menteeMissedASession(m, input.requestId, viewer.id)) {
        throw new ConflictError('A mentorship with a session you missed cannot be reviewed.', 'requestId');
      }
      const [row] = (await m.query(
        `INSERT INTO mentorship_reviews AS v (request_id, mentor_id, mentee_id, rating, body, met_expectations) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (request_id) DO NOTHING RETURNING ${REVIEW_COLUMNS}`,
        [
          input.requestId,
          request.mentorId,
          viewer.id,
          input.rating,
          input.review || null,
          input.metExpectations ?? null,
        ],
      )) as Row[];
      if (!row) throw new ConflictError('You already reviewed this mentorship.', 'requestId');
      await this.events.emit(m, {
        type: MENTORING_EVENTS.reviewPosted,
        actorId: viewer.id,
        payload: {
          requestId: input.requestId,
          menteeId: viewer.id,
          mentorId: request.mentorId,
          rating: input.rating,
        } satisfies MentorshipReviewPayload,
      });
      return reviewFromRow(row);
    });
  }

  /** The mentor replies to a review of them, once. */
  async reply(viewer: Principal, input: ReplyToReviewInput): Promise<MentorshipReviewEntity> {
    return inTransaction(this.dataSource, async (m) => {
      if (!isUuid(input.requestId)) throw new NotFoundError('Review', 'requestId');
      const [existing] = (await m.query(
        `SELECT ${REVIEW_COLUMNS} FROM mentorship_reviews v WHERE v.request_id = $1 FOR UPDATE`,
        [input.requestId],
      )) as Row[];
      const review = existing ? reviewFromRow(existing) : null;
      if (!review || (review.mentorId !== viewer.id && review.menteeId !== viewer.id))
        throw new NotFoundError('Review', 'requestId');
      if (review.mentorId !== viewer.id)
        throw new ForbiddenError('Only the mentor can reply to a review.', { field: 'requestId' });
      if (review.reply !== null) throw new ConflictError('You already replied to this review.', 'requestId');
      const [row] = await returning<Row>(
        m,
        `UPDATE mentorship_reviews AS v SET reply = $2, replied_at = now() WHERE v.request_id = $1 RETURNING ${REVIEW_COLUMNS}`,
        [input.requestId, input.reply],
      );
      return reviewFromRow(row);
    });
  }

  /** The newest `first` reviews of each mentor, in one statement per page of profiles. */
  byMentorLoader(loaders: LoaderRegistry, first: number) {
    return loaders.get<string, MentorshipReviewEntity[]>(`mentoring.reviews.byMentor:${first}`, async (ids) => {
      const rows = (await this.dataSource.query(
        `SELECT x.* FROM unnest($1::uuid[]) AS k(id) CROSS JOIN LATERAL (
           SELECT ${REVIEW_COLUMNS} FROM mentorship_reviews v WHERE v.mentor_id = k.id ORDER BY v.created_at DESC, v.request_id DESC LIMIT ${first}
         ) x`,
        [[...ids]],
      )) as Row[];
      const grouped = new Map<string, MentorshipReviewEntity[]>();
      for (const r of rows.map(reviewFromRow)) grouped.set(r.mentorId, [...(grouped.get(r.mentorId) ?? []), r]);
      return ids.map((id) => grouped.get(id) ?? []);
    });
  }

  /** The review of each request (or null), batched. */
  byRequestLoader(loaders: LoaderRegistry) {
    return loaders.get<string, MentorshipReviewEntity | null>('mentoring.reviews.byRequest', async (ids) => {
      const rows = (await this.dataSource.query(
        `SELECT ${REVIEW_COLUMNS} FROM mentorship_reviews v WHERE v.request_id = ANY($1::uuid[])`,
        [[...ids]],
      )) as Row[];
      return byKeys(ids, rows.map(reviewFromRow), (r) => r.requestId, null);
    });
  }
}
