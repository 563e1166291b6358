import { Global, Module } from '@nestjs/common';
import { SearchLog } from '@crossroads/api-platform';
import { AccountsModule } from '@crossroads/api-accounts';
import { MentoringModule } from '@crossroads/api-mentoring';
import { QaModule } from '@crossroads/api-qa';
import { ActivityHandlers } from './activity/activity.handlers.js';
import { InsightsBackfill } from './backfill/backfill.service.js';
import { CommunityInsightsResolver } from './dashboard/community-insights.resolver.js';
import { ModeratorDecisionTimeResolver } from './dashboard/moderator-decision-time.resolver.js';
import { MentorInsightsResolver } from './dashboard/mentor-insights.resolver.js';
import { AnswersByTagResolver } from './members/answers-by-tag.resolver.js';
import { CommunityInsightsService } from './dashboard/community-insights.service.js';
import { SearchLogService } from './searches/search-log.service.js';
import { SearchRetentionJob } from './searches/search-retention.job.js';

/**
 * Insights: rollups kept current from other contexts' events, the anonymous search log, and the
 * dashboards that read only those. Global so that its SearchLog reaches qa and the knowledge base
 * without them importing this context.
 */
@Global()
@Module({
  imports: [QaModule, AccountsModule, MentoringModule],
  providers: [
    ActivityHandlers,
    InsightsBackfill,
    SearchLogService,
    { provide: SearchLog, useExisting: SearchLogService },
    SearchRetentionJob,
    CommunityInsightsService,
    CommunityInsightsResolver,
    ModeratorDecisionTimeResolver,
    MentorInsightsResolver,
    AnswersByTagResolver,
  ],
  exports: [SearchLog, SearchLogService, SearchRetentionJob, InsightsBackfill],
})
export class InsightsModule {}
