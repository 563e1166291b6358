import { InsightsCountedPostEntity } from './activity/insights-counted-post.entity.js';
import { InsightsAppliedEventEntity } from './activity/insights-applied-event.entity.js';
import { InsightsDailyEntity } from './activity/insights-daily.entity.js';
import { InsightsQuestionEntity } from './activity/insights-question.entity.js';
import { CommunityInsightsResolver } from './dashboard/community-insights.resolver.js';
import { ModeratorDecisionTimeResolver } from './dashboard/moderator-decision-time.resolver.js';
import { MentorInsightsResolver } from './dashboard/mentor-insights.resolver.js';
import { AnswersByTagResolver } from './members/answers-by-tag.resolver.js';
import { CreateInsights1797100000000 } from './migrations/1797100000000-create-insights.js';
import { InsightsMentorshipEntity } from './mentoring/insights-mentorship.entity.js';
import { InsightsHeldCommentEntity } from './moderation/insights-held-comment.entity.js';
import { MentorshipModeration1797100000100 } from './migrations/1797100000100-mentorship-moderation.js';
import { InsightsArticleDayEntity } from './articles/insights-article-day.entity.js';
import { InsightsFlagEntity } from './flags/insights-flag.entity.js';
import { InsightsMemberEntity } from './members/insights-member.entity.js';
import { InsightsUserTagEntity } from './members/insights-user-tag.entity.js';
import { InsightsMentorReviewEntity } from './mentoring/insights-mentor-review.entity.js';
import { FlagsMembersArticles1797100000300 } from './migrations/1797100000300-flags-members-articles.js';
import { CountedPosts1797100000400 } from './migrations/1797100000400-counted-posts.js';
import { DailyAnsweredSample1797100000500 } from './migrations/1797100000500-daily-answered-sample.js';
import { CoveringQuestionIndexes1797100000600 } from './migrations/1797100000600-covering-question-indexes.js';
import { InsightsSearchEntity } from './searches/insights-search.entity.js';

export const insightsEntities = [
  InsightsQuestionEntity,
  InsightsDailyEntity,
  InsightsAppliedEventEntity,
  InsightsSearchEntity,
  InsightsMentorshipEntity,
  InsightsHeldCommentEntity,
  InsightsFlagEntity,
  InsightsMemberEntity,
  InsightsArticleDayEntity,
  InsightsUserTagEntity,
  InsightsMentorReviewEntity,
  InsightsCountedPostEntity,
];
export const insightsMigrations = [
  CreateInsights1797100000000,
  MentorshipModeration1797100000100,
  FlagsMembersArticles1797100000300,
  CountedPosts1797100000400,
  DailyAnsweredSample1797100000500,
  CoveringQuestionIndexes1797100000600,
];
export const insightsResolvers = [
  CommunityInsightsResolver,
  ModeratorDecisionTimeResolver,
  MentorInsightsResolver,
  AnswersByTagResolver,
];
