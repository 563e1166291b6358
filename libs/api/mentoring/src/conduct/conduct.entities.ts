import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '@crossroads/api-accounts';
import { MentorshipRequestEntity } from '../requests/mentorship-request.entity.js';

/**
 * A no-show (10 minutes late) or late cancellation (under 3 hours before the start) of one session,
 * charged to the participant at fault. Session statuses are decided by the sessions code; this is
 * what follows from them (warnings, pauses, reviews). One per session.
 */
@Entity({ name: 'mentorship_conduct_incidents' })
@Index('mentorship_conduct_incidents_session_idx', ['sessionId'], { unique: true })
@Index('mentorship_conduct_incidents_user_idx', ['userId', 'occurredAt'])
@Index('mentorship_conduct_incidents_request_idx', ['requestId'])
@Check('mentorship_conduct_incidents_kind_check', `"kind" IN ('NO_SHOW', 'LATE_CANCEL')`)
export class ConductIncidentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId!: string;

  @ManyToOne(() => MentorshipRequestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request?: MentorshipRequestEntity;

  /** The session (mentoring's sessions table; no foreign key so this stands apart from its migration order). */
  @Column({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ name: 'is_mentor', type: 'boolean' })
  isMentor!: boolean;

  @Column({ type: 'varchar', length: 12 })
  kind!: string;

  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz', precision: 3 })
  occurredAt!: Date;
}

/** New requests to a mentor are refused while a pause runs (ends_at in the future, not lifted). */
@Entity({ name: 'mentor_request_pauses' })
@Index('mentor_request_pauses_mentor_idx', ['mentorId', 'endsAt'])
export class MentorPauseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'mentor_id', type: 'uuid' })
  mentorId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mentor_id' })
  mentor?: UserEntity;

  @Column({ name: 'ends_at', type: 'timestamptz', precision: 3 })
  endsAt!: Date;

  @Column({ name: 'lifted_at', type: 'timestamptz', precision: 3, nullable: true })
  liftedAt!: Date | null;

  @Column({ name: 'lifted_by_id', type: 'uuid', nullable: true })
  liftedById!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}

/** A paused mentor's appeal, one per pause, decided by a moderator (upheld keeps the pause, else it is lifted). */
@Entity({ name: 'mentor_pause_appeals' })
@Index('mentor_pause_appeals_pause_idx', ['pauseId'], { unique: true })
@Index('mentor_pause_appeals_open_idx', { synchronize: false })
export class PauseAppealEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'pause_id', type: 'uuid' })
  pauseId!: string;

  @ManyToOne(() => MentorPauseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pause_id' })
  pause?: MentorPauseEntity;

  @Column({ name: 'mentor_id', type: 'uuid' })
  mentorId!: string;

  @Column({ type: 'varchar', length: 2000 })
  message!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'decided_at', type: 'timestamptz', precision: 3, nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'decided_by_id', type: 'uuid', nullable: true })
  decidedById!: string | null;

  /** true: the pause stays; false: it was lifted. */
  @Column({ type: 'boolean', nullable: true })
  upheld!: boolean | null;
}
