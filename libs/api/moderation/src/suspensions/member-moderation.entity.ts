import { Column, Entity, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '@crossroads/api-accounts';

/** Per-member moderation state: a SPAM decision marks the author, holding their new comments. */
@Entity({ name: 'member_moderation' })
export class MemberModerationEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @OneToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  /** Set by a SPAM decision, cleared when a moderator approves one of their comments. */
  @Column({ name: 'spam_marked_at', type: 'timestamptz', precision: 3, nullable: true })
  spamMarkedAt!: Date | null;

  @Column({ name: 'spam_marked_by', type: 'uuid', nullable: true })
  spamMarkedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'spam_marked_by' })
  marker?: UserEntity | null;
}
