import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  CurrentUser,
  RequirePermission,
  SignedIn,
  type GraphqlContext,
  type Principal,
  connectionOf,
} from '@crossroads/api-platform';
import { UserModel, UsersService, toUserModel } from '@crossroads/api-accounts';
import { QuestionModel, QuestionsService, toQuestionModel } from '@crossroads/api-qa';
import { MentorshipReviewModel } from '../reviews/mentorship-review.model.js';
import { toMentorshipReviewModel } from '../reviews/mentorship-review.mapper.js';
import { MentorshipReviewsService } from '../reviews/mentorship-reviews.service.js';
import {
  MentorshipRequestIdArgs,
  MentorshipRequestsArgs,
  ReplyToReviewInput,
  RequestMentorshipInput,
  RespondToMentorshipInput,
  ReviewMentorshipInput,
} from './dto/mentorship.inputs.js';
import { toMentorshipRequestModel } from './mentorship-request.mapper.js';
import { MentorshipRequestConnectionModel, MentorshipRequestModel } from './mentorship-request.model.js';
import { MentorshipRequestsService, requestCursor } from './mentorship-requests.service.js';

/*
 * respond/complete/reply are @SignedIn with the record check in the service ("are you this
 * request's mentor?") rather than a role permission: a member becomes a MENTOR when creating a
 * profile, and their access token keeps the old role until it is refreshed.
 */
@Resolver(() => MentorshipRequestModel)
export class MentorshipRequestsResolver {
  constructor(
    private readonly requests: MentorshipRequestsService,
    private readonly reviews: MentorshipReviewsService,
    private readonly users: UsersService,
    private readonly questions: QuestionsService,
  ) {}

  @Query(() => MentorshipRequestConnectionModel, {
    description: "The viewer's mentorship requests, as mentee and as mentor, newest first.",
  })
  @SignedIn()
  async mentorshipRequests(
    @Args() args: MentorshipRequestsArgs,
    @CurrentUser() viewer: Principal,
  ): Promise<MentorshipRequestConnectionModel> {
    const page = await this.requests.list(viewer, args);
    const { edges, pageInfo } = connectionOf(page.items, requestCursor, toMentorshipRequestModel, page.hasNextPage);
    return Object.assign(new MentorshipRequestConnectionModel(), { edges, pageInfo, totalCount: page.totalCount });
  }

  @Mutation(() => MentorshipRequestModel, {
    description:
      'Asks a mentor for help. CONFLICT when an open request to them exists, they are full, or not taking requests.',
  })
  @RequirePermission('mentorship.request')
  async requestMentorship(
    @Args('input') input: RequestMentorshipInput,
    @CurrentUser() viewer: Principal,
  ): Promise<MentorshipRequestModel> {
    return toMentorshipRequestModel(await this.requests.request(viewer, input));
  }

  @Mutation(() => MentorshipRequestModel, { description: 'The mentor accepts or declines a pending request.' })
  @SignedIn()
  async respondToMentorship(
    @Args('input') input: RespondToMentorshipInput,
    @CurrentUser() viewer: Principal,
  ): Promise<MentorshipRequestModel> {
    return toMentorshipRequestModel(await this.requests.respond(viewer, input));
  }

  @Mutation(() => MentorshipRequestModel, { description: 'Either side marks an accepted mentorship completed.' })
  @SignedIn()
  async completeMentorship(
    @Args() args: MentorshipRequestIdArgs,
    @CurrentUser() viewer: Principal,
  ): Promise<MentorshipRequestModel> {
    return toMentorshipRequestModel(await this.requests.complete(viewer, args.requestId));
  }

  @Mutation(() => MentorshipRequestModel, { description: 'The mentee withdraws a pending or accepted request.' })
  @RequirePermission('mentorship.request')
  async cancelMentorship(
    @Args() args: MentorshipRequestIdArgs,
    @CurrentUser() viewer: Principal,
  ): Promise<MentorshipRequestModel> {
    return toMentorshipRequestModel(await this.requests.cancel(viewer, args.requestId));
  }

  @Mutation(() => MentorshipReviewModel, { description: 'The mentee rates a completed mentorship 1–5, once.' })
  @RequirePermission('mentorship.request')
  async reviewMentorship(
    @Args('input') input: ReviewMentorshipInput,
    @CurrentUser() viewer: Principal,
  ): Promise<MentorshipReviewModel> {
    return toMentorshipReviewModel(await this.reviews.review(viewer, input));
  }

  @Mutation(() => MentorshipReviewModel, { description: 'The mentor replies to a review, once.' })
  @SignedIn()
  async replyToMentorshipReview(
    @Args('input') input: ReplyToReviewInput,
    @CurrentUser() viewer: Principal,
  ): Promise<MentorshipReviewModel> {
    return toMentorshipReviewModel(await this.reviews.reply(viewer, input));
  }

  @ResolveField(() => UserModel)
  async mentee(@Parent() r: MentorshipRequestModel, @Context() ctx: GraphqlContext): Promise<UserModel> {
    return this.user(r.menteeId, ctx);
  }

  @ResolveField(() => UserModel)
  async mentor(@Parent() r: MentorshipRequestModel, @Context() ctx: GraphqlContext): Promise<UserModel> {
    return this.user(r.mentorId, ctx);
  }

  @ResolveField(() => QuestionModel, {
    nullable: true,
    description: 'The question the request is about (null when none, or hidden since).',
  })
  async question(@Parent() r: MentorshipRequestModel, @Context() ctx: GraphqlContext): Promise<QuestionModel | null> {
    if (!r.questionId) return null;
    const question = await this.questions.byIdLoader(ctx.loaders).load(r.questionId);
    return question ? toQuestionModel(question) : null;
  }

  @ResolveField(() => MentorshipReviewModel, { nullable: true, description: "The mentee's review, once given." })
  async review(
    @Parent() r: MentorshipRequestModel,
    @Context() ctx: GraphqlContext,
  ): Promise<MentorshipReviewModel | null> {
    const review = await this.reviews.byRequestLoader(ctx.loaders).load(r.id);
    return review ? toMentorshipReviewModel(review) : null;
  }

  private async user(id: string, ctx: GraphqlContext): Promise<UserModel> {
    const user = await this.users.loader(ctx.loaders).load(id);
    if (!user) throw new Error(`user ${id} of a mentorship request is missing`);
    return toUserModel(user);
  }
}

@Resolver(() => MentorshipReviewModel)
export class MentorshipReviewResolver {
  constructor(private readonly users: UsersService) {}

  @ResolveField(() => UserModel)
  async mentee(@Parent() v: MentorshipReviewModel, @Context() ctx: GraphqlContext): Promise<UserModel> {
    const user = await this.users.loader(ctx.loaders).load(v.menteeId);
    if (!user) throw new Error(`mentee ${v.menteeId} of a review is missing`);
    return toUserModel(user);
  }
}
