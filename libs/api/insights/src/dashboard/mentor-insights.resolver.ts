import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, RequirePermission, type Principal } from '@crossroads/api-platform';
import { InsightsPeriodInput, MentorInsightsModel } from './community-insights.model.js';
import { CommunityInsightsService } from './community-insights.service.js';

@Resolver(() => MentorInsightsModel)
export class MentorInsightsResolver {
  constructor(private readonly insights: CommunityInsightsService) {}

  @Query(() => MentorInsightsModel, {
    description:
      "The viewer's own figures as a mentor over a period (mentors; there is no way to read another mentor's): requests, response time, acceptance rate, reviews, answers by tag. The tag does not apply.",
  })
  @RequirePermission('mentorship.respond')
  myMentorInsights(
    @Args('period') period: InsightsPeriodInput,
    @CurrentUser() viewer: Principal,
  ): Promise<MentorInsightsModel> {
    return this.insights.mentor(viewer.id, period);
  }
}
