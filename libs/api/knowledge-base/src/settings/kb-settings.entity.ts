import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Knowledge-base settings: a single row (id 1), created by the kb-search migration. */
@Entity({ name: 'kb_settings' })
@Check('kb_settings_single_row_check', '"id" = 1')
export class KbSettingsEntity {
  @PrimaryColumn({ type: 'smallint', default: 1 })
  id!: number;

  /** articles.mentorsMayWrite: mentors may create articles and edit their own. */
  @Column({ name: 'mentors_may_write', type: 'boolean', default: false })
  mentorsMayWrite!: boolean;

  @Column({ name: 'updated_by_id', type: 'uuid', nullable: true })
  updatedById!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
