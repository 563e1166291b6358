import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '@crossroads/api-accounts';
import { MentorshipRequestEntity } from '../requests/mentorship-request.entity.js';

/**
 * One question put to one participant of a mentorship: FIT ("is this a good fit?", both, after the
 * first session is DONE) or an outcome check-in (the mentee, 30/60/90 days after acceptance and
 * 90 days after completion). Answered once: the second answer is refused.
 */
@Entity({ name: 'mentorship_check_ins' })
@Index('mentorship_check_ins_one_idx', ['requestId', 'userId', 'kind'], { unique: true })
@Index('mentorship_check_ins_user_idx', ['userId', 'dueAt'])
@Check('mentorship_check_ins_kind_check', `"kind" IN ('FIT', 'DAY_30', 'DAY_60', 'DAY_90', 'AFTER_END')`)
export class MentorshipCheckInEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId!: string;

  @ManyToOne(() => MentorshipRequestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request?: MentorshipRequestEntity;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 10 })
  kind!: string;

  @Column({ name: 'due_at', type: 'timestamptz', precision: 3 })
  dueAt!: Date;

  @Column({ name: 'answered_at', type: 'timestamptz', precision: 3, nullable: true })
  answeredAt!: Date | null;

  @Column({ name: 'good_fit', type: 'boolean', nullable: true })
  goodFit!: boolean | null;

  @Column({ name: 'made_move', type: 'boolean', nullable: true })
  madeMove!: boolean | null;

  @Column({ name: 'role_reached', type: 'varchar', length: 120, nullable: true })
  roleReached!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
