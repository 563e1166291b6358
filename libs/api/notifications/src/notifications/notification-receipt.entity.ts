import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Every (source, recipient) already delivered, whether as a row of its own or merged into a group: retries and re-runs skip them. */
@Entity({ name: 'notification_receipts' })
export class NotificationReceiptEntity {
  @PrimaryColumn({ name: 'source_key', type: 'varchar', length: 80 })
  sourceKey!: string;

  @PrimaryColumn({ name: 'recipient_id', type: 'uuid' })
  recipientId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
