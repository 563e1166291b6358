import { InsightsAppliedEventEntity } from './activity/insights-applied-event.entity.js';
import { InsightsDailyEntity } from './activity/insights-daily.entity.js';
import { InsightsQuestionEntity } from './activity/insights-question.entity.js';
import { CommunityInsightsResolver } from './dashboard/community-insights.resolver.js';
import { CreateInsights1797100000000 } from './migrations/1797100000000-create-insights.js';
import { InsightsSearchEntity } from './searches/insights-search.entity.js';

export const insightsEntities = [InsightsQuestionEntity, InsightsDailyEntity, InsightsAppliedEventEntity, InsightsSearchEntity];
export const insightsMigrations = [CreateInsights1797100000000];
export const insightsResolvers = [CommunityInsightsResolver];
