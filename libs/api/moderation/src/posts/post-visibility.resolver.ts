import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentUser, RequirePermission, SignedIn, type Principal } from '@crossroads/api-platform';
import { DeletePostInput, HidePostInput, RestorePostInput } from './dto/post-visibility.inputs.js';
import { PostVisibilityModel } from './post-visibility.model.js';
import { PostVisibilityService, type PostVisibility } from './post-visibility.service.js';

const toModel = (p: PostVisibility): PostVisibilityModel =>
  Object.assign(new PostVisibilityModel(), { ...p, hidden: p.hiddenAt !== null });

@Resolver(() => PostVisibilityModel)
export class PostVisibilityResolver {
  constructor(private readonly posts: PostVisibilityService) {}

  @Mutation(() => PostVisibilityModel, {
    description:
      'Authors: deletes (hides) your own question, answer or comment. Nothing is erased; a moderator can restore it.',
  })
  @SignedIn()
  async deletePost(
    @Args('input') input: DeletePostInput,
    @CurrentUser() viewer: Principal,
  ): Promise<PostVisibilityModel> {
    return toModel(await this.posts.deleteOwn(viewer, input));
  }

  @Mutation(() => PostVisibilityModel, {
    description: 'MODERATOR+: hides any question, answer or comment with a reason (resolves its open flags). Logged.',
  })
  @RequirePermission('post.hide')
  async hidePost(@Args('input') input: HidePostInput, @CurrentUser() viewer: Principal): Promise<PostVisibilityModel> {
    return toModel(await this.posts.hideAny(viewer, input));
  }

  @Mutation(() => PostVisibilityModel, {
    description: 'MODERATOR+: restores a hidden or deleted question, answer or comment. Logged.',
  })
  @RequirePermission('post.hide')
  async restorePost(
    @Args('input') input: RestorePostInput,
    @CurrentUser() viewer: Principal,
  ): Promise<PostVisibilityModel> {
    return toModel(await this.posts.restore(viewer, input));
  }
}
