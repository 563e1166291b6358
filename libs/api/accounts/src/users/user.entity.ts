import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ROLES, type Role } from '@crossroads/shared-domain';

@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 24, unique: true })
  handle!: string;

  /** Stored lower-cased, so uniqueness is case-insensitive. Null for accounts that cannot sign in. */
  @Column({ type: 'varchar', length: 254, unique: true, nullable: true })
  email!: string | null;

  @Column({ name: 'display_name', type: 'varchar', length: 60 })
  displayName!: string;

  /** argon2id hash; null for placeholder accounts (imported authors) that cannot sign in. */
  @Column({ name: 'password_hash', type: 'varchar', length: 255, nullable: true })
  passwordHash!: string | null;

  @Column({ type: 'enum', enum: ROLES, enumName: 'user_role', default: 'MEMBER' })
  role!: Role;

  /** Cached sum of the user's reputation ledger, updated in the same transaction as each event. */
  @Column({ type: 'int', default: 0 })
  reputation!: number;

  /** When the member followed the verification link sent to `email`; null: not verified. */
  @Column({ name: 'email_verified_at', type: 'timestamptz', nullable: true })
  emailVerifiedAt!: Date | null;

  /** deleteAccount: signing in before the grace period ends clears it; after it the account is erased. */
  @Column({ name: 'deletion_requested_at', type: 'timestamptz', nullable: true })
  deletionRequestedAt!: Date | null;

  /** When the personal data was erased (the row stays: posts keep their author, "Deleted user"). */
  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true })
  erasedAt!: Date | null;

  /** Profile (issue 15): bio is Markdown, rendered by the web app's safe renderer. */
  @Column({ type: 'text', nullable: true })
  bio!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  location!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  links!: string[];

  /** The current avatar upload (files at `<id>/<version>/<size>.webp` in the avatar store); null: initials. */
  @Column({ name: 'avatar_version', type: 'varchar', length: 16, nullable: true })
  avatarVersion!: string | null;

  /** When the member last made an authenticated request (kept to the minute by the principal lookup). */
  @Column({ name: 'last_seen_at', type: 'timestamptz', nullable: true })
  lastSeenAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
