export { KnowledgeBaseModule } from './knowledge-base.module.js';
export { knowledgeBaseEntities, knowledgeBaseMigrations, knowledgeBaseResolvers } from './schema.js';
export { ArticlesService } from './articles/articles.service.js';
export { TopicsService } from './topics/topics.service.js';
export { ArticleModel } from './articles/article.model.js';
export { TopicModel } from './topics/topic.model.js';
export { seedKnowledgeBase, DEMO_TOPICS, type SeededKnowledgeBase } from './seed/seed-knowledge-base.js';
export { knowledgeBaseTables } from './tables.js';
export * from './events/knowledge-base-events.js';
