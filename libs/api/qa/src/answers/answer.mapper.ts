import type { AnswerEntity } from './answer.entity.js';
import { AnswerModel } from './answer.model.js';

export function toAnswerModel(a: AnswerEntity): AnswerModel {
  return Object.assign(new AnswerModel(), {
    id: a.id,
    body: a.body,
    score: a.score,
    isAccepted: a.isAccepted,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    authorId: a.authorId,
    questionId: a.questionId,
    commentCount: a.commentCount,
  });
}
