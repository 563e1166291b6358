import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, RequirePermission, type GraphqlContext, type Principal } from '@crossroads/api-platform';
import { UserModel, UsersService, toUserModel } from '@crossroads/api-accounts';
import { LiftSuspensionInput, SuspendUserInput } from './dto/suspension.inputs.js';
import { toSuspensionModel } from './suspension.mapper.js';
import { SuspensionModel } from './suspension.model.js';
import { SuspensionsService } from './suspensions.service.js';

@Resolver(() => SuspensionModel)
export class SuspensionsResolver {
  constructor(
    private readonly suspensions: SuspensionsService,
    private readonly usersService: UsersService,
  ) {}

  @Mutation(() => SuspensionModel, {
    description: 'MODERATOR+: suspends a member (only roles below your own). Logged.',
  })
  @RequirePermission('user.suspend')
  async suspendUser(
    @Args('input') input: SuspendUserInput,
    @CurrentUser() viewer: Principal,
  ): Promise<SuspensionModel> {
    return toSuspensionModel(await this.suspensions.suspend(viewer, input));
  }

  @Mutation(() => SuspensionModel, { description: "MODERATOR+: ends a member's active suspension. Logged." })
  @RequirePermission('user.suspend')
  async liftSuspension(
    @Args('input') input: LiftSuspensionInput,
    @CurrentUser() viewer: Principal,
  ): Promise<SuspensionModel> {
    return toSuspensionModel(await this.suspensions.lift(viewer, input));
  }

  @ResolveField(() => UserModel, { nullable: true })
  async user(@Parent() s: SuspensionModel, @Context() ctx: GraphqlContext): Promise<UserModel | null> {
    const user = await this.usersService.loader(ctx.loaders).load(s.userId);
    return user ? toUserModel(user) : null;
  }
}
