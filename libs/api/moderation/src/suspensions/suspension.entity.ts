import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '@crossroads/api-accounts';

/** A member's suspension: active while not lifted and `ends_at` is null (forever) or in the future. */
@Entity({ name: 'suspensions' })
@Index('suspensions_user_open_idx', ['userId'], { where: '"lifted_at" IS NULL' })
export class SuspensionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ name: 'suspended_by', type: 'uuid' })
  suspendedBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'suspended_by' })
  suspender?: UserEntity;

  @Column({ type: 'varchar', length: 500 })
  reason!: string;

  /** Null: forever (until lifted). */
  @Column({ name: 'ends_at', type: 'timestamptz', precision: 3, nullable: true })
  endsAt!: Date | null;

  @Column({ name: 'lifted_at', type: 'timestamptz', precision: 3, nullable: true })
  liftedAt!: Date | null;

  @Column({ name: 'lifted_by', type: 'uuid', nullable: true })
  liftedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'lifted_by' })
  lifter?: UserEntity | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
