import { InsightsAppliedEventEntity } from './activity/insights-applied-event.entity.js';
import { InsightsDailyEntity } from './activity/insights-daily.entity.js';
import { InsightsQuestionEntity } from './activity/insights-question.entity.js';
import { CommunityInsightsResolver } from './dashboard/community-insights.resolver.js';
import { ModeratorDecisionTimeResolver } from './dashboard/moderator-decision-time.resolver.js';
import { CreateInsights1797100000000 } from './migrations/1797100000000-create-insights.js';
import { InsightsMentorshipEntity } from './mentoring/insights-mentorship.entity.js';
import { InsightsHeldCommentEntity } from './moderation/insights-held-comment.entity.js';
import { MentorshipModeration1797100000100 } from './migrations/1797100000100-mentorship-moderation.js';
import { InsightsSearchEntity } from './searches/insights-search.entity.js';

export const insightsEntities = [
  InsightsQuestionEntity,
  InsightsDailyEntity,
  InsightsAppliedEventEntity,
  InsightsSearchEntity,
  InsightsMentorshipEntity,
  InsightsHeldCommentEntity,
];
export const insightsMigrations = [CreateInsights1797100000000, MentorshipModeration1797100000100];
export const insightsResolvers = [CommunityInsightsResolver, ModeratorDecisionTimeResolver];
