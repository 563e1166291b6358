import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '@crossroads/api-accounts';
import { ArticleEntity } from '../articles/article.entity.js';

export const FEEDBACK_STATUSES = ['NEW', 'DONE'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

/** "How can we improve this article?": held for moderators and the article's author, never public. */
@Entity({ name: 'kb_article_feedback' })
@Index('kb_article_feedback_article_idx', ['articleId', 'createdAt', 'id'])
@Index('kb_article_feedback_status_idx', ['status', 'createdAt', 'id'])
export class ArticleFeedbackEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'article_id', type: 'uuid' })
  articleId!: string;

  @ManyToOne(() => ArticleEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'article_id' })
  article?: ArticleEntity;

  /** The signed-in sender; null for a guest. */
  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 2000 })
  message!: string;

  @Column({ type: 'enum', enum: FEEDBACK_STATUSES, enumName: 'kb_feedback_status', default: 'NEW' })
  status!: FeedbackStatus;

  @Column({ name: 'done_at', type: 'timestamptz', precision: 3, nullable: true })
  doneAt!: Date | null;

  @Column({ name: 'done_by_id', type: 'uuid', nullable: true })
  doneById!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
