import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  OneToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { UserEntity } from '@crossroads/api-accounts';

/**
 * A member's mentor profile (one per user). The GIN indexes on the array columns and the full-text
 * index on headline + bio are hand-written (see the mentoring-indexes migration).
 */
@Entity({ name: 'mentor_profiles' })
@Index('mentor_profiles_expertise_idx', { synchronize: false })
@Index('mentor_profiles_industries_idx', { synchronize: false })
@Index('mentor_profiles_certifications_idx', { synchronize: false })
@Index('mentor_profiles_search_idx', { synchronize: false })
export class MentorProfileEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @OneToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 120 })
  headline!: string;

  /** Markdown, rendered safely by the client. */
  @Column({ type: 'text', default: '' })
  bio!: string;

  @Column({ name: 'years_experience', type: 'int' })
  yearsExperience!: number;

  @Column({ type: 'varchar', length: 60, array: true, default: () => "'{}'" })
  industries!: string[];

  @Column({ type: 'varchar', length: 60, array: true, default: () => "'{}'" })
  certifications!: string[];

  /** Tag names (qa tags), in the mentor's order. */
  @Column({ type: 'varchar', length: 25, array: true })
  expertise!: string[];

  @Column({ type: 'varchar', length: 300, array: true, default: () => "'{}'" })
  links!: string[];

  @Column({ name: 'accepting_requests', type: 'boolean', default: true })
  acceptingRequests!: boolean;

  @Column({ name: 'max_open_requests', type: 'int', default: 5 })
  maxOpenRequests!: number;

  /** Set by a moderator who checked the experience claims; null when not verified. */
  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt!: Date | null;

  @Column({ name: 'verified_by_id', type: 'uuid', nullable: true })
  verifiedById!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
