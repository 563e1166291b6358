import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '@crossroads/api-accounts';
import { MENTORSHIP_STATUSES, type MentorshipStatus } from './mentorship-status.js';

/**
 * A member's request for a mentor's help. "One open request per member–mentor pair" is the partial
 * unique index mentorship_requests_open_pair_idx (hand-written, status PENDING or ACCEPTED).
 * A stored PENDING older than the expiry window is EXPIRED: reads compute it, writes and the
 * scheduled job store it.
 */
@Entity({ name: 'mentorship_requests' })
@Index('mentorship_requests_open_pair_idx', { synchronize: false })
@Index('mentorship_requests_mentor_idx', ['mentorId', 'createdAt', 'id'])
@Index('mentorship_requests_mentee_idx', ['menteeId', 'createdAt', 'id'])
@Index('mentorship_requests_pending_idx', { synchronize: false })
@Index('mentorship_requests_mentor_responded_idx', ['mentorId', 'respondedAt'])
@Index('mentorship_requests_reminder_due_idx', { synchronize: false })
export class MentorshipRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'mentee_id', type: 'uuid' })
  menteeId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mentee_id' })
  mentee?: UserEntity;

  @Column({ name: 'mentor_id', type: 'uuid' })
  mentorId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mentor_id' })
  mentor?: UserEntity;

  @Column({ type: 'varchar', length: 2000 })
  message!: string;

  /** The qa question the request is about (no foreign key across contexts; checked on write). */
  @Column({ name: 'question_id', type: 'uuid', nullable: true })
  questionId!: string | null;

  @Column({ type: 'enum', enum: MENTORSHIP_STATUSES, enumName: 'mentorship_status', default: 'PENDING' })
  status!: MentorshipStatus;

  @Column({ name: 'response_message', type: 'varchar', length: 2000, nullable: true })
  responseMessage!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'responded_at', type: 'timestamptz', precision: 3, nullable: true })
  respondedAt!: Date | null;

  /** When it was completed, cancelled or expired. */
  @Column({ name: 'closed_at', type: 'timestamptz', precision: 3, nullable: true })
  closedAt!: Date | null;

  /** Why an accepted mentorship ended early (NOT_A_GOOD_FIT after the fit check-in); null otherwise. */
  @Column({ name: 'end_reason', type: 'varchar', length: 20, nullable: true })
  endReason!: string | null;

  /** When the mentor was reminded of this still-pending request (once, at 48 h). */
  @Column({ name: 'reminded_at', type: 'timestamptz', precision: 3, nullable: true })
  remindedAt!: Date | null;
}
