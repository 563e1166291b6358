import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A guest's "Notify me of follow-up comments" on one question. The address lives here (and on the
 * guest's comment, where only moderators see it), nowhere else; `confirmed_at` is set by the link
 * sent to it, and only confirmed rows get emails. Unsubscribing deletes the row.
 */
@Entity({ name: 'guest_follow_ups' })
@Index('guest_follow_ups_question_email_key', ['questionId', 'email'], { unique: true })
export class GuestFollowUpEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** qa's question id: no foreign key across contexts. */
  @Column({ name: 'question_id', type: 'uuid' })
  questionId!: string;

  /** Lower-cased (as qa stores guest addresses). */
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  /** The guest comment that asked for it. */
  @Column({ name: 'comment_id', type: 'uuid' })
  commentId!: string;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
