import {
  Args,
  Context,
  GraphQLISODateTime,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { roleHasPermission } from '@crossroads/shared-domain';
import {
  CurrentUser,
  PageArgs,
  RequirePermission,
  SignedIn,
  connectionOf,
  type GraphqlContext,
  type Principal,
} from '@crossroads/api-platform';
import { UserModel, UsersService, toUserModel } from '@crossroads/api-accounts';
import { MentorProfileModel } from '../profiles/mentor-profile.model.js';
import { MentorshipReviewModel } from '../reviews/mentorship-review.model.js';
import type { PauseAppealRow } from './conduct.repository.js';
import {
  AppealMentorshipPauseInput,
  DecideMentorPauseAppealInput,
  MentorPauseAppealConnectionModel,
  MentorPauseAppealModel,
} from './conduct.model.js';
import { ConductService, appealCursor } from './conduct.service.js';

const toAppealModel = (a: PauseAppealRow) => Object.assign(new MentorPauseAppealModel(), a);

/** Moderators' permission for mentor profiles (verification) also covers the pause appeals. */
const STAFF = 'mentor.verify' as const;

@Resolver(() => MentorPauseAppealModel)
export class ConductResolver {
  constructor(
    private readonly conduct: ConductService,
    private readonly users: UsersService,
  ) {}

  @Mutation(() => MentorPauseAppealModel, {
    description:
      'A mentor whose requests are paused asks moderators to lift the pause (once per pause). NOT_FOUND without a pause.',
  })
  @SignedIn()
  async appealMentorshipPause(
    @Args('input') input: AppealMentorshipPauseInput,
    @CurrentUser() viewer: Principal,
  ): Promise<MentorPauseAppealModel> {
    return toAppealModel(await this.conduct.appeal(viewer, input.message));
  }

  @Mutation(() => MentorPauseAppealModel, {
    description: 'MODERATOR+: decides an appeal once (lift the pause, or keep it), with a reason for the audit log.',
  })
  @RequirePermission(STAFF)
  async decideMentorPauseAppeal(
    @Args('input') input: DecideMentorPauseAppealInput,
    @CurrentUser() viewer: Principal,
  ): Promise<MentorPauseAppealModel> {
    return toAppealModel(await this.conduct.decide(viewer, input));
  }

  @Query(() => MentorPauseAppealConnectionModel, {
    description: 'MODERATOR+: undecided appeals of paused mentors, oldest first.',
  })
  @RequirePermission(STAFF)
  async mentorPauseAppeals(@Args() args: PageArgs): Promise<MentorPauseAppealConnectionModel> {
    const page = await this.conduct.openAppeals(args);
    const { edges, pageInfo } = connectionOf(page.items, appealCursor, toAppealModel, page.hasNextPage);
    return Object.assign(new MentorPauseAppealConnectionModel(), { edges, pageInfo, totalCount: page.totalCount });
  }

  @ResolveField(() => UserModel)
  async mentor(@Parent() a: MentorPauseAppealModel, @Context() ctx: GraphqlContext): Promise<UserModel> {
    const user = await this.users.loader(ctx.loaders).load(a.mentorId);
    if (!user) throw new Error(`mentor ${a.mentorId} of an appeal is missing`);
    return toUserModel(user);
  }
}

@Resolver(() => MentorProfileModel)
export class ProfilePauseResolver {
  constructor(private readonly conduct: ConductService) {}

  @ResolveField(() => GraphQLISODateTime, {
    nullable: true,
    description:
      'While repeated no-shows or late cancellations pause new requests: until when. The mentor and moderators only (null for others).',
  })
  async requestsPausedUntil(
    @Parent() p: MentorProfileModel,
    @CurrentUser() viewer: Principal | null,
    @Context() ctx: GraphqlContext,
  ): Promise<Date | null> {
    if (!viewer || (viewer.id !== p.userId && !roleHasPermission(viewer.role, STAFF))) return null;
    return (await this.conduct.pauseLoader(ctx.loaders).load(p.userId))?.endsAt ?? null;
  }
}

@Resolver(() => MentorshipReviewModel)
export class ReviewExpectationsResolver {
  @ResolveField(() => Int, {
    nullable: true,
    description: 'Private "met expectations" (1–5): moderators and admins only (null for everyone else).',
  })
  metExpectations(@Parent() v: MentorshipReviewModel, @CurrentUser() viewer: Principal | null): number | null {
    if (!viewer || !roleHasPermission(viewer.role, STAFF)) return null;
    return v.privateMetExpectations;
  }
}
