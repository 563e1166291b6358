import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { QuestionModel } from '@crossroads/api-qa';
import { MentorProfileModel } from '../profiles/mentor-profile.model.js';
import { PageInfoModel } from '@crossroads/api-platform';

@ObjectType('MentorSuggestion', {
  description: 'A mentor suggested for a question, with the score and a one-line reason.',
})
export class MentorSuggestionModel {
  @Field(() => MentorProfileModel)
  mentor!: MentorProfileModel;

  @Field(() => Float, { description: '3·tag fit + 1.5·ln(1 + accepted answers in the tags) + 2 if available.' })
  score!: number;

  @Field({ description: 'Why, e.g. "3 accepted answers in #career-change".' })
  reason!: string;
}

@ObjectType('MatchedQuestionEdge')
export class MatchedQuestionEdgeModel {
  @Field()
  cursor!: string;

  @Field(() => QuestionModel)
  node!: QuestionModel;

  @Field(() => [String], { description: "The question's tags in the mentor's expertise." })
  sharedTags!: string[];

  @Field()
  reason!: string;
}

@ObjectType('MatchedQuestionConnection', {
  description: 'Open questions matched to the mentor: most shared tags first, then newest.',
})
export class MatchedQuestionConnectionModel {
  @Field(() => [MatchedQuestionEdgeModel])
  edges!: MatchedQuestionEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo!: PageInfoModel;

  @Field(() => Int)
  totalCount!: number;
}
