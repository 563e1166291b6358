import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphqlContext } from '@crossroads/api-platform';
import { QuestionModel } from '@crossroads/api-qa';
import { toArticleModel } from './article.mapper.js';
import { ArticleModel } from './article.model.js';
import { ArticlesService } from './articles.service.js';

/** Question.article: the thread links to the article promoted from it, once that is published. */
@Resolver(() => QuestionModel)
export class QuestionArticleResolver {
  constructor(private readonly articles: ArticlesService) {}

  @ResolveField(() => ArticleModel, {
    nullable: true,
    description: 'The published knowledge-base article promoted from this thread.',
  })
  async article(@Parent() q: QuestionModel, @Context() ctx: GraphqlContext): Promise<ArticleModel | null> {
    const article = await this.articles.byQuestionLoader(ctx.loaders).load(q.id);
    return article ? toArticleModel(article) : null;
  }
}
