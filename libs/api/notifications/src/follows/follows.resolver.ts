import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver, Int } from '@nestjs/graphql';
import {
  CurrentUser,
  NotFoundError,
  RequirePermission,
  type GraphqlContext,
  type Principal,
  PageArgs,
  connectionOf,
} from '@crossroads/api-platform';
import {
  QuestionConnectionModel,
  QuestionModel,
  QuestionsService,
  TagModel,
  TagsService,
  toQuestionModel,
  toTagModel,
} from '@crossroads/api-qa';
import { MentorProfileModel, MentorProfilesService, toMentorProfileModel } from '@crossroads/api-mentoring';
import { FOLLOWING_LEVELS, type FollowLevel, type FollowTargetType } from '../common/types.js';
import { FollowLevelEnum, FollowModel, SetFollowLevelInput } from '../notifications/notification.model.js';
import { FollowsService } from './follows.service.js';

const follows = (level: FollowLevel | null) => level !== null && FOLLOWING_LEVELS.includes(level);

/** The target as loaded after the write; resolveTarget checked it exists, so null means it vanished meanwhile. */
function found<T>(value: T | null, what: string, field: string): T {
  if (value === null) throw new NotFoundError(what, field);
  return value;
}

/** Following tags, questions and mentors; the viewer's level and follower counts on qa's and mentoring's types. */
@Resolver()
export class FollowsResolver {
  constructor(
    private readonly follows: FollowsService,
    private readonly tags: TagsService,
    private readonly questions: QuestionsService,
    private readonly mentors: MentorProfilesService,
  ) {}

  @Query(() => [TagModel], { description: 'Tags the signed-in member follows, newest first.' })
  @RequirePermission('follow.manage')
  async followedTags(@CurrentUser() viewer: Principal, @Context() ctx: GraphqlContext): Promise<TagModel[]> {
    const names = await this.follows.followedKeys(viewer.id, 'TAG');
    const tags = await Promise.all(names.map((n) => this.tags.loader(ctx.loaders).load(n)));
    return tags.filter((t) => t !== null).map(toTagModel);
  }

  @Query(() => QuestionConnectionModel, {
    description: 'Questions the signed-in member follows (Watching or Tracking), newest follow first.',
  })
  @RequirePermission('follow.manage')
  async followedQuestions(
    @Args() args: PageArgs,
    @CurrentUser() viewer: Principal,
    @Context() ctx: GraphqlContext,
  ): Promise<QuestionConnectionModel> {
    const page = await this.follows.followedQuestions(viewer.id, args);
    const loaded = await Promise.all(
      page.items.map(async (r) => ({ r, q: await this.questions.byIdLoader(ctx.loaders).load(r.key) })),
    );
    const live = loaded.flatMap(({ r, q }) => (q ? [{ r, q }] : []));
    const { edges, pageInfo } = connectionOf(
      live,
      (x) => page.cursorOf(x.r),
      (x) => toQuestionModel(x.q),
      page.hasNextPage,
    );
    if (live.length < loaded.length && loaded.length) pageInfo.endCursor = page.cursorOf(loaded[loaded.length - 1].r);
    return Object.assign(new QuestionConnectionModel(), {
      edges,
      pageInfo,
      totalCount: page.totalCount,
      didYouMean: null,
    });
  }

  @Query(() => [MentorProfileModel], { description: 'Mentors the signed-in member follows, newest first.' })
  @RequirePermission('follow.manage')
  async followedMentors(
    @CurrentUser() viewer: Principal,
    @Context() ctx: GraphqlContext,
  ): Promise<MentorProfileModel[]> {
    const ids = await this.follows.followedKeys(viewer.id, 'MENTOR');
    const profiles = await Promise.all(ids.map((id) => this.mentors.loader(ctx.loaders).load(id)));
    return profiles.filter((p) => p !== null).map(toMentorProfileModel);
  }

  @Mutation(() => TagModel, {
    description: 'Follows a tag (Watching first post: every new question in it). NOT_FOUND for an unknown tag.',
  })
  @RequirePermission('follow.manage')
  async followTag(
    @Args('name') name: string,
    @CurrentUser() viewer: Principal,
    @Context() ctx: GraphqlContext,
  ): Promise<TagModel> {
    return this.setTag(viewer, ctx, name, 'WATCHING_FIRST_POST');
  }

