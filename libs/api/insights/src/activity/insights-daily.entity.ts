import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Posts per UTC day, overall (tag '') and per tag: the activity chart reads at most one row per day. */
@Entity({ name: 'insights_daily' })
export class InsightsDailyEntity {
  @PrimaryColumn({ type: 'date' })
  day!: string;

  /** '' for every tag together. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  tag!: string;

  @Column({ type: 'int', default: 0 })
  questions!: number;

  @Column({ type: 'int', default: 0 })
  answers!: number;

  @Column({ type: 'int', default: 0 })
  comments!: number;
}
