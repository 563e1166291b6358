import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { FEEDBACK_STATUSES, type FeedbackStatus } from './article-feedback.entity.js';
import { PageInfoModel } from '@crossroads/api-platform';

export const FeedbackStatusEnum = Object.fromEntries(FEEDBACK_STATUSES.map((s) => [s, s])) as {
  [K in FeedbackStatus]: K;
};
registerEnumType(FeedbackStatusEnum, {
  name: 'ArticleFeedbackStatus',
  description: 'NEW until a moderator or the author marks it DONE.',
});

@ObjectType('ArticleFeedback', {
  description: '"How can we improve this article?": seen by moderators and the article\'s author only.',
})
export class ArticleFeedbackModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Plain text as sent.' })
  message!: string;

  @Field(() => FeedbackStatusEnum)
  status!: FeedbackStatus;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  doneAt!: Date | null;

  articleId!: string;
  userId!: string | null;
}

@ObjectType('ArticleFeedbackEdge')
export class ArticleFeedbackEdgeModel {
  @Field()
  cursor!: string;

  @Field(() => ArticleFeedbackModel)
  node!: ArticleFeedbackModel;
}

@ObjectType('ArticleFeedbackConnection')
export class ArticleFeedbackConnectionModel {
  @Field(() => [ArticleFeedbackEdgeModel])
  edges!: ArticleFeedbackEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo!: PageInfoModel;

  @Field(() => Int, { description: 'Feedback matching the filters that the viewer may see.' })
  totalCount!: number;
}
