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
import { QA_POST_TYPES, type QaPostType } from '../common/post-type.js';
import { QuestionEntity } from '../questions/question.entity.js';

export const COMMENT_STATUSES = ['PUBLISHED', 'PENDING', 'REJECTED', 'SPAM'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

/** A comment on a question or an answer, by a member or a guest (name + email, email private). */
@Entity({ name: 'comments' })
@Index('comments_post_published_idx', { synchronize: false })
@Index('comments_author_status_idx', ['authorId', 'status'])
@Index('comments_status_created_idx', ['status', 'createdAt'])
export class CommentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'post_type', type: 'enum', enum: QA_POST_TYPES, enumName: 'qa_post_type' })
  postType!: QaPostType;

  /** The question's or the answer's id. */
  @Column({ name: 'post_id', type: 'uuid' })
  postId!: string;

  /** The question the comment belongs to (directly or through its answer): context for moderators. */
  @Column({ name: 'question_id', type: 'uuid' })
  questionId!: string;

  @ManyToOne(() => QuestionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'question_id' })
  question?: QuestionEntity;

  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'author_id' })
  author?: UserEntity | null;

  @Column({ name: 'guest_name', type: 'varchar', length: 60, nullable: true })
  guestName!: string | null;

  /** Guests only; shown to moderators and admins, never to anyone else. */
  @Column({ name: 'guest_email', type: 'varchar', length: 254, nullable: true })
  guestEmail!: string | null;

  @Column({ type: 'varchar', length: 600 })
  body!: string;

  @Column({ type: 'enum', enum: COMMENT_STATUSES, enumName: 'comment_status' })
  status!: CommentStatus;

  /** Why the hold policy held it (for the moderation queue), null when published at once. */
  @Column({ name: 'hold_reason', type: 'varchar', length: 40, nullable: true })
  holdReason!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;

  /** Who hid it: the author (deletePost) or a moderator (hidePost, resolveFlags); null when 3 flags hid it. */
  @Column({ name: 'deleted_by', type: 'uuid', nullable: true })
  deletedBy!: string | null;

  /** Why it is hidden; cleared when a moderator restores it. */
  @Column({ name: 'delete_reason', type: 'varchar', length: 500, nullable: true })
  deleteReason!: string | null;
}
