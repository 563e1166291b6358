import { Args, Context, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { LIMITS, tableOfContents } from '@crossroads/shared-domain';
import {
  APP_CONFIG,
  CurrentUser,
  Public,
  RequirePermission,
  SignedIn,
  type AppConfig,
  type GraphqlContext,
  type Principal,
  pageSize,
} from '@crossroads/api-platform';
import { UserModel, UsersService, toUserModel } from '@crossroads/api-accounts';
import { QuestionModel, QuestionsService, toQuestionModel } from '@crossroads/api-qa';
import { Inject } from '@nestjs/common';
import { canSee } from '../common/access.js';
import { readRaterId } from '../ratings/rater-cookie.js';
import { ArticleRatingModel } from '../ratings/rating.model.js';
import { RatingsService } from '../ratings/ratings.service.js';
import { toTopicModel } from '../topics/topic.mapper.js';
import { TopicModel } from '../topics/topic.model.js';
import { TopicsService } from '../topics/topics.service.js';
import { SlugArgs } from '../topics/dto/topic.inputs.js';
import { toArticleModel, toArticleRevisionModel } from './article.mapper.js';
import { ArticleModel, ArticleRevisionModel, ArticleSourceModel, TocEntryModel } from './article.model.js';
import { ArticlesService } from './articles.service.js';
import {
  ArticleIdArgs,
  CreateArticleInput,
  MoveArticleInput,
  PromoteToArticleInput,
  RelatedQuestionsArgs,
  UpdateArticleInput,
} from './dto/article.inputs.js';

const { relatedQuestions } = LIMITS.knowledgeBase;

@Resolver(() => ArticleModel)
export class ArticlesResolver {
  constructor(
    private readonly articles: ArticlesService,
    private readonly topics: TopicsService,
    private readonly ratings: RatingsService,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Query(() => ArticleModel, {
    nullable: true,
    description: 'One article by slug. NOT_FOUND when there is none, or it is a draft the viewer may not see.',
  })
  @Public()
  async article(
    @Args() args: SlugArgs,
    @CurrentUser() viewer: Principal | null,
    @Context() ctx: GraphqlContext,
  ): Promise<ArticleModel> {
    return toArticleModel(await this.articles.bySlug(ctx.loaders, viewer, args.slug));
  }

  @Mutation(() => ArticleModel, {
    description:
      'A new DRAFT article, last in its topic. Moderators and admins; mentors when articles.mentorsMayWrite is on.',
  })
  @SignedIn()
  async createArticle(
    @Args('input') input: CreateArticleInput,
    @CurrentUser() viewer: Principal,
  ): Promise<ArticleModel> {
    return toArticleModel(await this.articles.create(viewer, input));
  }

  @Mutation(() => ArticleModel, {
    description:
      'Edits an article (moderators any; mentors allowed to write, their own); the previous version is kept as a revision.',
  })
  @SignedIn()
  async updateArticle(
    @Args('input') input: UpdateArticleInput,
    @CurrentUser() viewer: Principal,
  ): Promise<ArticleModel> {
    return toArticleModel(await this.articles.update(viewer, input));
  }

  @Mutation(() => ArticleModel, { description: 'MODERATOR+: makes an article public.' })
  @RequirePermission('article.publish')
  async publishArticle(@Args() args: ArticleIdArgs): Promise<ArticleModel> {
    return toArticleModel(await this.articles.setStatus(args.id, 'PUBLISHED'));
  }

  @Mutation(() => ArticleModel, { description: 'MODERATOR+: takes an article back to DRAFT.' })
  @RequirePermission('article.publish')
  async unpublishArticle(@Args() args: ArticleIdArgs): Promise<ArticleModel> {
    return toArticleModel(await this.articles.setStatus(args.id, 'DRAFT'));
  }

  @Mutation(() => ArticleModel, { description: 'MODERATOR+: moves an article to a place in its topic.' })
  @RequirePermission('article.publish')
  async moveArticle(@Args('input') input: MoveArticleInput): Promise<ArticleModel> {
    return toArticleModel(await this.articles.move(input));
  }

  @Mutation(() => ArticleModel, {
    description:
      'MODERATOR+: a question with its accepted answer becomes a DRAFT article in the topic, crediting the asker and the answerer. CONFLICT naming questionId without an accepted answer.',
  })
  @RequirePermission('article.promote')
  async promoteToArticle(
    @Args('input') input: PromoteToArticleInput,
    @CurrentUser() viewer: Principal,
  ): Promise<ArticleModel> {
    return toArticleModel(await this.articles.promote(viewer, input));
  }

  @ResolveField(() => TopicModel)
  async topic(@Parent() a: ArticleModel, @Context() ctx: GraphqlContext): Promise<TopicModel> {
    const topic = await this.topics.byIdLoader(ctx.loaders).load(a.topicId);
    if (!topic) throw new Error(`topic ${a.topicId} of article ${a.id} is missing`);
    return toTopicModel(topic);
  }

  @ResolveField(() => UserModel)
  async author(@Parent() a: ArticleModel, @Context() ctx: GraphqlContext): Promise<UserModel> {
    const user = await this.users.loader(ctx.loaders).load(a.authorId);
    if (!user) throw new Error(`author ${a.authorId} of article ${a.id} is missing`);
    return toUserModel(user);
  }

  @ResolveField(() => [TocEntryModel], {
    description: 'Its headings in order, with the anchors the web app gives them.',
  })
  tableOfContents(@Parent() a: ArticleModel): TocEntryModel[] {
    return tableOfContents(a.body).map((e) => Object.assign(new TocEntryModel(), e));
  }

  @ResolveField(() => ArticleModel, { nullable: true, description: 'The published article before it in its topic.' })
  async previous(@Parent() a: ArticleModel, @Context() ctx: GraphqlContext): Promise<ArticleModel | null> {
    const { previousId } = await this.articles.neighboursLoader(ctx.loaders).load(a.id);
    const article = previousId ? await this.articles.byIdLoader(ctx.loaders).load(previousId) : null;
    return article ? toArticleModel(article) : null;
  }

  @ResolveField(() => ArticleModel, { nullable: true, description: 'The published article after it in its topic.' })
  async next(@Parent() a: ArticleModel, @Context() ctx: GraphqlContext): Promise<ArticleModel | null> {
    const { nextId } = await this.articles.neighboursLoader(ctx.loaders).load(a.id);
    const article = nextId ? await this.articles.byIdLoader(ctx.loaders).load(nextId) : null;
    return article ? toArticleModel(article) : null;
  }

  @ResolveField(() => [QuestionModel], {
    description: `Questions sharing a tag with the article, most shared tags first (first: 1–${relatedQuestions.maxSize}).`,
  })
  async relatedQuestions(
    @Parent() a: ArticleModel,
    @Args() args: RelatedQuestionsArgs,
    @Context() ctx: GraphqlContext,
  ): Promise<QuestionModel[]> {
    if (!a.tags.length) return [];
    const size = pageSize(args.first, 'first', relatedQuestions.maxSize, relatedQuestions.defaultSize);
    return (await this.articles.relatedQuestionsLoader(ctx.loaders, size).load(a)).map(toQuestionModel);
  }

  @ResolveField(() => ArticleRatingModel, {
    description: '"Was this article helpful?": mean, count and the share of each star.',
  })
  async rating(@Parent() a: ArticleModel, @Context() ctx: GraphqlContext): Promise<ArticleRatingModel> {
    return this.ratings.loader(ctx.loaders).load(a.id);
  }

  @ResolveField(() => Int, {
    nullable: true,
    description: "The viewer's stars (a guest's from this browser); null when not rated.",
  })
  async viewerRating(
    @Parent() a: ArticleModel,
    @CurrentUser() viewer: Principal | null,
    @Context() ctx: GraphqlContext,
  ): Promise<number | null> {
    if (viewer) return this.ratings.viewerLoader(ctx.loaders, { userId: viewer.id }).load(a.id);
    const guestKey = readRaterId(ctx.req, this.config.jwtSecret);
    return guestKey ? this.ratings.viewerLoader(ctx.loaders, { guestKey }).load(a.id) : null;
  }

  @ResolveField(() => ArticleSourceModel, {
    nullable: true,
    description: 'The Q&A thread it was promoted from, and whom to credit.',
  })
  source(@Parent() a: ArticleModel): ArticleSourceModel | null {
    if (!a.sourceQuestionId) return null;
    return Object.assign(new ArticleSourceModel(), {
      questionId: a.sourceQuestionId,
      askerId: a.sourceAskerId,
      answererId: a.sourceAnswererId,
    });
  }

  @ResolveField(() => [ArticleRevisionModel], { description: 'Earlier versions, newest first.' })
  async revisions(
    @Parent() a: ArticleModel,
    @CurrentUser() viewer: Principal | null,
    @Context() ctx: GraphqlContext,
  ): Promise<ArticleRevisionModel[]> {
    if (!canSee(viewer, a)) return [];
    return (await this.articles.revisionsLoader(ctx.loaders).load(a.id)).map(toArticleRevisionModel);
  }
}

@Resolver(() => ArticleSourceModel)
export class ArticleSourceResolver {
  constructor(
    private readonly users: UsersService,
    private readonly questions: QuestionsService,
  ) {}

  @ResolveField(() => QuestionModel, { nullable: true, description: 'The thread; null once it is hidden.' })
  async question(@Parent() s: ArticleSourceModel, @Context() ctx: GraphqlContext): Promise<QuestionModel | null> {
    const q = await this.questions.byIdLoader(ctx.loaders).load(s.questionId);
    return q ? toQuestionModel(q) : null;
  }

  @ResolveField(() => UserModel, { nullable: true, description: 'Who asked the question.' })
  async asker(@Parent() s: ArticleSourceModel, @Context() ctx: GraphqlContext): Promise<UserModel | null> {
    const user = s.askerId ? await this.users.loader(ctx.loaders).load(s.askerId) : null;
    return user ? toUserModel(user) : null;
  }

  @ResolveField(() => UserModel, { nullable: true, description: 'Who wrote the accepted answer.' })
  async answerer(@Parent() s: ArticleSourceModel, @Context() ctx: GraphqlContext): Promise<UserModel | null> {
    const user = s.answererId ? await this.users.loader(ctx.loaders).load(s.answererId) : null;
    return user ? toUserModel(user) : null;
  }
}
