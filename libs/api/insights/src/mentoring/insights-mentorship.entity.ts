import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One row per mentorship request since insights listened: when it was made and when (and how) the
 * mentor answered. The period's figures read rows by requested_at, never mentoring's tables.
 */
@Entity({ name: 'insights_mentorships' })
@Index('insights_mentorships_requested_idx', ['requestedAt'])
@Index('insights_mentorships_mentor_idx', ['mentorId', 'requestedAt'])
export class InsightsMentorshipEntity {
  @PrimaryColumn({ name: 'request_id', type: 'uuid' })
  requestId!: string;

  @Column({ name: 'mentor_id', type: 'uuid' })
  mentorId!: string;

  @Column({ name: 'requested_at', type: 'timestamptz', precision: 3 })
  requestedAt!: Date;

  @Column({ name: 'answered_at', type: 'timestamptz', precision: 3, nullable: true })
  answeredAt!: Date | null;

  @Column({ type: 'boolean', nullable: true, comment: 'true: accepted, false: declined, null: not answered' })
  accepted!: boolean | null;

  @Column({ name: 'closed_at', type: 'timestamptz', precision: 3, nullable: true })
  closedAt!: Date | null;
}
