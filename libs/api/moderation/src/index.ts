export { ModerationModule } from './moderation.module.js';
export { moderationEntities, moderationMigrations, moderationResolvers } from './schema.js';
export { CommentModerationService } from './queue/comment-moderation.service.js';
export * from './events/moderation-events.js';
export { backdateModerationLog } from './bulk/backdate.bulk.js';
export { moderationTables } from './tables.js';
