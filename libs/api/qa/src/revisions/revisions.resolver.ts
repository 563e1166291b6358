import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphqlContext } from '@crossroads/api-platform';
import { UserModel, UsersService, toUserModel } from '@crossroads/api-accounts';
import { RevisionModel } from './revision.model.js';

@Resolver(() => RevisionModel)
export class RevisionsResolver {
  constructor(private readonly usersService: UsersService) {}

  @ResolveField(() => UserModel, { description: 'Who made the edit.' })
  async editor(@Parent() r: RevisionModel, @Context() ctx: GraphqlContext): Promise<UserModel> {
    const user = await this.usersService.loader(ctx.loaders).load(r.editorId);
    if (!user) throw new Error(`editor ${r.editorId} is missing`);
    return toUserModel(user);
  }
}
