import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '@crossroads/api-accounts';

export const REPUTATION_KINDS = [
  'QUESTION_UPVOTED',
  'ANSWER_UPVOTED',
  'POST_DOWNVOTED',
  'ANSWER_ACCEPTED',
  'ACCEPTED_AN_ANSWER',
] as const;
export type ReputationKind = (typeof REPUTATION_KINDS)[number];

/**
 * The reputation ledger: one row per live event. Undoing the action deletes its event, and
 * users.reputation moves by the same points in the same transaction, so it always equals the sum.
 * (kind, post_id, actor_id) is unique: a vote or an acceptance can only count once.
 */
@Entity({ name: 'reputation_events' })
@Index('reputation_events_source_uq', ['kind', 'postId', 'actorId'], { unique: true })
@Index('reputation_events_user_time_idx', ['userId', 'createdAt'])
export class ReputationEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Who receives the points. */
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'enum', enum: REPUTATION_KINDS, enumName: 'reputation_kind' })
  kind!: ReputationKind;

  @Column({ type: 'int' })
  points!: number;

  @Column({ name: 'post_id', type: 'uuid' })
  postId!: string;

  /** Who caused it (the voter, the accepter). */
  @Column({ name: 'actor_id', type: 'uuid' })
  actorId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
