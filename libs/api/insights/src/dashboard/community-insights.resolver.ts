import { Args, Query, Resolver } from '@nestjs/graphql';
import { RequirePermission } from '@crossroads/api-platform';
import { CommunityInsightsModel, InsightsPeriodInput } from './community-insights.model.js';
import { CommunityInsightsService } from './community-insights.service.js';

@Resolver(() => CommunityInsightsModel)
export class CommunityInsightsResolver {
  constructor(private readonly insights: CommunityInsightsService) {}

  @Query(() => CommunityInsightsModel, {
    description:
      "The community's health over a period (moderators and admins): activity, answer times, unanswered tags, searches that found nothing.",
  })
  @RequirePermission('insights.read')
  communityInsights(@Args('period') period: InsightsPeriodInput): Promise<CommunityInsightsModel> {
    return this.insights.community(period);
  }
}
