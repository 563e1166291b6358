import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphqlContext } from '@crossroads/api-platform';
import { UserModel } from '@crossroads/api-accounts';
import { AnswerConnectionModel } from '../answers/answer.model.js';
import { toAnswerModel } from '../answers/answer.mapper.js';
import { connectionOf, PageArgs } from '@crossroads/api-platform';
import { toQuestionModel } from '../questions/question.mapper.js';
import { QuestionConnectionModel } from '../questions/question.model.js';
import { UserPostsService, userAnswerCursor, userQuestionCursor } from './user-posts.service.js';

/** A user's questions and answers on their profile (public, like the other field resolvers). */
@Resolver(() => UserModel)
export class UserPostsResolver {
  constructor(private readonly userPosts: UserPostsService) {}

  @ResolveField(() => QuestionConnectionModel, {
    description: "The user's questions, newest first (hidden ones excluded).",
  })
  async questions(
    @Parent() user: UserModel,
    @Args() args: PageArgs,
    @Context() ctx: GraphqlContext,
  ): Promise<QuestionConnectionModel> {
    const [page, totalCount] = await Promise.all([
      this.userPosts.questions(ctx.loaders, user.id, args),
      this.userPosts.questionCountLoader(ctx.loaders).load(user.id),
    ]);
    const { edges, pageInfo } = connectionOf(page.items, userQuestionCursor, toQuestionModel, page.hasNextPage);
    return Object.assign(new QuestionConnectionModel(), { edges, pageInfo, totalCount, didYouMean: null });
  }

  @ResolveField(() => AnswerConnectionModel, {
    description: "The user's answers, newest first (hidden ones and those on hidden questions excluded).",
  })
  async answers(
    @Parent() user: UserModel,
    @Args() args: PageArgs,
    @Context() ctx: GraphqlContext,
  ): Promise<AnswerConnectionModel> {
    const [page, totalCount] = await Promise.all([
      this.userPosts.answers(ctx.loaders, user.id, args),
      this.userPosts.answerCountLoader(ctx.loaders).load(user.id),
    ]);
    const { edges, pageInfo } = connectionOf(page.items, userAnswerCursor, toAnswerModel, page.hasNextPage);
    return Object.assign(new AnswerConnectionModel(), { edges, pageInfo, totalCount });
  }
}
