import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { MentorshipRequestEntity } from '../requests/mentorship-request.entity.js';

/** The mentee's rating of a completed mentorship (one per request) and the mentor's single reply. */
@Entity({ name: 'mentorship_reviews' })
@Index('mentorship_reviews_mentor_idx', ['mentorId', 'createdAt', 'requestId'])
@Check('mentorship_reviews_rating_check', '"rating" BETWEEN 1 AND 5')
@Check('mentorship_reviews_met_expectations_check', '"met_expectations" BETWEEN 1 AND 5')
export class MentorshipReviewEntity {
  @PrimaryColumn({ name: 'request_id', type: 'uuid' })
  requestId!: string;

  @OneToOne(() => MentorshipRequestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request?: MentorshipRequestEntity;

  @Column({ name: 'mentor_id', type: 'uuid' })
  mentorId!: string;

  @Column({ name: 'mentee_id', type: 'uuid' })
  menteeId!: string;

  @Column({ type: 'smallint' })
  rating!: number;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  body!: string | null;

  /** Private 1–5 "did it meet your expectations?": moderators only. */
  @Column({ name: 'met_expectations', type: 'smallint', nullable: true })
  metExpectations!: number | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  reply!: string | null;

  @Column({ name: 'replied_at', type: 'timestamptz', precision: 3, nullable: true })
  repliedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
