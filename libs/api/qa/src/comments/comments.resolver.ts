import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { roleHasPermission } from '@crossroads/shared-domain';
import { CurrentUser, Public, type GraphqlContext, type Principal } from '@crossroads/api-platform';
import { UserModel, UsersService, toUserModel } from '@crossroads/api-accounts';
import { CommentModel } from './comment.model.js';
import { toCommentModel } from './comment.mapper.js';
import { CommentsService } from './comments.service.js';
import { AddCommentInput } from './dto/add-comment.input.js';

@Resolver(() => CommentModel)
export class CommentsResolver {
  constructor(
    private readonly commentsService: CommentsService,
    private readonly usersService: UsersService,
  ) {}

  @Mutation(() => CommentModel, {
    description:
      'Members and guests (guestName and guestEmail required; guests are limited to 5 comments an hour per IP and 3 per email). Returns the comment with its status: PENDING when held for moderation.',
  })
  @Public()
  async addComment(@Args('input') input: AddCommentInput, @CurrentUser() viewer: Principal | null, @Context() ctx: GraphqlContext): Promise<CommentModel> {
    return toCommentModel(await this.commentsService.add(viewer, input, { ip: ctx.req.ip ?? 'unknown' }));
  }

  @ResolveField(() => UserModel, { nullable: true, description: 'Null for guest comments.' })
  async author(@Parent() c: CommentModel, @Context() ctx: GraphqlContext): Promise<UserModel | null> {
    if (!c.authorId) return null;
    const user = await this.usersService.loader(ctx.loaders).load(c.authorId);
    return user ? toUserModel(user) : null;
  }

  @ResolveField(() => String, { nullable: true, description: "A guest's email: visible to moderators and admins only." })
  guestEmail(@Parent() c: CommentModel, @CurrentUser() viewer: Principal | null): string | null {
    if (!viewer || !roleHasPermission(viewer.role, 'comment.moderate')) return null;
    return c.privateGuestEmail;
  }
}
