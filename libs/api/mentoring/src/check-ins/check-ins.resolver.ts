import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, SignedIn, type GraphqlContext, type Principal } from '@crossroads/api-platform';
import { MentorProfileModel } from '../profiles/mentor-profile.model.js';
import { MentorshipRequestModel } from '../requests/mentorship-request.model.js';
import { CheckInInput } from './check-in.inputs.js';
import { MentorOutcomesModel, MentorshipCheckInModel } from './check-in.model.js';
import { CheckInsService } from './check-ins.service.js';

@Resolver(() => MentorshipRequestModel)
export class CheckInsResolver {
  constructor(private readonly service: CheckInsService) {}

  @Mutation(() => Boolean, {
    description:
      'Answers the viewer\'s open check-in on a mentorship: goodFit after the first session (a "no" ends it kindly) or outcome (the mentee). CONFLICT when none is open or it was answered; NOT_FOUND outside the pair.',
  })
  @SignedIn()
  async answerMentorshipCheckIn(
    @Args('input') input: CheckInInput,
    @CurrentUser() viewer: Principal,
  ): Promise<boolean> {
    return this.service.answer(viewer, input);
  }

  @ResolveField(() => [MentorshipCheckInModel], {
    description: "The viewer's own check-ins on this mentorship, latest due first (empty for anyone else).",
  })
  async checkIns(
    @Parent() r: MentorshipRequestModel,
    @CurrentUser() viewer: Principal | null,
    @Context() ctx: GraphqlContext,
  ): Promise<MentorshipCheckInModel[]> {
    if (!viewer || (viewer.id !== r.menteeId && viewer.id !== r.mentorId)) return [];
    const rows = await this.service.viewerLoader(ctx.loaders).load(`${r.id}:${viewer.id}`);
    return rows.map((c) => Object.assign(new MentorshipCheckInModel(), c));
  }
}

@Resolver(() => MentorProfileModel)
export class ProfileOutcomesResolver {
  constructor(private readonly checkIns: CheckInsService) {}

  @ResolveField(() => MentorOutcomesModel, {
    nullable: true,
    description: 'Outcomes reported by mentees, in aggregate, once there are at least 5 answers (null before).',
  })
  async outcomes(@Parent() p: MentorProfileModel, @Context() ctx: GraphqlContext): Promise<MentorOutcomesModel | null> {
    const o = await this.checkIns.outcomesLoader(ctx.loaders).load(p.userId);
    return o ? Object.assign(new MentorOutcomesModel(), o) : null;
  }
}
