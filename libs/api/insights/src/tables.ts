import {
  insightsAppliedEventsTable,
  insightsCountedPostsTable,
  insightsDailyTable,
  insightsQuestionsTable,
} from './activity/activity.repository.js';
import { insightsArticleDailyTable } from './articles/articles.repository.js';
import { insightsFlagsTable } from './flags/flags.repository.js';
import { insightsMembersTable, insightsUserTagsTable } from './members/members.repository.js';
import { insightsMentorReviewsTable, insightsMentorshipsTable } from './mentoring/mentorships.repository.js';
import { insightsHeldCommentsTable } from './moderation/held-comments.repository.js';
import { insightsSearchesTable } from './searches/searches.repository.js';

/** The row types insights declares, checked against the migrated schema by apps/api/test/row-types.int-spec.ts. */
export const insightsTables = [
  insightsQuestionsTable,
  insightsDailyTable,
  insightsAppliedEventsTable,
  insightsSearchesTable,
  insightsMentorshipsTable,
  insightsHeldCommentsTable,
  insightsFlagsTable,
  insightsMembersTable,
  insightsArticleDailyTable,
  insightsUserTagsTable,
  insightsMentorReviewsTable,
  insightsCountedPostsTable,
];
