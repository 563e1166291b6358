import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Posts per UTC day, overall (tag '') and per tag: the activity chart reads at most one row per day,
 * the period's counts and unanswered rates add up days (never the questions themselves).
 */
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

  /** Of the questions asked that day, how many have an answer now (counts and unanswered rates add days up). */
  @Column({ type: 'int', default: 0 })
  answered!: number;

  /** Of the questions asked that day, how many have an accepted answer now. */
  @Column({ type: 'int', default: 0 })
  accepted!: number;
}
