import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One row per mentorship review: a mentor's reviews over time. */
@Entity({ name: 'insights_mentor_reviews' })
@Index('insights_mentor_reviews_mentor_idx', ['mentorId', 'reviewedAt'])
export class InsightsMentorReviewEntity {
  @PrimaryColumn({ name: 'request_id', type: 'uuid' })
  requestId!: string;

  @Column({ name: 'mentor_id', type: 'uuid' })
  mentorId!: string;

  @Column({ type: 'smallint' })
  rating!: number;

  @Column({ name: 'reviewed_at', type: 'timestamptz', precision: 3 })
  reviewedAt!: Date;
}
