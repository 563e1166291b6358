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
import { TopicEntity } from '../topics/topic.entity.js';

export const ARTICLE_STATUSES = ['DRAFT', 'PUBLISHED'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/**
 * A guide article. search_vector (title A, summary B, body C) is kept by a trigger; it and the
 * GIN indexes on tags and search_vector are hand-written (see the kb-search migration).
 */
@Entity({ name: 'kb_articles' })
@Index('kb_articles_slug_key', ['slug'], { unique: true })
@Index('kb_articles_topic_order_idx', ['topicId', 'position', 'createdAt', 'id'])
@Index('kb_articles_published_order_idx', { synchronize: false })
@Index('kb_articles_source_question_idx', ['sourceQuestionId'], { where: '"source_question_id" IS NOT NULL' })
@Index('kb_articles_author_idx', ['authorId'])
@Index('kb_articles_tags_idx', { synchronize: false })
@Index('kb_articles_search_idx', { synchronize: false })
export class ArticleEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'topic_id', type: 'uuid' })
  topicId!: string;

  @ManyToOne(() => TopicEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'topic_id' })
  topic?: TopicEntity;

  @Column({ type: 'varchar', length: 80 })
  slug!: string;

  @Column({ type: 'varchar', length: 150 })
  title!: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  summary!: string | null;

  /** Markdown, rendered safely by the client. */
  @Column({ type: 'text' })
  body!: string;

  /** Q&A tag names: related questions share one of them. */
  @Column({ type: 'varchar', length: 25, array: true, default: () => "'{}'" })
  tags!: string[];

  /** Order within the topic, ascending (ties by creation). */
  @Column({ type: 'int', default: 0 })
  position!: number;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id' })
  author?: UserEntity;

  @Column({ type: 'enum', enum: ARTICLE_STATUSES, enumName: 'kb_article_status', default: 'DRAFT' })
  status!: ArticleStatus;

  @Column({ name: 'published_at', type: 'timestamptz', precision: 3, nullable: true })
  publishedAt!: Date | null;

  /** Promoted from this Q&A thread (no foreign key: the thread belongs to the Q&A context). */
  @Column({ name: 'source_question_id', type: 'uuid', nullable: true })
  sourceQuestionId!: string | null;

  /** Who asked the source question. */
  @Column({ name: 'source_asker_id', type: 'uuid', nullable: true })
  sourceAskerId!: string | null;

  /** Who wrote the accepted answer of the source question. */
  @Column({ name: 'source_answerer_id', type: 'uuid', nullable: true })
  sourceAnswererId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;

  /** Weighted English tsvector, maintained by a trigger. Never selected. */
  @Column({ name: 'search_vector', type: 'tsvector', nullable: true, select: false, insert: false, update: false })
  searchVector?: string | null;
}
