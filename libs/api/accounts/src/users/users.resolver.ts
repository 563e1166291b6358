import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Public, RequirePermission, type Principal } from '@crossroads/api-platform';
import { SetRoleInput } from './dto/set-role.input.js';
import { toUserModel } from './user.mapper.js';
import { UserModel } from './user.model.js';
import { UsersService } from './users.service.js';

@Resolver(() => UserModel)
export class UsersResolver {
  constructor(private readonly users: UsersService) {}

  @Query(() => UserModel, { nullable: true, description: 'The signed-in user, or null for guests.' })
  @Public()
  async me(@CurrentUser() viewer: Principal | null): Promise<UserModel | null> {
    if (!viewer) return null;
    const user = await this.users.findById(viewer.id);
    return user ? toUserModel(user) : null;
  }

  @Query(() => UserModel, { nullable: true })
  @Public()
  async user(@Args('handle') handle: string): Promise<UserModel | null> {
    const user = await this.users.findByHandle(handle);
    return user ? toUserModel(user) : null;
  }

  @Mutation(() => UserModel, { description: 'ADMIN only: gives a user another role.' })
  @RequirePermission('role.set')
  async setRole(@Args('input') input: SetRoleInput, @CurrentUser() viewer: Principal): Promise<UserModel> {
    return toUserModel(await this.users.setRole(viewer, input.handle, input.role));
  }

  @ResolveField(() => String, { nullable: true, description: 'Visible only to the user and to admins.' })
  email(@Parent() user: UserModel, @CurrentUser() viewer: Principal | null): string | null {
    if (!viewer || (viewer.id !== user.id && viewer.role !== 'ADMIN')) return null;
    return user.privateEmail;
  }

  @ResolveField(() => Boolean, {
    nullable: true,
    description: 'Whether the email address was verified; visible only to the user and to admins.',
  })
  emailVerified(@Parent() user: UserModel, @CurrentUser() viewer: Principal | null): boolean | null {
    if (!viewer || (viewer.id !== user.id && viewer.role !== 'ADMIN')) return null;
    return user.privateEmailVerified;
  }
}
