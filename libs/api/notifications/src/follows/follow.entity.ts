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
import { FOLLOW_LEVELS, FOLLOW_TARGET_TYPES, type FollowLevel, type FollowTargetType } from '../common/types.js';

/**
 * A member's level on a tag (its name), a question (its id) or a mentor (their user id). One row per
 * member and target. `auto` rows were set by asking, answering or commenting; an explicit choice
 * (auto false) is never changed by those.
 */
@Entity({ name: 'follows' })
@Index('follows_target_idx', ['targetType', 'targetKey', 'level'])
@Index('follows_user_idx', ['userId', 'targetType', 'createdAt'])
export class FollowEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @PrimaryColumn({ name: 'target_type', type: 'enum', enum: FOLLOW_TARGET_TYPES, enumName: 'follow_target_type' })
  targetType!: FollowTargetType;

  @PrimaryColumn({ name: 'target_key', type: 'varchar', length: 36 })
  targetKey!: string;

  @Column({ type: 'enum', enum: FOLLOW_LEVELS, enumName: 'follow_level' })
  level!: FollowLevel;

  @Column({ default: false })
  auto!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
