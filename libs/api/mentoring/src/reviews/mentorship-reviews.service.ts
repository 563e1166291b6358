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
} from '@crossroads/api-platform';
import type { ReplyToReviewInput, ReviewMentorshipInput } from '../requests/dto/mentorship.inputs.js';
import { MentorshipReviewEntity } from './mentorship-review.entity.js';
import { MENTORING_EVENTS, type MentorshipReviewPayload } from '../events/mentoring-events.js';
import { menteeMissedASession } from '../conduct/conduct.repository.js';
import { lockParties } from '../requests/mentorship-requests.repository.js';
import {
  insertReview,
  lockReview,
  reviewsOfMentors,
  reviewsOfRequests,
  setReply,
  type MentorshipReviewRow,
} from './mentorship-reviews.repository.js';

const toReview = (r: MentorshipReviewRow) => Object.assign(new MentorshipReviewEntity(), r);

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
      const request = await lockParties(m, input.requestId);
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
      const row = await insertReview(m, {
        requestId: input.requestId,
        mentorId: request.mentorId,
        menteeId: viewer.id,
        rating: input.rating,
        body: input.review || null,
        metExpectations: input.metExpectations ?? null,
      });
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
      return toReview(row);
    });
  }

  /** The mentor replies to a review of them, once. */
  async reply(viewer: Principal, input: ReplyToReviewInput): Promise<MentorshipReviewEntity> {
    return inTransaction(this.dataSource, async (m) => {
      if (!isUuid(input.requestId)) throw new NotFoundError('Review', 'requestId');
      const existing = await lockReview(m, input.requestId);
      const review = existing ? toReview(existing) : null;
      if (!review || (review.mentorId !== viewer.id && review.menteeId !== viewer.id))
        throw new NotFoundError('Review', 'requestId');
      if (review.mentorId !== viewer.id)
        throw new ForbiddenError('Only the mentor can reply to a review.', { field: 'requestId' });
      if (review.reply !== null) throw new ConflictError('You already replied to this review.', 'requestId');
      return toReview(await setReply(m, input.requestId, input.reply));
    });
  }

  /** The newest `first` reviews of each mentor, in one statement per page of profiles. */
  byMentorLoader(loaders: LoaderRegistry, first: number) {
    return loaders.get<string, MentorshipReviewEntity[]>(`mentoring.reviews.byMentor:${first}`, async (ids) => {
      const grouped = new Map<string, MentorshipReviewEntity[]>();
      for (const r of (await reviewsOfMentors(this.dataSource, ids, first)).map(toReview))
        grouped.set(r.mentorId, [...(grouped.get(r.mentorId) ?? []), r]);
      return ids.map((id) => grouped.get(id) ?? []);
    });
  }

  /** The review of each request (or null), batched. */
  byRequestLoader(loaders: LoaderRegistry) {
    return loaders.get<string, MentorshipReviewEntity | null>('mentoring.reviews.byRequest', async (ids) => {
      const found = await reviewsOfRequests(this.dataSource, ids);
      return byKeys(ids, found.map(toReview), (r) => r.requestId, null);
    });
  }
}
