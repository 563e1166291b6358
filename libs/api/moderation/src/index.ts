export { ModerationModule } from './moderation.module.js';
export { moderationEntities, moderationMigrations, moderationResolvers } from './schema.js';
