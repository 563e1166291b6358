import { ArticleSourceResolver, ArticlesResolver } from './articles/articles.resolver.js';
import { QuestionArticleResolver } from './articles/question-article.resolver.js';
import { FeedbackResolver } from './feedback/feedback.resolver.js';
import { RatingsResolver } from './ratings/ratings.resolver.js';
import { SearchResolver } from './search/search.resolver.js';
import { KbSettingsResolver } from './settings/settings.resolver.js';
import { TopicsResolver } from './topics/topics.resolver.js';
import { CreateKnowledgeBase1795308154476 } from './migrations/1795308154476-create-knowledge-base.js';
import { KbSearchIndexes1795308154477 } from './migrations/1795308154477-kb-search-indexes.js';
import { RatingIpHash1795400000001 } from './migrations/1795400000001-rating-ip-hash.js';
import { ArticleRevisionEntity } from './articles/article-revision.entity.js';
import { ArticleEntity } from './articles/article.entity.js';
import { ArticleFeedbackEntity } from './feedback/article-feedback.entity.js';
import { ArticleRatingEntity } from './ratings/article-rating.entity.js';
import { KbSettingsEntity } from './settings/kb-settings.entity.js';
import { TopicEntity } from './topics/topic.entity.js';

export const knowledgeBaseEntities = [
  TopicEntity,
  ArticleEntity,
  ArticleRevisionEntity,
  ArticleRatingEntity,
  ArticleFeedbackEntity,
  KbSettingsEntity,
];
export const knowledgeBaseMigrations = [
  CreateKnowledgeBase1795308154476,
  KbSearchIndexes1795308154477,
  RatingIpHash1795400000001,
];
export const knowledgeBaseResolvers = [
  TopicsResolver,
  ArticlesResolver,
  ArticleSourceResolver,
  QuestionArticleResolver,
  RatingsResolver,
  FeedbackResolver,
  SearchResolver,
  KbSettingsResolver,
];
