import { Args, Context, Float, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { KNOWN_CERTIFICATIONS, LIMITS } from '@crossroads/shared-domain';
import {
  DirectFields,
  FullTextSearch,
  CurrentUser,
  Public,
  RequirePermission,
  type GraphqlContext,
  type Principal,
  connectionOf,
  pageSize,
} from '@crossroads/api-platform';
import { UserModel, UsersService, toUserModel } from '@crossroads/api-accounts';
import { TagModel, TagsService, toTagModel } from '@crossroads/api-qa';
import { MentorshipReviewModel } from '../reviews/mentorship-review.model.js';
import { toMentorshipReviewModel } from '../reviews/mentorship-review.mapper.js';
import { MentorshipReviewsService } from '../reviews/mentorship-reviews.service.js';
import { MentorProfileInput, VerifyMentorProfileInput } from './dto/mentor-profile.input.js';
import { MentorsArgs } from './dto/mentors.args.js';
import { toMentorProfileModel } from './mentor-profile.mapper.js';
import { MentorProfileConnectionModel, MentorProfileModel, MentorStatsModel } from './mentor-profile.model.js';
import { MentorProfilesService } from './mentor-profiles.service.js';

const { reviewsOnProfile } = LIMITS.mentoring;

@Resolver(() => MentorProfileModel)
export class MentorProfilesResolver {
  constructor(
    private readonly profiles: MentorProfilesService,
    private readonly reviewsService: MentorshipReviewsService,
    private readonly users: UsersService,
    private readonly tags: TagsService,
  ) {}

  @Query(() => MentorProfileConnectionModel, {
    description: 'The mentor directory: by relevance when filtered, else by accepted answers. Keyset paged.',
  })
  @Public()
  @FullTextSearch('search')
  async mentors(@Args() args: MentorsArgs): Promise<MentorProfileConnectionModel> {
    const page = await this.profiles.directory(args);
    const { edges, pageInfo } = connectionOf(
      page.items,
      (_p, i) => page.cursors[i],
      toMentorProfileModel,
      page.hasNextPage,
    );
    return Object.assign(new MentorProfileConnectionModel(), { edges, pageInfo, totalCount: page.totalCount });
  }

  @Query(() => [String], {
    description: 'Certifications offered as choices on a mentor profile (others may be typed in).',
  })
  @Public()
  mentorCertifications(): string[] {
    return [...KNOWN_CERTIFICATIONS];
  }

  @Mutation(() => MentorProfileModel, {
    description: "Creates or updates the caller's mentor profile; creating one makes a member a MENTOR.",
  })
  @RequirePermission('mentor.profile.upsert')
  async upsertMentorProfile(
    @Args('input') input: MentorProfileInput,
    @CurrentUser() viewer: Principal,
  ): Promise<MentorProfileModel> {
    return toMentorProfileModel(await this.profiles.upsert(viewer, input));
  }

  @Mutation(() => MentorProfileModel, {
    description: 'MODERATOR+: marks a mentor profile verified (experience claims checked), or not.',
  })
  @RequirePermission('mentor.verify')
  async verifyMentorProfile(
    @Args('input') input: VerifyMentorProfileInput,
    @CurrentUser() viewer: Principal,
  ): Promise<MentorProfileModel> {
    return toMentorProfileModel(await this.profiles.verify(viewer, input));
  }

  @ResolveField(() => UserModel)
  async user(@Parent() p: MentorProfileModel, @Context() ctx: GraphqlContext): Promise<UserModel> {
    const user = await this.users.loader(ctx.loaders).load(p.userId);
    if (!user) throw new Error(`user ${p.userId} of a mentor profile is missing`);
    return toUserModel(user);
  }

  @ResolveField(() => [TagModel])
  async expertise(@Parent() p: MentorProfileModel, @Context() ctx: GraphqlContext): Promise<TagModel[]> {
    const tags = await this.tags.loader(ctx.loaders).loadMany(p.expertiseNames);
    return tags.flatMap((t) => (t && !(t instanceof Error) ? [toTagModel(t)] : []));
  }

  @ResolveField(() => Int, { description: 'Live answers of the mentor accepted by the asker.' })
  async acceptedAnswerCount(@Parent() p: MentorProfileModel, @Context() ctx: GraphqlContext): Promise<number> {
    return (await this.profiles.statsLoader(ctx.loaders).load(p.userId)).acceptedAnswerCount;
  }

  @ResolveField(() => Float, { nullable: true, description: 'Average review rating (1–5); null without reviews.' })
  async averageRating(@Parent() p: MentorProfileModel, @Context() ctx: GraphqlContext): Promise<number | null> {
    return (await this.profiles.statsLoader(ctx.loaders).load(p.userId)).averageRating;
  }

  @ResolveField(() => MentorStatsModel)
  async stats(@Parent() p: MentorProfileModel, @Context() ctx: GraphqlContext): Promise<MentorStatsModel> {
    return Object.assign(new MentorStatsModel(), await this.profiles.statsLoader(ctx.loaders).load(p.userId));
  }

  @ResolveField(() => [MentorshipReviewModel], {
    description: `The newest reviews (first: 1–${reviewsOnProfile.maxSize}, default ${reviewsOnProfile.defaultSize}).`,
  })
  async reviews(
    @Parent() p: MentorProfileModel,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Context() ctx: GraphqlContext,
  ): Promise<MentorshipReviewModel[]> {
    const size = pageSize(first, 'first', reviewsOnProfile.maxSize, reviewsOnProfile.defaultSize);
    return (await this.reviewsService.byMentorLoader(ctx.loaders, size).load(p.userId)).map(toMentorshipReviewModel);
  }
}

@Resolver(() => UserModel)
export class UserMentorProfileResolver {
  constructor(
    private readonly profiles: MentorProfilesService,
    direct: DirectFields,
  ) {
    // Every author of a question page carries the mentor badge: resolved without Nest's per-field context.
    direct.register<UserModel>('User', 'mentorProfile', (u, _a, ctx) => this.mentorProfile(u, ctx));
  }

  @ResolveField(() => MentorProfileModel, { nullable: true, description: 'The mentor profile, when the user has one.' })
  async mentorProfile(@Parent() user: UserModel, @Context() ctx: GraphqlContext): Promise<MentorProfileModel | null> {
    const profile = await this.profiles.loader(ctx.loaders).load(user.id);
    return profile ? toMentorProfileModel(profile) : null;
  }
}
