import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One row per question asked since insights began listening: when it was asked, its tags, and when
 * it got its first answer and its accepted answer. Medians and unanswered rates read these rows for
 * the chosen period only (an index on asked_at), never qa's tables.
 */
@Entity({ name: 'insights_questions' })
@Index('insights_questions_asked_idx', ['askedAt'])
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

  /** The accepted answer's author: whose "accepted answers by tag" the acceptance counts for. */
  @Column({ name: 'accepted_author_id', type: 'uuid', nullable: true })
  acceptedAuthorId!: string | null;
}
