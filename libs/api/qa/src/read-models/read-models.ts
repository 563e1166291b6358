/**
 * Views qa defines (migration QaReadModels1796710000000) for other contexts to join instead of qa's
 * tables; live posts only. Another context may read these by name; only qa's migrations change them.
 */
export const QA_READ_MODELS = {
  /** (user_id, answer_count, accepted_count): live answers per author. */
  answerStats: 'qa_answer_stats',
  /** (user_id, tag, accepted_count): accepted live answers per author and question tag. */
  acceptedByTag: 'qa_accepted_by_tag',
  /** (user_id, question_id, tags, seconds): seconds from each question to the author's first answer. */
  firstAnswers: 'qa_first_answers',
  /** The questions' columns (read with QUESTION_COLUMNS): live, open, no accepted answer. */
  openQuestions: 'qa_open_questions',
  /** (question_id, user_id): who answered which question (live answers). */
  answerers: 'qa_answerers',
} as const;
