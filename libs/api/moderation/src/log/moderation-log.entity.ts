import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '@crossroads/api-accounts';
import { AUDITED_ACTIONS } from '@crossroads/api-platform';

export const MODERATION_ACTIONS = [
  'SUSPEND',
  'LIFT_SUSPENSION',
  'APPROVE_COMMENT',
  'REJECT_COMMENT',
  'SPAM_COMMENT',
  'CLOSE_QUESTION',
  'REOPEN_QUESTION',
  'DISMISS_FLAGS',
  'HIDE_FLAGGED',
  'HIDE_POST',
  'RESTORE_POST',
  'SET_MODERATION_WORDS',
  ...AUDITED_ACTIONS,
  'HIDE_MENTORSHIP_MESSAGE',
  'DISMISS_MESSAGE_REPORT',
] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

export const MODERATION_TARGETS = ['USER', 'QUESTION', 'ANSWER', 'COMMENT', 'WORD_LIST', 'MENTORSHIP_MESSAGE'] as const;
export type ModerationTarget = (typeof MODERATION_TARGETS)[number];

/** The audit log: every moderator and admin action, who, what, when and why. Append-only. */
@Entity({ name: 'moderation_log' })
@Index('moderation_log_created_idx', ['createdAt', 'id'])
@Index('moderation_log_actor_idx', ['actorId', 'createdAt', 'id'])
@Index('moderation_log_target_idx', ['targetId', 'createdAt', 'id'])
@Index('moderation_log_action_idx', ['action', 'createdAt', 'id'])
export class ModerationLogEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'actor_id', type: 'uuid' })
  actorId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id' })
  actor?: UserEntity;

  @Column({ type: 'enum', enum: MODERATION_ACTIONS, enumName: 'moderation_action' })
  action!: ModerationAction;

  @Column({ name: 'target_type', type: 'enum', enum: MODERATION_TARGETS, enumName: 'moderation_target' })
  targetType!: ModerationTarget;

  @Column({ name: 'target_id', type: 'uuid' })
  targetId!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason!: string | null;

  @Column({ type: 'jsonb' })
  details!: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
