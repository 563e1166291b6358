import { Field, ObjectType } from '@nestjs/graphql';
import { AnswerModel } from '../answers/answer.model.js';
import { CommentModel } from '../comments/comment.model.js';
import { QuestionModel } from '../questions/question.model.js';

/** What can happen on an open question page. */
export const QUESTION_ACTIVITY_KINDS = [
  'ANSWER_POSTED',
  'COMMENT_POSTED',
  'ANSWER_ACCEPTED',
  'SCORE_CHANGED',
  'EDITED',
] as const;
export type QuestionActivityKind = (typeof QUESTION_ACTIVITY_KINDS)[number];

/** The live message on `LIVE_TOPICS.question(id)`: ids only, each subscriber loads what it shows. */
export interface QuestionActivityMessage {
  kind: QuestionActivityKind;
  questionId: string;
  answerId?: string;
  commentId?: string;
}

@ObjectType('QuestionActivity', {
  description: 'Something that happened on a question, delivered live to its open pages.',
})
export class QuestionActivityModel {
  @Field(() => QuestionModel, { description: 'The question as it is now (score, answer count, acceptance).' })
  question!: QuestionModel;

  @Field(() => AnswerModel, {
    nullable: true,
    description: 'The answer posted, accepted, voted on or edited, when the activity is about one.',
  })
  answer!: AnswerModel | null;

  @Field(() => CommentModel, { nullable: true, description: 'The comment published (never a held one).' })
  comment!: CommentModel | null;

  @Field({
    description:
      'ANSWER_POSTED, COMMENT_POSTED, ANSWER_ACCEPTED (also when acceptance is withdrawn: see answer.isAccepted), SCORE_CHANGED or EDITED.',
  })
  kind!: string;
}
