import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfoModel } from '@crossroads/api-platform';

export const QUESTION_STATUSES = ['OPEN', 'ANSWERED', 'CLOSED'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];
export const QuestionStatusEnum = Object.fromEntries(QUESTION_STATUSES.map((s) => [s, s])) as {
  [K in QuestionStatus]: K;
};
registerEnumType(QuestionStatusEnum, {
  name: 'QuestionStatus',
  description: 'OPEN; ANSWERED when an answer is accepted; CLOSED by a moderator.',
});

export const QUESTION_SORTS = ['NEWEST', 'ACTIVE', 'VOTES', 'UNANSWERED'] as const;
export type QuestionSort = (typeof QUESTION_SORTS)[number];
export const QuestionSortEnum = Object.fromEntries(QUESTION_SORTS.map((s) => [s, s])) as { [K in QuestionSort]: K };
registerEnumType(QuestionSortEnum, {
  name: 'QuestionSort',
  description:
    'NEWEST first; ACTIVE: latest activity first; VOTES: highest score first; UNANSWERED: newest questions with no accepted and no positively scored answer.',
});

@ObjectType('Question', { description: 'A question asked by a member.' })
export class QuestionModel {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field({ description: 'Markdown.' })
  body!: string;

  @Field(() => QuestionStatusEnum)
  status!: QuestionStatus;

  @Field(() => Int, { description: 'Upvotes minus downvotes.' })
  score!: number;

  @Field(() => Int)
  answerCount!: number;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime)
  updatedAt!: Date;

  @Field(() => GraphQLISODateTime, { description: 'When it was asked, last answered or last edited.' })
  lastActivityAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Set when a moderator closed it.' })
  closedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was closed (duplicate, off-topic, unclear).' })
  closeReason!: string | null;

  // Internal, read by field resolvers; not in the schema.
  authorId!: string;
  tagNames!: string[];
  storedViewCount!: number;
  acceptedAnswerId!: string | null;
  commentCount!: number;
}

@ObjectType('QuestionEdge')
export class QuestionEdgeModel {
  @Field()
  cursor!: string;

  @Field(() => QuestionModel)
  node!: QuestionModel;
}

@ObjectType('QuestionConnection')
export class QuestionConnectionModel {
  @Field(() => [QuestionEdgeModel])
  edges!: QuestionEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo!: PageInfoModel;

  @Field(() => Int, {
    description: 'Questions matching the filters. With `search`, the number of ranked matches (at most 1,000).',
  })
  totalCount!: number;

  @Field(() => String, {
    nullable: true,
    description:
      'With `search`: a corrected query when the one given found nothing; the results are then those of the correction.',
  })
  didYouMean!: string | null;
}
