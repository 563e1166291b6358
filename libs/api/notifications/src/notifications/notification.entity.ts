import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { UserEntity } from '@crossroads/api-accounts';
import { NOTIFICATION_TYPES, type NotificationType } from '../common/types.js';

/**
 * One in-app notification. `source_key` (the domain event id, or e.g. `mentorship-expiring:<id>`)
 * with the recipient is unique, so a retried job never writes a second row. Grouped rows (answers on
 * one question while unread) carry a `group_key`, the actors newest first and how many events they
 * merge; notification_receipts records every (source, recipient) already delivered, merged or not.
 * What an email job needs is here: recipient, type, text, url, read_at and created_at.
 */
@Entity({ name: 'notifications' })
@Index('notifications_source_recipient_key', ['sourceKey', 'recipientId'], { unique: true })
@Index('notifications_recipient_idx', ['recipientId', 'createdAt', 'id'])
@Index('notifications_unread_idx', { synchronize: false })
@Index('notifications_group_idx', { synchronize: false })
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'recipient_id', type: 'uuid' })
  recipientId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recipient_id' })
  recipient?: UserEntity;

  @Column({ type: 'enum', enum: NOTIFICATION_TYPES, enumName: 'notification_type' })
  type!: NotificationType;

  /** Ids in other contexts: no foreign keys across contexts (their rows may be hidden or deleted). */
  @Column({ name: 'question_id', type: 'uuid', nullable: true })
  questionId!: string | null;

  @Column({ name: 'answer_id', type: 'uuid', nullable: true })
  answerId!: string | null;

  @Column({ name: 'comment_id', type: 'uuid', nullable: true })
  commentId!: string | null;

  @Column({ name: 'mentorship_id', type: 'uuid', nullable: true })
  mentorshipId!: string | null;

  /** Who caused it, newest first (several when grouped). */
  @Column({ name: 'actor_ids', type: 'uuid', array: true, default: () => "'{}'" })
  actorIds!: string[];

  /** Their display names as they were, for the grouped sentence ("A, B and 3 others"). */
  @Column({ name: 'actor_names', type: 'varchar', array: true, default: () => "'{}'" })
  actorNames!: string[];

  @Column({ name: 'group_key', type: 'varchar', length: 80, nullable: true })
  groupKey!: string | null;

  /** Events merged into this row. */
  @Column({ name: 'group_count', type: 'int', default: 1 })
  groupCount!: number;

  @Column({ type: 'varchar', length: 500 })
  text!: string;

  @Column({ type: 'varchar', length: 300 })
  url!: string;

  @Column({ name: 'source_key', type: 'varchar', length: 80 })
  sourceKey!: string;

  @Column({ name: 'read_at', type: 'timestamptz', precision: 3, nullable: true })
  readAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
