import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphqlContext } from '@crossroads/api-platform';
import { UserModel, UsersService, toUserModel } from '@crossroads/api-accounts';
import { ModeratorDecisionTimeModel } from './community-insights.model.js';

@Resolver(() => ModeratorDecisionTimeModel)
export class ModeratorDecisionTimeResolver {
  constructor(private readonly users: UsersService) {}

  @ResolveField(() => UserModel, { nullable: true, description: 'null when the account was erased.' })
  async moderator(@Parent() d: ModeratorDecisionTimeModel, @Context() ctx: GraphqlContext): Promise<UserModel | null> {
    const user = await this.users.loader(ctx.loaders).load(d.moderatorId);
    return user ? toUserModel(user) : null;
  }
}
