export { InsightsModule } from './insights.module.js';
export { insightsEntities, insightsMigrations, insightsResolvers } from './schema.js';
export { insightsTables } from './tables.js';
export { SearchLogService } from './searches/search-log.service.js';
export { SearchRetentionJob } from './searches/search-retention.job.js';
export { ActivityHandlers, INSIGHTS_QUEUE } from './activity/activity.handlers.js';
export { InsightsBackfill, type BackfillSummary } from './backfill/backfill.service.js';
