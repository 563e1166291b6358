import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Events already counted: a retried batch must not count twice. Pruned with the search log. */
@Entity({ name: 'insights_applied_events' })
export class InsightsAppliedEventEntity {
  @PrimaryColumn({ name: 'event_id', type: 'bigint' })
  eventId!: string;

  @CreateDateColumn({ name: 'applied_at', type: 'timestamptz', precision: 3 })
  appliedAt!: Date;
}