  @Mutation(() => TagModel, { description: 'Stops following a tag.' })
  @RequirePermission('follow.manage')
  async unfollowTag(
    @Args('name') name: string,
    @CurrentUser() viewer: Principal,
    @Context() ctx: GraphqlContext,
  ): Promise<TagModel> {
    return this.setTag(viewer, ctx, name, null);
  }

  @Mutation(() => QuestionModel, {
    description: 'Watches a question: every answer and comment. NOT_FOUND for an unknown question.',
  })
  @RequirePermission('follow.manage')
  async followQuestion(
    @Args('id', { type: () => ID }) id: string,
    @CurrentUser() viewer: Principal,
    @Context() ctx: GraphqlContext,
  ): Promise<QuestionModel> {
    return this.setQuestion(viewer, ctx, id, 'WATCHING');
  }

  @Mutation(() => QuestionModel, {
    description:
      'Stops following a question (Normal: only replies and mentions; answering or commenting no longer re-follows it).',
  })
  @RequirePermission('follow.manage')
  async unfollowQuestion(
    @Args('id', { type: () => ID }) id: string,
    @CurrentUser() viewer: Principal,
    @Context() ctx: GraphqlContext,
  ): Promise<QuestionModel> {
    return this.setQuestion(viewer, ctx, id, 'NORMAL');
  }

  @Mutation(() => MentorProfileModel, {
    description: 'Follows a mentor. NOT_FOUND when the handle has no mentor profile.',
  })
  @RequirePermission('follow.manage')
  async followMentor(
    @Args('handle') handle: string,
    @CurrentUser() viewer: Principal,
    @Context() ctx: GraphqlContext,
  ): Promise<MentorProfileModel> {
    return this.setMentor(viewer, ctx, handle, 'WATCHING');
  }

  @Mutation(() => MentorProfileModel, { description: 'Stops following a mentor.' })
  @RequirePermission('follow.manage')
  async unfollowMentor(
    @Args('handle') handle: string,
    @CurrentUser() viewer: Principal,
    @Context() ctx: GraphqlContext,
  ): Promise<MentorProfileModel> {
    return this.setMentor(viewer, ctx, handle, null);
  }

  @Mutation(() => FollowModel, {
    description: 'Sets any level on a tag (name), question (id) or mentor (handle); MUTED silences it entirely.',
  })
  @RequirePermission('follow.manage')
  async setFollowLevel(
    @Args('input') input: SetFollowLevelInput,
    @CurrentUser() viewer: Principal,
    @Context() ctx: GraphqlContext,
  ): Promise<FollowModel> {
    const key = await this.follows.resolveTarget(ctx.loaders, input.targetType, input.target, 'target');
    await this.follows.setLevel(viewer.id, input.targetType, key, input.level);
    return Object.assign(new FollowModel(), {
      targetType: input.targetType,
      target: input.target.trim().toLowerCase(),
      level: input.level,
    });
  }

  private async setTag(
    viewer: Principal,
    ctx: GraphqlContext,
    name: string,
    level: FollowLevel | null,
  ): Promise<TagModel> {
    const key = await this.follows.resolveTarget(ctx.loaders, 'TAG', name);
    await this.write(viewer, 'TAG', key, level);
    return toTagModel(found(await this.tags.loader(ctx.loaders).load(key), `Tag "${name}"`, 'name'));
  }

  private async setQuestion(
    viewer: Principal,
    ctx: GraphqlContext,
    id: string,
    level: FollowLevel,
  ): Promise<QuestionModel> {
    const key = await this.follows.resolveTarget(ctx.loaders, 'QUESTION', id);
    await this.write(viewer, 'QUESTION', key, level);
    return toQuestionModel(found(await this.questions.byIdLoader(ctx.loaders).load(key), 'Question', 'id'));
  }

