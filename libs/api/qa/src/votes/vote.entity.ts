import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { UserEntity } from '@crossroads/api-accounts';
import { QA_POST_TYPES, type QaPostType } from '../common/post-type.js';

/** One vote per user per post: the primary key (user_id, post_id) is the uniqueness guarantee. */
@Entity({ name: 'votes' })
@Index('votes_post_idx', ['postId'])
export class VoteEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @PrimaryColumn({ name: 'post_id', type: 'uuid' })
  postId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ name: 'post_type', type: 'enum', enum: QA_POST_TYPES, enumName: 'qa_post_type' })
  postType!: QaPostType;

  /** +1 or −1; withdrawing deletes the row. */
  @Column({ type: 'smallint' })
  value!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
