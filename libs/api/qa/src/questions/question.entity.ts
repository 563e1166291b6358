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

/**
 * A question. Counters (answer_count, positive_answer_count, comment_count) and search_vector are
 * kept by triggers (see the hand-written migration), so they stay exact whatever changes a row.
 * Keyset indexes for the feed sorts are partial/ordered and hand-written, hence `synchronize: false`.
 */
@Entity({ name: 'questions' })
@Index('questions_newest_idx', { synchronize: false })
@Index('questions_active_idx', { synchronize: false })
@Index('questions_votes_idx', { synchronize: false })
@Index('questions_unanswered_idx', { synchronize: false })
@Index('questions_tags_idx', { synchronize: false })
@Index('questions_search_idx', { synchronize: false })
@Index('questions_author_idx', ['authorId'])
/** A user's live questions, newest first (User.questions walks it backwards). */
@Index('questions_author_newest_idx', ['authorId', 'createdAt', 'id'], { where: '"deleted_at" IS NULL' })
export class QuestionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id' })
  author?: UserEntity;

  @Column({ type: 'varchar', length: 150 })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  /** Tag names, in the author's order. Filtered through a GIN index. */
  @Column({ type: 'varchar', length: 25, array: true })
  tags!: string[];

  @Column({ type: 'int', default: 0 })
  score!: number;

  @Column({ name: 'answer_count', type: 'int', default: 0 })
  answerCount!: number;

  /** Live answers with a positive score: a question with none and no accepted answer is unanswered. */
  @Column({ name: 'positive_answer_count', type: 'int', default: 0 })
  positiveAnswerCount!: number;

  /** Published, live comments on the question itself. */
  @Column({ name: 'comment_count', type: 'int', default: 0 })
  commentCount!: number;

  @Column({ name: 'view_count', type: 'int', default: 0 })
  viewCount!: number;

  @Column({ name: 'accepted_answer_id', type: 'uuid', nullable: true })
  acceptedAnswerId!: string | null;

  /** Set by the moderation context when a question is closed. */
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ name: 'close_reason', type: 'varchar', length: 20, nullable: true })
  closeReason!: string | null;

  @Column({ name: 'duplicate_of_id', type: 'uuid', nullable: true })
  duplicateOfId!: string | null;

  /** Millisecond precision, so keyset cursors (JS dates) round-trip exactly. */
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;

  @Column({ name: 'last_activity_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  lastActivityAt!: Date;

  /** Soft delete (hidden by moderation); public reads exclude such rows. */
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;

  /** Who hid it: the author (deletePost) or a moderator (hidePost, resolveFlags); null when 3 flags hid it. */
  @Column({ name: 'deleted_by', type: 'uuid', nullable: true })
  deletedBy!: string | null;

  /** Why it is hidden; cleared when a moderator restores it. */
  @Column({ name: 'delete_reason', type: 'varchar', length: 500, nullable: true })
  deleteReason!: string | null;

  /** Weighted (title A, body B) English tsvector, maintained by a trigger. Never selected. */
  @Column({ name: 'search_vector', type: 'tsvector', nullable: true, select: false, insert: false, update: false })
  searchVector?: string | null;
}
