import { Optional } from '@nestjs/common';
import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { LIMITS } from '@crossroads/shared-domain';
import {
  FullTextSearch,
  CurrentUser,
  Public,
  SearchLog,
  type GraphqlContext,
  type Principal,
} from '@crossroads/api-platform';
import { QuestionsService, toQuestionModel } from '@crossroads/api-qa';
import { toArticleModel } from '../articles/article.mapper.js';
import { ArticlesService } from '../articles/articles.service.js';
import { SearchArgs, SearchResultsModel } from './search.model.js';

/**
 * ts_rank of an article whose title or summary holds the query words (weights A/B) is well above
 * this; body-only matches (weight C) stay below it. Such a match is shown before the questions.
 */
export const STRONG_ARTICLE_RANK = 0.2;

@Resolver(() => SearchResultsModel)
export class SearchResolver {
  constructor(
    private readonly articles: ArticlesService,
    private readonly questions: QuestionsService,
    @Optional() private readonly searchLog?: SearchLog,
  ) {}

  @Query(() => SearchResultsModel, {
    description: 'Searches articles and questions together; articlesFirst says which to show first.',
  })
  @Public()
  @FullTextSearch('query')
  async search(
    @Args() args: SearchArgs,
    @CurrentUser() viewer: Principal | null,
    @Context() ctx: GraphqlContext,
  ): Promise<SearchResultsModel> {
    const size = args.first ?? LIMITS.knowledgeBase.search.defaultSize;
    // The Q&A context's own search (ranking, typo correction), through its exported service.
    const [feed, found] = await Promise.all([
      this.questions.feed(ctx.loaders, viewer?.id ?? null, { search: args.query, first: size }),
      this.articles.search(args.query, size),
    ]);
    // Results as typed: what "did you mean" finds instead does not count for the search log.
    this.searchLog?.record('HELP', args.query, found.length + (feed.didYouMean ? 0 : feed.questions.length));
    let articles = found;
    let questions = feed.questions;
    let didYouMean = feed.didYouMean;
    if (didYouMean && articles.length) {
      // The query as typed matched articles, so it is no typo: keep it (its questions found nothing).
      questions = [];
      didYouMean = null;
    } else if (didYouMean) {
      articles = await this.articles.search(didYouMean, size);
    }
    const best = articles[0]?.rank ?? 0;
    return Object.assign(new SearchResultsModel(), {
      articles: articles.map((r) => toArticleModel(r.article)),
      questions: questions.map(toQuestionModel),
      articlesFirst: articles.length > 0 && (best >= STRONG_ARTICLE_RANK || questions.length === 0),
      didYouMean,
    });
  }
}
