import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '@crossroads/api-accounts';

/** One entry of the admin-edited moderation word list (a word or a phrase, stored lower-case). */
@Entity({ name: 'moderation_words' })
export class ModerationWordEntity {
  @PrimaryColumn({ type: 'varchar', length: 60 })
  word!: string;

  /** The admin who added it; null for the seeded defaults. */
  @Column({ name: 'added_by', type: 'uuid', nullable: true })
  addedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'added_by' })
  adder?: UserEntity | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
