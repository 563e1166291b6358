import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { PageInfoModel } from '@crossroads/api-platform';

@ObjectType('Answer', { description: 'An answer to a question.' })
export class AnswerModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Markdown.' })
  body!: string;

  @Field(() => Int)
  score!: number;

  @Field({ description: "Whether the question's author accepted it." })
  isAccepted!: boolean;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime)
  updatedAt!: Date;

  authorId!: string;
  questionId!: string;
  commentCount!: number;
}

@ObjectType('AnswerEdge')
export class AnswerEdgeModel {
  @Field()
  cursor!: string;

  @Field(() => AnswerModel)
  node!: AnswerModel;
}

@ObjectType('AnswerConnection', { description: 'Answers: the accepted one first, then by score, then oldest.' })
export class AnswerConnectionModel {
  @Field(() => [AnswerEdgeModel])
  edges!: AnswerEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo!: PageInfoModel;

  @Field(() => Int)
  totalCount!: number;
}
