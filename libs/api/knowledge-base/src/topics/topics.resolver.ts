import { Args, Context, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Public, RequirePermission, type GraphqlContext, type Principal } from '@crossroads/api-platform';
import { ArticlesService } from '../articles/articles.service.js';
import { toArticleModel } from '../articles/article.mapper.js';
import { ArticleModel } from '../articles/article.model.js';
import { CreateTopicInput, SlugArgs, UpdateTopicInput } from './dto/topic.inputs.js';
import { toTopicModel } from './topic.mapper.js';
import { TopicModel } from './topic.model.js';
import { TopicsService } from './topics.service.js';

@Resolver(() => TopicModel)
export class TopicsResolver {
  constructor(
    private readonly topicsService: TopicsService,
    private readonly articlesService: ArticlesService,
  ) {}

  @Query(() => [TopicModel], { description: 'Every knowledge-base topic, in order.' })
  @Public()
  async topics(): Promise<TopicModel[]> {
    return (await this.topicsService.list()).map(toTopicModel);
  }

  @Query(() => TopicModel, { nullable: true, description: 'One topic by slug; null when there is none.' })
  @Public()
  async topic(@Args() args: SlugArgs): Promise<TopicModel | null> {
    const topic = await this.topicsService.bySlug(args.slug);
    return topic ? toTopicModel(topic) : null;
  }

  @Mutation(() => TopicModel, {
    description: 'MODERATOR+: a new topic (last unless a position is given). CONFLICT naming slug when taken.',
  })
  @RequirePermission('article.write')
  async createTopic(@Args('input') input: CreateTopicInput): Promise<TopicModel> {
    return toTopicModel(await this.topicsService.create(input));
  }

  @Mutation(() => TopicModel, { description: 'MODERATOR+: renames, re-slugs, describes or reorders a topic.' })
  @RequirePermission('article.write')
  async updateTopic(@Args('input') input: UpdateTopicInput): Promise<TopicModel> {
    return toTopicModel(await this.topicsService.update(input));
  }

  @ResolveField(() => [ArticleModel], {
    description: 'Its articles in order: published ones; moderators also see drafts, authors their own drafts.',
  })
  async articles(
    @Parent() t: TopicModel,
    @CurrentUser() viewer: Principal | null,
    @Context() ctx: GraphqlContext,
  ): Promise<ArticleModel[]> {
    return (await this.articlesService.byTopicLoader(ctx.loaders, viewer).load(t.id)).map(toArticleModel);
  }

  @ResolveField(() => Int, { description: 'Published articles in the topic.' })
  async articleCount(@Parent() t: TopicModel, @Context() ctx: GraphqlContext): Promise<number> {
    return this.topicsService.articleCountLoader(ctx.loaders).load(t.id);
  }
}
