import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { LIMITS, roleHasPermission } from '@crossroads/shared-domain';
import {
  DirectFields,
  APP_CONFIG,
  CurrentUser,
  Public,
  type AppConfig,
  type GraphqlContext,
  type Principal,
} from '@crossroads/api-platform';
import { UserModel, UsersService, toUserModel } from '@crossroads/api-accounts';
import { CommentModel } from './comment.model.js';
import { toCommentModel } from './comment.mapper.js';
import { CommentsService } from './comments.service.js';
import { AddCommentInput } from './dto/add-comment.input.js';
import { HeldCommentsArgs } from './dto/held-comments.args.js';
import { heldCommentId, heldCommentToken } from './held-comment-token.js';

@Resolver(() => CommentModel)
export class CommentsResolver {
  constructor(
    private readonly commentsService: CommentsService,
    private readonly usersService: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    direct: DirectFields,
  ) {
    direct.register<CommentModel>('Comment', 'author', (c, _a, ctx) => this.author(c, ctx));
  }

  @Mutation(() => CommentModel, {
    description:
      'Members and guests (guestName and guestEmail required; guests are limited to 5 comments an hour per IP and 3 per email). Returns the comment with its status: PENDING when held for moderation.',
  })
  @Public()
  async addComment(
    @Args('input') input: AddCommentInput,
    @CurrentUser() viewer: Principal | null,
    @Context() ctx: GraphqlContext,
  ): Promise<CommentModel> {
    const comment = toCommentModel(await this.commentsService.add(viewer, input, { ip: ctx.req.ip ?? 'unknown' }));
    if (comment.status === 'PENDING') comment.heldToken = heldCommentToken(this.config.jwtSecret, comment.id);
    return comment;
  }

  @Query(() => [CommentModel], {
    description: `One's own comments still held for moderation, by the tokens addComment gave (heldToken; at most ${LIMITS.comment.heldTokensMax}). Tokens that are forged, or whose comment was decided or removed, give nothing.`,
  })
  @Public()
  async heldComments(@Args() args: HeldCommentsArgs, @Context() ctx: GraphqlContext): Promise<CommentModel[]> {
    // Each answer belongs to whoever holds the tokens: never kept in the guests' shared cache.
    ctx.uncacheable = true;
    const ids = [...new Set(args.tokens.flatMap((t) => heldCommentId(this.config.jwtSecret, t) ?? []))];
    return (await this.commentsService.heldByIds(ids)).map(toCommentModel);
  }

  @ResolveField(() => UserModel, { nullable: true, description: 'Null for guest comments.' })
  async author(@Parent() c: CommentModel, @Context() ctx: GraphqlContext): Promise<UserModel | null> {
    if (!c.authorId) return null;
    const user = await this.usersService.loader(ctx.loaders).load(c.authorId);
    return user ? toUserModel(user) : null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description: "A guest's email: visible to moderators and admins only.",
  })
  guestEmail(@Parent() c: CommentModel, @CurrentUser() viewer: Principal | null): string | null {
    if (!viewer || !roleHasPermission(viewer.role, 'comment.moderate')) return null;
    return c.privateGuestEmail;
  }
}
