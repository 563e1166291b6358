import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { UserEntity } from '@crossroads/api-accounts';
import { EMAIL_FREQUENCIES, NOTIFICATION_TYPES, type EmailFrequency, type NotificationType } from '../common/types.js';

/** A member's choice for one type; absent means DEFAULT_SETTINGS. */
@Entity({ name: 'notification_settings' })
export class NotificationSettingEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @PrimaryColumn({ type: 'enum', enum: NOTIFICATION_TYPES, enumName: 'notification_type' })
  type!: NotificationType;

  @Column({ name: 'in_app' })
  inApp!: boolean;

  @Column({ type: 'enum', enum: EMAIL_FREQUENCIES, enumName: 'email_frequency' })
  email!: EmailFrequency;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
