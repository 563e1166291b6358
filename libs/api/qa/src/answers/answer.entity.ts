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
import { QuestionEntity } from '../questions/question.entity.js';

/** An answer. Its question's answer counters follow it through a trigger. */
@Entity({ name: 'answers' })
@Index('answers_question_order_idx', { synchronize: false })
@Index('answers_author_idx', ['authorId'])
/** A user's live answers, newest first (User.answers walks it backwards). */
@Index('answers_author_newest_idx', ['authorId', 'createdAt', 'id'], { where: '"deleted_at" IS NULL' })
export class AnswerEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'question_id', type: 'uuid' })
  questionId!: string;

  @ManyToOne(() => QuestionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'question_id' })
  question?: QuestionEntity;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id' })
  author?: UserEntity;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'int', default: 0 })
  score!: number;

  /** Mirrors questions.accepted_answer_id so the "accepted first" order can use an index. */
  @Column({ name: 'is_accepted', type: 'boolean', default: false })
  isAccepted!: boolean;

  @Column({ name: 'comment_count', type: 'int', default: 0 })
  commentCount!: number;

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
