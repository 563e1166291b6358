import { Context, Float, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, type GraphqlContext, type Principal } from '@crossroads/api-platform';
import { toMentorProfileModel } from '../profiles/mentor-profile.mapper.js';
import { MentorProfileModel } from '../profiles/mentor-profile.model.js';
import { MentorshipRequestModel } from '../requests/mentorship-request.model.js';
import { ResponsivenessService } from './responsiveness.service.js';

@Resolver(() => MentorProfileModel)
export class ProfileResponsivenessResolver {
  constructor(private readonly responsiveness: ResponsivenessService) {}

  @ResolveField(() => Float, {
    nullable: true,
    description:
      'Median hours from a mentorship request to the mentor accepting or declining it, over the last 90 days ("usually replies within …"); null without answers in that time.',
  })
  async medianResponseHours(@Parent() p: MentorProfileModel, @Context() ctx: GraphqlContext): Promise<number | null> {
    return this.responsiveness.medianLoader(ctx.loaders).load(p.userId);
  }
}

@Resolver(() => MentorshipRequestModel)
export class RequestNextMentorResolver {
  constructor(private readonly responsiveness: ResponsivenessService) {}

  @ResolveField(() => MentorProfileModel, {
    nullable: true,
    description:
      'For the mentee of an EXPIRED request, or of one ended as NOT_A_GOOD_FIT: the next matched mentor to ask in one click (never one asked before); null otherwise.',
  })
  async nextMentor(
    @Parent() r: MentorshipRequestModel,
    @CurrentUser() viewer: Principal | null,
    @Context() ctx: GraphqlContext,
  ): Promise<MentorProfileModel | null> {
    if (!viewer || viewer.id !== r.menteeId) return null;
    if (r.status !== 'EXPIRED' && r.endReason !== 'NOT_A_GOOD_FIT') return null;
    const next = await this.responsiveness.nextMentorLoader(ctx.loaders).load(r);
    return next ? toMentorProfileModel(next) : null;
  }
}
