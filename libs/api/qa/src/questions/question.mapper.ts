import type { QuestionEntity } from './question.entity.js';
import { QuestionModel, type QuestionStatus } from './question.model.js';

export function questionStatus(q: Pick<QuestionEntity, 'closedAt' | 'acceptedAnswerId'>): QuestionStatus {
  if (q.closedAt) return 'CLOSED';
  return q.acceptedAnswerId ? 'ANSWERED' : 'OPEN';
}

export function toQuestionModel(q: QuestionEntity): QuestionModel {
  return Object.assign(new QuestionModel(), {
    id: q.id,
    title: q.title,
    body: q.body,
    status: questionStatus(q),
    score: q.score,
    answerCount: q.answerCount,
    createdAt: q.createdAt,
    updatedAt: q.updatedAt,
    lastActivityAt: q.lastActivityAt,
    closedAt: q.closedAt,
    closeReason: q.closeReason,
    authorId: q.authorId,
    tagNames: q.tags,
    storedViewCount: q.viewCount,
    acceptedAnswerId: q.acceptedAnswerId,
    commentCount: q.commentCount,
  });
}
