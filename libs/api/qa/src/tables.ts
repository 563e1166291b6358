import { col, table, type RowOf } from '@crossroads/api-platform';
import { revisionsTable } from './revisions/revisions.repository.js';
import { tagsTable } from './tags/tags.repository.js';

/** A question as qa's read paths select it (QUESTION_COLUMNS); the search vector and deletion notes are left out. */
export const questionsTable = table('questions', {
  id: col.uuid(),
  authorId: col.uuid(),
  title: col.text(),
  body: col.text(),
  tags: col.textArray(),
  score: col.int(),
  answerCount: col.int(),
  positiveAnswerCount: col.int(),
  commentCount: col.int(),
  viewCount: col.int(),
  acceptedAnswerId: col.uuid().nullable(),
  closedAt: col.timestamp().nullable(),
  closeReason: col.text().nullable(),
  duplicateOfId: col.uuid().nullable(),
  createdAt: col.timestamp(),
  updatedAt: col.timestamp(),
  lastActivityAt: col.timestamp(),
  deletedAt: col.timestamp().nullable(),
});
export type QuestionRow = RowOf<typeof questionsTable>;

/** An answer as qa's read paths select it (ANSWER_COLUMNS). */
export const answersTable = table('answers', {
  id: col.uuid(),
  questionId: col.uuid(),
  authorId: col.uuid(),
  body: col.text(),
  score: col.int(),
  isAccepted: col.bool(),
  commentCount: col.int(),
  createdAt: col.timestamp(),
  updatedAt: col.timestamp(),
  deletedAt: col.timestamp().nullable(),
});
export type AnswerRow = RowOf<typeof answersTable>;

/** The row types qa declares, checked against the migrated schema by apps/api/test/row-types.int-spec.ts. */
export const qaTables = [questionsTable, answersTable, tagsTable, revisionsTable];
