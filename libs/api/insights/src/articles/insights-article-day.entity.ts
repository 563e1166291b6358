import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Help-centre ratings and feedback per UTC day (every article together): one row per day. */
@Entity({ name: 'insights_article_daily' })
export class InsightsArticleDayEntity {
  @PrimaryColumn({ type: 'date' })
  day!: string;

  @Column({ type: 'int', default: 0, comment: 'ratings given that day (a changed mind rates again)' })
  ratings!: number;

  @Column({ type: 'int', default: 0, comment: 'sum of their stars' })
  stars!: number;

  @Column({ type: 'int', default: 0, comment: 'of those, 4 or 5 stars' })
  helpful!: number;

  @Column({ type: 'int', default: 0 })
  feedback!: number;
}
