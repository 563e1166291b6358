import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { UserEntity } from '../users/user.entity.js';

/** A sign-in through an OpenID Connect provider linked to an account: the provider's `sub` is the key. */
@Entity({ name: 'user_identities' })
@Unique('user_identities_provider_subject_key', ['provider', 'subject'])
export class UserIdentityEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'user_identities_pkey' })
  id!: string;

  @Index('user_identities_user_idx')
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'user_identities_user_fkey' })
  user?: UserEntity;

  /** The configured provider id (OIDC_PROVIDERS). */
  @Column({ type: 'varchar', length: 32 })
  provider!: string;

  @Column({ type: 'varchar', length: 255 })
  subject!: string;

  /** The provider's verified email when linked, shown on the settings page. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;
}
