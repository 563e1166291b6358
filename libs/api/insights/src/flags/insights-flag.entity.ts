import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One row per flag raised since insights listened: its reason, when it was raised and resolved. */
@Entity({ name: 'insights_flags' })
@Index('insights_flags_flagged_idx', ['flaggedAt'])
export class InsightsFlagEntity {
  @PrimaryColumn({ name: 'flag_id', type: 'uuid' })
  flagId!: string;

  @Column({ name: 'post_id', type: 'uuid' })
  postId!: string;

  @Column({
    type: 'varchar',
    length: 32,
    nullable: true,
    comment: "moderation's flag reason; null while only the resolution was handled",
  })
  reason!: string | null;

  @Column({ name: 'flagged_at', type: 'timestamptz', precision: 3 })
  flaggedAt!: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', precision: 3, nullable: true })
  resolvedAt!: Date | null;
}
