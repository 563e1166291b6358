import type { QuestionEntity } from './question.entity.js';
import { QuestionModel, type QuestionStatus } from './question.model.js';

export function questionStatus(q: Pick<QuestionEntity, 'closedAt' | 'acceptedAnswerId'>): QuestionStatus {
  if (q.closedAt) return 'CLOSED';
  return q.acceptedAnswerId ? 'ANSWERED' : 'OPEN';
}

/** Plain property writes (no intermediate literal for Object.assign): the feed maps every row of a page. */
export function toQuestionModel(q: QuestionEntity): QuestionModel {
  const m = new QuestionModel();
  m.id = q.id;
  m.title = q.title;
  m.body = q.body;
  m.status = questionStatus(q);
  m.score = q.score;
  m.answerCount = q.answerCount;
  m.createdAt = q.createdAt;
  m.updatedAt = q.updatedAt;
  m.lastActivityAt = q.lastActivityAt;
  m.closedAt = q.closedAt;
  m.closeReason = q.closeReason;
  m.authorId = q.authorId;
  m.tagNames = q.tags;
  m.storedViewCount = q.viewCount;
  m.acceptedAnswerId = q.acceptedAnswerId;
  m.commentCount = q.commentCount;
  return m;
}
