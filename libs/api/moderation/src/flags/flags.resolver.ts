import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  CurrentUser,
  RequirePermission,
  type GraphqlContext,
  type Principal,
  PageArgs,
  connectionOf,
} from '@crossroads/api-platform';
import { UserModel, UsersService, toUserModel } from '@crossroads/api-accounts';
import { FlagInput, ResolveFlagsInput } from './dto/flag.inputs.js';
import type { FlagEntity, FlaggedPostEntity } from './flag.entity.js';
import { FlagModel, FlaggedPostConnectionModel, FlaggedPostModel } from './flag.model.js';
import { FlagsService, flaggedCursor } from './flags.service.js';

export function toFlaggedPostModel(p: FlaggedPostEntity): FlaggedPostModel {
  return Object.assign(new FlaggedPostModel(), {
    postId: p.postId,
    postType: p.postType,
    openFlagCount: Number(p.openFlags),
    firstFlaggedAt: p.firstFlaggedAt,
    hidden: p.hiddenAt !== null,
  });
}

export function toFlagModel(f: FlagEntity): FlagModel {
  return Object.assign(new FlagModel(), {
    id: f.id,
    reason: f.reason,
    text: f.text,
    createdAt: f.createdAt,
    flaggerId: f.flaggerId,
  });
}

@Resolver(() => FlaggedPostModel)
export class FlagsResolver {
  constructor(private readonly flagsService: FlagsService) {}

  @Mutation(() => Boolean, {
    description: 'Members: flags a question, answer or comment (once per post). CONFLICT when already flagged.',
  })
  @RequirePermission('flag.raise')
  async flag(@Args('input') input: FlagInput, @CurrentUser() viewer: Principal): Promise<boolean> {
    return this.flagsService.flag(viewer, input);
  }

  @Query(() => FlaggedPostConnectionModel, { description: 'MODERATOR+: posts with open flags, oldest first.' })
  @RequirePermission('post.hide')
  async flagQueue(@Args() args: PageArgs): Promise<FlaggedPostConnectionModel> {
    const page = await this.flagsService.queue(args);
    return connectionOf(page.items, flaggedCursor, toFlaggedPostModel, page.hasNextPage);
  }

  @Mutation(() => FlaggedPostModel, {
    description: "MODERATOR+: decides a flagged post's open flags (DISMISS restores it, HIDE hides it). Logged.",
  })
  @RequirePermission('post.hide')
  async resolveFlags(
    @Args('input') input: ResolveFlagsInput,
    @CurrentUser() viewer: Principal,
  ): Promise<FlaggedPostModel> {
    return toFlaggedPostModel(await this.flagsService.resolve(viewer, input));
  }

  @ResolveField(() => [FlagModel], { description: 'The open flags, oldest first.' })
  async flags(@Parent() p: FlaggedPostModel, @Context() ctx: GraphqlContext): Promise<FlagModel[]> {
    return (await this.flagsService.openFlagsLoader(ctx.loaders).load(p.postId)).map(toFlagModel);
  }
}

@Resolver(() => FlagModel)
export class FlagResolver {
  constructor(private readonly usersService: UsersService) {}

  @ResolveField(() => UserModel, { nullable: true })
  async flagger(@Parent() f: FlagModel, @Context() ctx: GraphqlContext): Promise<UserModel | null> {
    const user = await this.usersService.loader(ctx.loaders).load(f.flaggerId);
    return user ? toUserModel(user) : null;
  }
}
