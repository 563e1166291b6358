import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  CurrentUser,
  Public,
  SignedIn,
  type GraphqlContext,
  type Principal,
  connectionOf,
} from '@crossroads/api-platform';
import { UserModel, UsersService, toUserModel } from '@crossroads/api-accounts';
import { toArticleModel } from '../articles/article.mapper.js';
import { ArticleModel } from '../articles/article.model.js';
import { ArticlesService } from '../articles/articles.service.js';
import type { FeedbackRow } from './feedback.repository.js';
import { ArticleFeedbackInput, ArticleFeedbackListArgs, FeedbackIdArgs } from './dto/feedback.inputs.js';
import { ArticleFeedbackConnectionModel, ArticleFeedbackModel } from './feedback.model.js';
import { FeedbackService, feedbackCursor } from './feedback.service.js';

const toFeedbackModel = (f: FeedbackRow) =>
  Object.assign(new ArticleFeedbackModel(), {
    id: f.id,
    message: f.message,
    status: f.status,
    createdAt: f.createdAt,
    doneAt: f.doneAt,
    articleId: f.articleId,
    userId: f.userId,
  });

@Resolver(() => ArticleFeedbackModel)
export class FeedbackResolver {
  constructor(
    private readonly feedback: FeedbackService,
    private readonly articles: ArticlesService,
    private readonly users: UsersService,
  ) {}

  @Mutation(() => Boolean, {
    description: `"How can we improve this article?" from anyone, guests included; held for moderators and the author. Rate-limited per IP and per user (RATE_LIMITED with retryAfterSeconds).`,
  })
  @Public()
  async articleFeedback(
    @Args('input') input: ArticleFeedbackInput,
    @CurrentUser() viewer: Principal | null,
    @Context() ctx: GraphqlContext,
  ): Promise<boolean> {
    await this.feedback.send(viewer, ctx.req.ip ?? 'unknown', input);
    return true;
  }

  @Query(() => ArticleFeedbackConnectionModel, {
    description: 'Feedback, newest first: moderators see all, authors the feedback on their articles.',
  })
  @SignedIn()
  async articleFeedbackList(
    @Args() args: ArticleFeedbackListArgs,
    @CurrentUser() viewer: Principal,
  ): Promise<ArticleFeedbackConnectionModel> {
    const page = await this.feedback.list(viewer, args);
    const { edges, pageInfo } = connectionOf(page.items, feedbackCursor, toFeedbackModel, page.hasNextPage);
    return Object.assign(new ArticleFeedbackConnectionModel(), { edges, pageInfo, totalCount: page.totalCount });
  }

  @Mutation(() => ArticleFeedbackModel, {
    description: "Moderators or the article's author mark a feedback item DONE.",
  })
  @SignedIn()
  async markArticleFeedbackDone(
    @Args() args: FeedbackIdArgs,
    @CurrentUser() viewer: Principal,
  ): Promise<ArticleFeedbackModel> {
    return toFeedbackModel(await this.feedback.markDone(viewer, args.id));
  }

  @ResolveField(() => ArticleModel)
  async article(@Parent() f: ArticleFeedbackModel, @Context() ctx: GraphqlContext): Promise<ArticleModel> {
    const article = await this.articles.byIdLoader(ctx.loaders).load(f.articleId);
    if (!article) throw new Error(`article ${f.articleId} of feedback ${f.id} is missing`);
    return toArticleModel(article);
  }

  @ResolveField(() => UserModel, { nullable: true, description: 'The signed-in sender; null for a guest.' })
  async author(@Parent() f: ArticleFeedbackModel, @Context() ctx: GraphqlContext): Promise<UserModel | null> {
    const user = f.userId ? await this.users.loader(ctx.loaders).load(f.userId) : null;
    return user ? toUserModel(user) : null;
  }
}
