import { Module } from '@nestjs/common';
import { AccountsModule } from '@crossroads/api-accounts';
import { QaModule } from '@crossroads/api-qa';
import { ArticleSourceResolver, ArticlesResolver } from './articles/articles.resolver.js';
import { ArticlesService } from './articles/articles.service.js';
import { QuestionArticleResolver } from './articles/question-article.resolver.js';
import { FeedbackResolver } from './feedback/feedback.resolver.js';
import { FeedbackService } from './feedback/feedback.service.js';
import { RatingsResolver } from './ratings/ratings.resolver.js';
import { RatingsService } from './ratings/ratings.service.js';
import { SearchResolver } from './search/search.resolver.js';
import { KbSettingsResolver } from './settings/settings.resolver.js';
import { KbSettingsService } from './settings/settings.service.js';
import { TopicsResolver } from './topics/topics.resolver.js';
import { TopicsService } from './topics/topics.service.js';

/** Topics, guide articles, ratings, feedback, the combined search and Q&A promotion. */
@Module({
  imports: [AccountsModule, QaModule],
  providers: [
    TopicsService,
    ArticlesService,
    RatingsService,
    FeedbackService,
    KbSettingsService,
    TopicsResolver,
    ArticlesResolver,
    ArticleSourceResolver,
    QuestionArticleResolver,
    RatingsResolver,
    FeedbackResolver,
    SearchResolver,
    KbSettingsResolver,
  ],
  exports: [ArticlesService, TopicsService],
})
export class KnowledgeBaseModule {}