  private async setMentor(
    viewer: Principal,
    ctx: GraphqlContext,
    handle: string,
    level: FollowLevel | null,
  ): Promise<MentorProfileModel> {
    const key = await this.follows.resolveTarget(ctx.loaders, 'MENTOR', handle);
    await this.write(viewer, 'MENTOR', key, level);
    return toMentorProfileModel(found(await this.mentors.loader(ctx.loaders).load(key), `Mentor @${handle}`, 'handle'));
  }

  private async write(
    viewer: Principal,
    type: FollowTargetType,
    key: string,
    level: FollowLevel | null,
  ): Promise<void> {
    if (level) await this.follows.setLevel(viewer.id, type, key, level);
    else await this.follows.remove(viewer.id, type, key);
  }
}

/** Field resolvers need their own @Resolver per parent type. */
@Resolver(() => QuestionModel)
export class QuestionFollowsResolver {
  constructor(private readonly follows: FollowsService) {}

  @ResolveField(() => Boolean, { description: 'The viewer follows it (Watching or Tracking); false for guests.' })
  async viewerFollows(
    @Parent() q: QuestionModel,
    @CurrentUser() viewer: Principal | null,
    @Context() ctx: GraphqlContext,
  ): Promise<boolean> {
    return viewer ? follows(await this.follows.levelLoader(ctx.loaders, viewer.id, 'QUESTION').load(q.id)) : false;
  }

  @ResolveField(() => FollowLevelEnum, {
    nullable: true,
    description: "The viewer's level on it (null: none chosen, or a guest).",
  })
  async viewerFollowLevel(
    @Parent() q: QuestionModel,
    @CurrentUser() viewer: Principal | null,
    @Context() ctx: GraphqlContext,
  ): Promise<FollowLevel | null> {
    return viewer ? this.follows.levelLoader(ctx.loaders, viewer.id, 'QUESTION').load(q.id) : null;
  }

  @ResolveField(() => Int, { description: 'Members following it (Watching or Tracking).' })
  async followerCount(@Parent() q: QuestionModel, @Context() ctx: GraphqlContext): Promise<number> {
    return this.follows.countLoader(ctx.loaders, 'QUESTION').load(q.id);
  }
}

@Resolver(() => TagModel)
export class TagFollowsResolver {
  constructor(private readonly follows: FollowsService) {}

  @ResolveField(() => Boolean, { description: 'The viewer follows it; false for guests.' })
  async viewerFollows(
    @Parent() t: TagModel,
    @CurrentUser() viewer: Principal | null,
    @Context() ctx: GraphqlContext,
  ): Promise<boolean> {
    return viewer ? follows(await this.follows.levelLoader(ctx.loaders, viewer.id, 'TAG').load(t.name)) : false;
  }

  @ResolveField(() => FollowLevelEnum, {
    nullable: true,
    description: "The viewer's level on it (null: none chosen, or a guest).",
  })
  async viewerFollowLevel(
    @Parent() t: TagModel,
    @CurrentUser() viewer: Principal | null,
    @Context() ctx: GraphqlContext,
  ): Promise<FollowLevel | null> {
    return viewer ? this.follows.levelLoader(ctx.loaders, viewer.id, 'TAG').load(t.name) : null;
  }

  @ResolveField(() => Int, { description: 'Members following it.' })
  async followerCount(@Parent() t: TagModel, @Context() ctx: GraphqlContext): Promise<number> {
    return this.follows.countLoader(ctx.loaders, 'TAG').load(t.name);
  }
}

@Resolver(() => MentorProfileModel)
export class MentorFollowsResolver {
  constructor(private readonly follows: FollowsService) {}

  @ResolveField(() => Boolean, { description: 'The viewer follows this mentor; false for guests.' })
  async viewerFollows(
    @Parent() p: MentorProfileModel,
    @CurrentUser() viewer: Principal | null,
    @Context() ctx: GraphqlContext,
  ): Promise<boolean> {
    return viewer ? follows(await this.follows.levelLoader(ctx.loaders, viewer.id, 'MENTOR').load(p.userId)) : false;
  }

  @ResolveField(() => Int, { description: 'Members following this mentor.' })
  async followerCount(@Parent() p: MentorProfileModel, @Context() ctx: GraphqlContext): Promise<number> {
    return this.follows.countLoader(ctx.loaders, 'MENTOR').load(p.userId);
  }
}
