import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One row per question asked since insights began listening: when it was asked, its tags, and when
 * it got its first answer and its accepted answer. Medians read these rows for the chosen period
 * only (an index on asked_at; a sample of them for long periods), never qa's tables; counts and
 * unanswered rates come from insights_daily.
 */
@Entity({ name: 'insights_questions' })
// Covering indexes on (asked_at) and (sample, asked_at), hand-written in the migration: TypeORM has no INCLUDE.
@Index('insights_questions_asked_idx', { synchronize: false })
@Index('insights_questions_sample_idx', { synchronize: false })
// A GIN index on tags (hand-written in the migration): a rare tag's questions without the whole period.
@Index('insights_questions_tags_idx', { synchronize: false })
export class InsightsQuestionEntity {
  @PrimaryColumn({ name: 'question_id', type: 'uuid' })
  questionId!: string;

  @Column({ name: 'asked_at', type: 'timestamptz', precision: 3 })
  askedAt!: Date;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags!: string[];

  @Column({ name: 'first_answer_at', type: 'timestamptz', precision: 3, nullable: true })
  firstAnswerAt!: Date | null;

  @Column({ name: 'accepted_at', type: 'timestamptz', precision: 3, nullable: true })
  acceptedAt!: Date | null;

  /**
   * 0–63, the id's random last byte (set on insert, see SAMPLE_OF): a long period's medians read a
   * uniform sample (sample < k) through insights_questions_sample_idx, not every question of the period.
   */
  @Column({ type: 'smallint', default: 0 })
  sample!: number;

  /** The accepted answer's author: whose "accepted answers by tag" the acceptance counts for. */
  @Column({ name: 'accepted_author_id', type: 'uuid', nullable: true })
  acceptedAuthorId!: string | null;
}
