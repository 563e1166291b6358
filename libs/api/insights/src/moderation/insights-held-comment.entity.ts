import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One row per comment held for moderation since insights listened: when it was held and when, by
 * whom and how it was decided. The backlog reads the undecided rows (a partial index), decision
 * times read rows by decided_at.
 */
@Entity({ name: 'insights_held_comments' })
@Index('insights_held_comments_open_idx', ['heldAt'], { where: 'decided_at IS NULL' })
@Index('insights_held_comments_decided_idx', ['decidedAt'])
export class InsightsHeldCommentEntity {
  @PrimaryColumn({ name: 'comment_id', type: 'uuid' })
  commentId!: string;

  @Column({ name: 'held_at', type: 'timestamptz', precision: 3 })
  heldAt!: Date;

  @Column({ name: 'decided_at', type: 'timestamptz', precision: 3, nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true, comment: 'APPROVE, REJECT or SPAM' })
  decision!: string | null;
}
