import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphqlContext } from '@crossroads/api-platform';
import { AnswerModel, QuestionModel } from '@crossroads/api-qa';
import { PostSourceModel } from './post-source.model.js';
import { PostSourcesService } from './post-sources.service.js';

const DESCRIPTION =
  'Set for posts imported from the Stack Exchange network: attribution to show with the post (CC BY-SA).';

@Resolver(() => QuestionModel)
export class QuestionSourceResolver {
  constructor(private readonly sources: PostSourcesService) {}

  @ResolveField(() => PostSourceModel, { nullable: true, description: DESCRIPTION })
  source(@Parent() question: QuestionModel, @Context() ctx: GraphqlContext): Promise<PostSourceModel | null> {
    return this.sources.loader(ctx.loaders).load(question.id);
  }
}

@Resolver(() => AnswerModel)
export class AnswerSourceResolver {
  constructor(private readonly sources: PostSourcesService) {}

  @ResolveField(() => PostSourceModel, { nullable: true, description: DESCRIPTION })
  source(@Parent() answer: AnswerModel, @Context() ctx: GraphqlContext): Promise<PostSourceModel | null> {
    return this.sources.loader(ctx.loaders).load(answer.id);
  }
}
