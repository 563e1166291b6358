import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { roleHasPermission } from '@crossroads/shared-domain';
import { CurrentUser, ForbiddenError, SignedIn, type GraphqlContext, type Principal } from '@crossroads/api-platform';
import { MentorProfilesService } from '@crossroads/api-mentoring';
import { InsightsPeriodInput, MentorInsightsModel } from './community-insights.model.js';
import { CommunityInsightsService } from './community-insights.service.js';

@Resolver(() => MentorInsightsModel)
export class MentorInsightsResolver {
  constructor(
    private readonly insights: CommunityInsightsService,
    private readonly profiles: MentorProfilesService,
  ) {}

  @Query(() => MentorInsightsModel, {
    description:
      "The viewer's own figures as a mentor over a period (members with a mentor profile, and the MENTOR role and above; there is no way to read another mentor's): requests, response time, acceptance rate, reviews, answers by tag. The tag does not apply. Others: FORBIDDEN.",
  })
  @SignedIn()
  async myMentorInsights(
    @Args('period') period: InsightsPeriodInput,
    @CurrentUser() viewer: Principal,
    @Context() ctx: GraphqlContext,
  ): Promise<MentorInsightsModel> {
    // Anyone may become a mentor by writing a profile; the MENTOR role is the other way in.
    if (
      !roleHasPermission(viewer.role, 'mentorship.respond') &&
      !(await this.profiles.loader(ctx.loaders).load(viewer.id))
    )
      throw new ForbiddenError('Mentoring insights are for mentors: write a mentor profile first.');
    return this.insights.mentor(viewer.id, period);
  }
}
