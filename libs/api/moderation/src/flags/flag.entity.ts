import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '@crossroads/api-accounts';

export const FLAG_POST_TYPES = ['QUESTION', 'ANSWER', 'COMMENT'] as const;
export type FlagPostType = (typeof FLAG_POST_TYPES)[number];

export const FLAG_REASONS = ['SPAM', 'RUDE', 'OFF_TOPIC', 'NEEDS_IMPROVEMENT', 'OTHER'] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];

/** One member's flag on a post: at most one per member and post. */
@Entity({ name: 'flags' })
@Index('flags_post_flagger_key', ['postId', 'flaggerId'], { unique: true })
@Index('flags_post_open_idx', ['postId', 'createdAt'], { where: '"resolved_at" IS NULL' })
export class FlagEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'post_type', type: 'enum', enum: FLAG_POST_TYPES, enumName: 'flag_post_type' })
  postType!: FlagPostType;

  @Column({ name: 'post_id', type: 'uuid' })
  postId!: string;

  @Column({ name: 'flagger_id', type: 'uuid' })
  flaggerId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'flagger_id' })
  flagger?: UserEntity;

  @Column({ type: 'enum', enum: FLAG_REASONS, enumName: 'flag_reason' })
  reason!: FlagReason;

  /** Toward the hide threshold (flag-weight.ts): 0 for accounts under the bar, 1 a member, 2 a trusted member, 3 a moderator. */
  @Column({ type: 'smallint', default: 1 })
  weight!: number;

  /** Required for OTHER. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  text!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', precision: 3, nullable: true })
  resolvedAt!: Date | null;
}

/**
 * A post with open flags: the flag queue's rows (oldest first). `hidden_at` is set when the flags'
 * weights (or a moderator's flag) hid the post (its deleted_at), until a moderator decides.
 */
@Entity({ name: 'flagged_posts' })
@Index('flagged_posts_queue_idx', ['firstFlaggedAt', 'postId'], { where: '"open_flags" > 0' })
export class FlaggedPostEntity {
  @Column({ name: 'post_id', type: 'uuid', primary: true })
  postId!: string;

  @Column({ name: 'post_type', type: 'enum', enum: FLAG_POST_TYPES, enumName: 'flag_post_type' })
  postType!: FlagPostType;

  @Column({ name: 'open_flags', type: 'int', default: 0 })
  openFlags!: number;

  @Column({ name: 'first_flagged_at', type: 'timestamptz', precision: 3 })
  firstFlaggedAt!: Date;

  @Column({ name: 'hidden_at', type: 'timestamptz', precision: 3, nullable: true })
  hiddenAt!: Date | null;
}
