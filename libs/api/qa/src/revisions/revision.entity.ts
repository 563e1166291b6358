import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '@crossroads/api-accounts';
import { QA_POST_TYPES, type QaPostType } from '../common/post-type.js';

/** What a post looked like before an edit, who edited it and when. */
@Entity({ name: 'revisions' })
@Index('revisions_post_idx', ['postId', 'createdAt'])
export class RevisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'post_type', type: 'enum', enum: QA_POST_TYPES, enumName: 'qa_post_type' })
  postType!: QaPostType;

  @Column({ name: 'post_id', type: 'uuid' })
  postId!: string;

  @Column({ name: 'editor_id', type: 'uuid' })
  editorId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'editor_id' })
  editor?: UserEntity;

  /** Previous title (questions only). */
  @Column({ type: 'varchar', length: 150, nullable: true })
  title!: string | null;

  @Column({ type: 'text' })
  body!: string;

  /** Previous tags (questions only). */
  @Column({ type: 'varchar', length: 25, array: true, nullable: true })
  tags!: string[] | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
